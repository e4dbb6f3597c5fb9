package schedules

import (
	"fmt"
	"time"

	"supportbot/ticketing"
)

// Notification kinds of the deadline watch, as recorded in the store.
const (
	kindWarn   = "warn"
	kindBreach = "breach"
	// A next response's, suffixed with the waiting message's time.
	kindNextWarn   = "next_warn"
	kindNextBreach = "next_breach"
)

// deadline is one response clock the watch follows: the first response's,
// or a next response's (a client message after the first response).
type deadline struct {
	start, due time.Time
	// warn and breach are the notification kinds recorded, unique per
	// clock, so each ping and the breach go out once per waiting message.
	warn, breach string
	next         bool
	texts        clockTexts
}

func (s *step) firstDeadline() deadline {
	return deadline{start: s.t.ClockStart, due: s.t.DueAt, warn: kindWarn, breach: kindBreach, texts: firstResponseTexts}
}

// nextDeadline keys its records by the waiting message's time, so every
// new wait for an answer gets its own pings and breach.
func (s *step) nextDeadline() deadline {
	key := fmt.Sprintf(":%d", s.t.AwaitingSince.UnixMilli())
	return deadline{start: s.t.NextClockStart, due: s.t.NextDueAt, warn: kindNextWarn + key, breach: kindNextBreach + key, next: true, texts: nextResponseTexts}
}

// watch is the deadline watch for a ticket still without a first response.
func (s *step) watch() (time.Time, error) { return s.watchDeadline(s.firstDeadline()) }

// watchDeadline pings at each warning threshold of d and escalates its
// breach. Each threshold and the breach is recorded once, with what it
// queues; a tick that finds several crossed at once (after downtime)
// records them all but pings once, for the highest, with the true time
// left, and the breach always gets its full treatment.
func (s *step) watchDeadline(d deadline) (time.Time, error) {
	if d.due.IsZero() {
		return time.Time{}, nil
	}
	total := s.cal.OpenTimeBetween(d.start, d.due)
	var crossed []float64
	var next time.Time
	for _, w := range s.j.warnAt {
		at := s.thresholdAt(d.start, w, total)
		if at.After(s.now) {
			next = at
			break
		}
		crossed = append(crossed, w)
	}
	breached := !d.due.After(s.now)
	if next.IsZero() && !breached {
		next = d.due
	}
	if len(crossed) == 0 && !breached {
		return next, nil
	}
	if !s.attended() {
		return s.deferred(), nil
	}
	var fresh []float64
	for _, w := range crossed {
		first, err := s.record(d.warn, w)
		if err != nil {
			return time.Time{}, err
		}
		if first {
			fresh = append(fresh, w)
		}
	}
	if breached {
		first, err := s.record(d.breach, 1)
		if err != nil || !first {
			return time.Time{}, err
		}
		return time.Time{}, s.breach(d)
	}
	if len(fresh) > 0 {
		if err := s.ping(d, fresh[len(fresh)-1]); err != nil {
			return time.Time{}, err
		}
	}
	return next, nil
}

// thresholdAt is when fraction w of the target is used: w of the open time
// between clock start and due, counted in open time from the clock start.
// Whole seconds keep the instant stable from one tick to the next.
func (s *step) thresholdAt(start time.Time, w float64, total time.Duration) time.Time {
	return s.cal.Add(start, time.Duration(w*float64(total)).Round(time.Second))
}

// ping warns whoever answers for the ticket, by DM and in its thread.
func (s *step) ping(d deadline, w float64) error {
	who, away, err := s.pageList()
	if err != nil {
		return err
	}
	left := s.cal.OpenTimeBetween(s.now, d.due)
	event := fmt.Sprintf("%s%g", d.warn, w)
	l := s.j.deskLang
	text := d.texts.pingText(l, s.t, s.c, d.due, left, s.now)
	dm := text
	if away {
		dm += "\n" + l.Say("ping.absent", mention(s.c.FocalPoint))
	}
	for _, id := range who {
		if err := s.dm(event, id, dm); err != nil {
			return err
		}
	}
	if err := s.toTriage(event, mentions(who)+text); err != nil {
		return err
	}
	s.j.log.Info("deadline ping queued", "ticket", s.t.ID, "client", s.c.ID, "threshold", w, "left", left, "to", who, "next_response", d.next)
	if !d.next {
		snapshot := *s.t
		s.after.Then(func() { s.j.observer.PingSent(&snapshot, w) })
	}
	return nil
}

// breach escalates a ticket whose deadline passed without a response: its
// thread, the service desk channel, and by DM the focal point (if present)
// and its stand-ins.
func (s *step) breach(d deadline) error {
	page, _, err := s.pageList()
	if err != nil {
		return err
	}
	standIns, err := s.standIns()
	if err != nil {
		return err
	}
	all := append(append([]string(nil), page...), standIns...)
	overdue := s.now.Sub(d.due)
	l := s.j.deskLang
	dm := d.texts.breachDMText(l, s.t, s.c, overdue)
	thread := d.texts.breachThreadText(l, s.t, s.c, d.due, page, standIns, s.now)
	desk := d.texts.breachDeskText(l, s.t, s.c, d.due, standIns, overdue, s.now)
	action := ticketing.AuditSLABreached
	if d.next {
		action = ticketing.AuditNextBreached
	}
	for _, id := range dedupe(all) {
		if err := s.dm(d.breach, id, dm); err != nil {
			return err
		}
	}
	if err := s.toTriage(d.breach, thread); err != nil {
		return err
	}
	if err := s.toDesk(d.breach, desk); err != nil {
		return err
	}
	if err := s.audit(action, fmt.Sprintf("due %s, escalated to %v", d.due.UTC().Format("2006-01-02T15:04Z"), standIns)); err != nil {
		return err
	}
	s.j.log.Warn("response deadline breached; escalated", "ticket", s.t.ID, "client", s.c.ID, "overdue", overdue, "to", all, "next_response", d.next)
	if !d.next {
		snapshot := *s.t
		s.after.Then(func() { s.j.observer.Breached(&snapshot) })
	}
	return nil
}

func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
