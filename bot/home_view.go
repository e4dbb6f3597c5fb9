package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// homeLines bounds each list of the Home tab (Slack takes at most 100
// blocks in a view, and a ticket with buttons takes two); the rest is only
// counted.
const homeLines = 20

// homeSubject bounds the subject shown on a line.
const homeSubject = 140

// homeAtRisk is how close to its deadline an unanswered ticket counts as
// at risk on the Home tab.
const homeAtRisk = 2 * time.Hour

// homeViewerKind is who opened the Home tab.
type homeViewerKind int

const (
	// homeNobody is a person of no known client: the how-to only.
	homeNobody homeViewerKind = iota
	homeClientStaff
	homeStaff
)

// homeCount is one client's figures for the service desk.
type homeCount struct {
	client         *ticketing.Client
	open, breached int
	// capped says breached counted only the first tickets of the month.
	capped bool
}

// homeInput is everything a Home view shows, read beforehand, so building
// the view is pure.
type homeInput struct {
	now    time.Time
	viewer string
	kind   homeViewerKind
	// For staff: tickets assigned to them; open tickets of the clients they
	// serve that nobody took or that are at risk; for the service desk,
	// every client's counts.
	mine, queue []*ticketing.Ticket
	desk        bool
	counts      []homeCount
	// For client staff: their client and its open tickets.
	client *ticketing.Client
	open   []*ticketing.Ticket
	// clients resolves a ticket's client; link a thread's permalink ("" for
	// none).
	clients func(id string) (*ticketing.Client, bool)
	link    func(ticketing.Conversation) string
	phones  string
	// lang is what the viewer reads: desk.language for staff (and someone
	// of no known client), their client's language for a client's people.
	lang wording.Language
	// buttons are a ticket's staff buttons, labelled in desk.language.
	buttons func(*ticketing.Ticket) []ticketing.Button
	// notes are, for staff, the latest internal note of each ticket shown.
	notes map[int64]ticketing.Message
}

// nextDeadline is when a ticket must next be answered: the first response
// while none came, then the next response while a client message waits.
// Every deadline the Home tab orders by comes from here.
func nextDeadline(t *ticketing.Ticket) (time.Time, bool) {
	switch {
	case !t.Status.Open():
		return time.Time{}, false
	case !t.Responded():
		return t.DueAt, !t.DueAt.IsZero()
	case !t.AwaitingSince.IsZero():
		return t.NextDueAt, !t.NextDueAt.IsZero()
	}
	return time.Time{}, false
}

// byNextDeadline orders tickets by time to breach; those with nothing due
// follow, oldest first.
func byNextDeadline(a, b *ticketing.Ticket) int {
	da, oka := nextDeadline(a)
	db, okb := nextDeadline(b)
	switch {
	case oka && okb:
		if c := da.Compare(db); c != 0 {
			return c
		}
	case oka:
		return -1
	case okb:
		return 1
	}
	return cmp.Compare(a.ID, b.ID)
}

// atRisk reports an unanswered ticket close to, or past, its deadline.
func atRisk(t *ticketing.Ticket, now time.Time) bool {
	due, ok := nextDeadline(t)
	return ok && due.Sub(now) <= homeAtRisk
}

// homeView builds the Home tab. A client user's view is built from in.open
// alone, which the loader fills with their own client's tickets only.
func homeView(in homeInput) channels.HomeView {
	var v homeBuilder
	l := in.lang
	switch in.kind {
	case homeStaff:
		v.header(l.Say("home.mine.title"))
		v.tickets(in, in.mine, true, l.Say("home.mine.empty"))
		v.divider()
		v.header(l.Say("home.queue.title"))
		v.tickets(in, in.queue, true, l.Say("home.queue.empty"))
		if in.desk {
			v.divider()
			v.header(l.Say("home.desk.title"))
			var lines []string
			for _, c := range in.counts {
				lines = append(lines, homeDeskLine(l, c.client.Name, c.open, c.breached, c.capped))
			}
			v.section(strings.Join(lines, "\n"))
		}
	case homeClientStaff:
		v.header(l.Say("home.client.title", in.client.Name))
		v.tickets(in, in.open, false, l.Say("home.client.empty"))
		v.divider()
		v.header(l.Say("home.help.title"))
		v.section(homeHelpText(l, in.phones))
	default:
		v.header(l.Say("home.help.title"))
		v.section(homeHelpText(l, in.phones))
	}
	return channels.HomeView{Blocks: v.blocks}
}

