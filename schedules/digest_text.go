package schedules

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// digestLines bounds each list in a digest; the rest is only counted.
const digestLines = 20

// digestLoad bounds the tickets each section reads per client, so a client
// with a huge backlog costs bounded queries; the most urgent come first.
const digestLoad = 500

type digestEntry struct {
	t *ticketing.Ticket
	c *ticketing.Client
}

// digestText is a focal point's morning summary: what is due today without
// an answer, the previous working day's breaches, and every open ticket by
// due time.
func (j *Jobs) digestText(ctx context.Context, tx ticketing.Tx, g *digestGroup, day ticketing.Date, now time.Time) (text string, empty bool, err error) {
	dayStart, nextStart := wall(day, 0, g.loc), wall(addDays(day, 1), 0, g.loc)
	prev := g.previousWorkingDay(day)
	var dueToday, missed, open digestList
	for i := range g.clients {
		c := &g.clients[i]
		err := dueToday.load(ctx, tx, c, ticketing.TicketFilter{OnlyOpen: true, DueFrom: dayStart, DueTo: nextStart},
			func(t *ticketing.Ticket) bool { return !t.Responded() })
		if err != nil {
			return "", false, err
		}
		err = missed.load(ctx, tx, c, ticketing.TicketFilter{DueFrom: wall(prev, 0, g.loc), DueTo: dayStart},
			func(t *ticketing.Ticket) bool { return !t.SLAMet() })
		if err != nil {
			return "", false, err
		}
		if err := open.load(ctx, tx, c, ticketing.TicketFilter{OnlyOpen: true}, nil); err != nil {
			return "", false, err
		}
	}
	for _, list := range []*digestList{&dueToday, &missed, &open} {
		slices.SortStableFunc(list.entries, func(a, b digestEntry) int {
			if c := a.t.DueAt.Compare(b.t.DueAt); c != 0 {
				return c
			}
			return cmp.Compare(a.t.ID, b.t.ID)
		})
	}

	l := j.deskLang
	weekday := func(t time.Time) string { return l.Say(fmt.Sprintf("weekday.%d", t.Weekday())) }
	var s strings.Builder
	local := dayStart.In(g.loc)
	s.WriteString(l.Say("digest.title", weekday(local), local.Format("02/01"), zoneName(l, &g.clients[0])) + "\n")
	if len(dueToday.entries) > 0 {
		s.WriteString("\n" + l.Say("digest.due_today", dueToday.count(l)) + "\n")
		writeEntries(l, &s, dueToday.entries, func(e digestEntry) string {
			return l.Say("digest.due", l.When(e.t.DueAt, now, g.loc))
		})
	}
	if len(missed.entries) > 0 {
		label := l.Say("digest.yesterday")
		if prev != addDays(day, -1) {
			p := wall(prev, 0, g.loc)
			label = l.Say("digest.on_day", weekday(p), p.Format("02/01"))
		}
		s.WriteString("\n" + l.Say("digest.missed", label, missed.count(l)) + "\n")
		writeEntries(l, &s, missed.entries, func(e digestEntry) string {
			if !e.t.Responded() {
				return l.Say("digest.missed.unanswered", l.When(e.t.DueAt, now, g.loc))
			}
			return l.Say("digest.missed.late", l.Duration(e.t.FirstResponseAt.Sub(e.t.DueAt)))
		})
	}
	var awaiting []digestEntry
	for _, e := range open.entries {
		if e.t.Responded() && e.t.AwaitingAnswer() {
			awaiting = append(awaiting, e)
		}
	}
	slices.SortStableFunc(awaiting, func(a, b digestEntry) int { return a.t.NextDueAt.Compare(b.t.NextDueAt) })
	if len(awaiting) > 0 {
		s.WriteString("\n" + l.Say("digest.awaiting", len(awaiting)) + "\n")
		writeEntries(l, &s, awaiting, func(e digestEntry) string {
			if !e.t.NextDueAt.After(now) {
				return l.Say("digest.awaiting.overdue", l.When(e.t.NextDueAt, now, g.loc))
			}
			return l.Say("digest.due", l.When(e.t.NextDueAt, now, g.loc))
		})
	}
	switch {
	case len(open.entries) == 0:
		s.WriteString("\n" + l.Say("digest.none"))
	default:
		s.WriteString("\n" + l.Say("digest.open", open.count(l)) + "\n")
		writeEntries(l, &s, open.entries, func(e digestEntry) string {
			status := l.Say("status." + string(e.t.Status))
			if j.overResolution(e, now) {
				status += l.Say("digest.over_resolution")
			}
			if e.t.Responded() {
				return status
			}
			if !e.t.DueAt.After(now) {
				return l.Say("digest.open.overdue", status, l.When(e.t.DueAt, now, g.loc))
			}
			return l.Say("digest.open.unanswered", status, l.When(e.t.DueAt, now, g.loc))
		})
	}
	empty = len(dueToday.entries) == 0 && len(missed.entries) == 0 && len(open.entries) == 0
	return strings.TrimRight(s.String(), "\n"), empty, nil
}

// digestList is one section of a digest, read with a bound per client.
type digestList struct {
	entries []digestEntry
	capped  bool
}

// load adds c's tickets matching f (and keep, when set), reading at most
// digestLoad of them, most urgent first.
func (l *digestList) load(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, f ticketing.TicketFilter, keep func(*ticketing.Ticket) bool) error {
	f.ClientID, f.Limit = c.ID, digestLoad+1
	ts, err := tx.FindTickets(ctx, f)
	if err != nil {
		return err
	}
	if len(ts) > digestLoad {
		ts, l.capped = ts[:digestLoad], true
	}
	for _, t := range ts {
		if keep == nil || keep(t) {
			l.entries = append(l.entries, digestEntry{t, c})
		}
	}
	return nil
}

func (d *digestList) count(l wording.Language) string {
	if d.capped {
		return l.Say("digest.more_than", len(d.entries))
	}
	return fmt.Sprint(len(d.entries))
}

func writeEntries(l wording.Language, s *strings.Builder, list []digestEntry, detail func(digestEntry) string) {
	for i, e := range list {
		if i == digestLines {
			s.WriteString(l.Say("digest.more", len(list)-digestLines) + "\n")
			return
		}
		fmt.Fprintf(s, "• %s · %s\n", ticketRef(l, e.t, e.c), detail(e))
	}
}
