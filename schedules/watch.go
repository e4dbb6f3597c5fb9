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
)

// watch is the deadline watch for a ticket still without a first response.
// Each warning threshold and the breach is recorded once, with what it
// queues; a tick that finds several crossed at once (after downtime)
// records them all but pings once, for the highest, with the true time
// left, and the breach always gets its full treatment.
func (s *step) watch() (time.Time, error) {
	t := s.t
	if t.DueAt.IsZero() {
		return time.Time{}, nil
	}
	total := s.cal.OpenTimeBetween(t.ClockStart, t.DueAt)
	var crossed []float64
	var next time.Time
	for _, w := range s.j.warnAt {
		at := s.thresholdAt(w, total)
		if at.After(s.now) {
			next = at
			break
		}
		crossed = append(crossed, w)
	}
	breached := !t.DueAt.After(s.now)
	if next.IsZero() && !breached {
		next = t.DueAt
	}
	if len(crossed) == 0 && !breached {
		return next, nil
	}
	if !s.attended() {
		return s.deferred(), nil
	}
	var fresh []float64
	for _, w := range crossed {
		first, err := s.record(kindWarn, w)
		if err != nil {
			return time.Time{}, err
		}
		if first {
			fresh = append(fresh, w)
		}
	}
	if breached {
		first, err := s.record(kindBreach, 1)
		if err != nil || !first {
			return time.Time{}, err
		}
		return time.Time{}, s.breach()
	}
	if len(fresh) > 0 {
		if err := s.ping(fresh[len(fresh)-1]); err != nil {
			return time.Time{}, err
		}
	}
	return next, nil
}

// thresholdAt is when fraction w of the target is used: w of the open time
// between clock start and due, counted in open time from the clock start.
// Whole seconds keep the instant stable from one tick to the next.
func (s *step) thresholdAt(w float64, total time.Duration) time.Time {
	return s.cal.Add(s.t.ClockStart, time.Duration(w*float64(total)).Round(time.Second))
}

// ping warns whoever answers for the ticket, by DM and in its thread.
func (s *step) ping(w float64) error {
	who, away, err := s.pageList()
	if err != nil {
		return err
	}
	left := s.cal.OpenTimeBetween(s.now, s.t.DueAt)
	event := fmt.Sprintf("%s%g", kindWarn, w)
	l := s.j.deskLang
	dm := pingText(l, s.t, s.c, left, s.now)
	if away {
		dm += "\n" + l.Say("ping.absent", mention(s.c.FocalPoint))
	}
	for _, id := range who {
		if err := s.dm(event, id, dm); err != nil {
			return err
		}
	}
	if err := s.toThread(event, mentions(who)+pingText(l, s.t, s.c, left, s.now)); err != nil {
		return err
	}
	s.j.log.Info("deadline ping queued", "ticket", s.t.ID, "client", s.c.ID, "threshold", w, "left", left, "to", who)
	snapshot := *s.t
	s.after.Then(func() { s.j.observer.PingSent(&snapshot, w) })
	return nil
}

// breach escalates a ticket whose deadline passed without a first
// response: its thread, the service desk channel, and by DM the focal point
// (if present) and its stand-ins.
func (s *step) breach() error {
	page, _, err := s.pageList()
	if err != nil {
		return err
	}
	standIns, err := s.standIns()
	if err != nil {
		return err
	}
	all := append(append([]string(nil), page...), standIns...)
	overdue := s.now.Sub(s.t.DueAt)
	for _, id := range dedupe(all) {
		if err := s.dm(kindBreach, id, breachDMText(s.j.deskLang, s.t, s.c, overdue)); err != nil {
			return err
		}
	}
	if err := s.toThread(kindBreach, breachThreadText(s.j.deskLang, s.t, s.c, page, standIns, s.now)); err != nil {
		return err
	}
	if err := s.toDesk(kindBreach, breachDeskText(s.j.deskLang, s.t, s.c, standIns, overdue, s.now)); err != nil {
		return err
	}
	if err := s.audit(ticketing.AuditSLABreached, fmt.Sprintf("due %s, escalated to %v", s.t.DueAt.UTC().Format("2006-01-02T15:04Z"), standIns)); err != nil {
		return err
	}
	s.j.log.Warn("response deadline breached; escalated", "ticket", s.t.ID, "client", s.c.ID, "overdue", overdue, "to", all)
	snapshot := *s.t
	s.after.Then(func() { s.j.observer.Breached(&snapshot) })
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