type homeBuilder struct{ blocks []channels.HomeBlock }

func (v *homeBuilder) header(text string) {
	v.blocks = append(v.blocks, channels.HomeBlock{Kind: channels.HomeHeader, Text: text})
}

func (v *homeBuilder) divider() {
	v.blocks = append(v.blocks, channels.HomeBlock{Kind: channels.HomeDivider})
}

func (v *homeBuilder) section(text string) {
	if text != "" {
		v.blocks = append(v.blocks, channels.HomeBlock{Kind: channels.HomeSection, Text: text})
	}
}

// tickets adds one line per ticket, most urgent first; staff lines carry
// the thread's buttons.
func (v *homeBuilder) tickets(in homeInput, list []*ticketing.Ticket, staff bool, empty string) {
	if len(list) == 0 {
		v.blocks = append(v.blocks, channels.HomeBlock{Kind: channels.HomeContext, Text: empty})
		return
	}
	list = slices.Clone(list)
	slices.SortStableFunc(list, byNextDeadline)
	for i, t := range list {
		if i == homeLines {
			v.blocks = append(v.blocks, channels.HomeBlock{Kind: channels.HomeContext, Text: homeMore(in.lang, len(list)-homeLines)})
			return
		}
		v.blocks = append(v.blocks, homeLine(in, t, staff))
	}
}

// homeLine is one ticket: number, client (for staff), kind and priority,
// state, deadline on the client's clock, the subject as the client wrote
// it, and the thread.
func homeLine(in homeInput, t *ticketing.Ticket, staff bool) channels.HomeBlock {
	c, _ := in.clients(t.ClientID)
	var s strings.Builder
	fmt.Fprintf(&s, "*#%d*", t.ID)
	if staff {
		name := t.ClientID
		if c != nil {
			name = c.Name
		}
		fmt.Fprintf(&s, " · %s", name)
	}
	fmt.Fprintf(&s, " · %s · %s · %s", kindPriority(in.lang, t), stateFor(in.lang, t.Status, staff), homeDeadline(in.lang, t, in.now, c, staff))
	if t.Subject != "" {
		s.WriteString("\n" + clientText(capSubject(t.Subject)))
	}
	if n, ok := in.notes[t.ID]; ok && staff {
		s.WriteString("\n" + in.lang.Say("home.note", mention(n.AuthorID), clientText(capSubject(n.Text))))
	}
	b := channels.HomeBlock{Kind: channels.HomeSection, Text: s.String()}
	// A client sees a link only to a thread in their own channel (a
	// mirrored WhatsApp ticket's thread may be in the desk's).
	if in.link != nil && t.Desk.Thread != "" && (staff || (c != nil && t.Desk.Address == c.Channel)) {
		b.Link, b.LinkLabel = in.link(t.Desk), in.lang.Say("home.thread")
	}
	if staff {
		b.Buttons = homeButtons(in, t)
	}
	return b
}

// homeButtons are the thread's Tomar and Resolver buttons, where pressing
// them can do something.
func homeButtons(in homeInput, t *ticketing.Ticket) []ticketing.Button {
	if in.buttons == nil {
		return nil
	}
	var out []ticketing.Button
	for _, btn := range in.buttons(t) {
		switch {
		case btn.ActionID == actionTake && t.Assignee != in.viewer:
		case btn.ActionID == actionResolve && ticketing.Transition(t.Kind, t.Status, ticketing.StatusResuelto) == nil:
		default:
			continue
		}
		out = append(out, btn)
	}
	return out
}

func capSubject(s string) string {
	if utf8.RuneCountInString(s) <= homeSubject {
		return s
	}
	return string([]rune(s)[:homeSubject-1]) + "…"
}
