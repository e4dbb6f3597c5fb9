package schedules

import (
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// kindNotice records an auto-close notice; the wait's start is part of the
// kind, so each new wait on the client gets its own notice and close.
const kindNotice = "autoclose_notice"

// waitOnClient closes, after prior notice, a ticket that waits on a client
// who stopped answering (the seed: "serán cerrados previo aviso"). The
// notice goes out NoticeAfter into the wait, and the close CloseAfter after
// the notice was actually queued, both while the client's calendar is open.
// A client reply starts a new wait (the router puts the ticket back in
// progress, or at least moves LastClientMessageAt), which cancels both.
func (s *step) waitOnClient() (time.Time, error) {
	start := s.t.WaitStart()
	cycle := fmt.Sprintf("%s:%d", kindNotice, start.UnixMilli())
	noticeAt := start.Add(s.j.notice)
	if s.now.Before(noticeAt) {
		return noticeAt, nil
	}
	noticed, err := s.tx.Notification(s.ctx, s.t.ID, cycle, 0)
	if errors.Is(err, ticketing.ErrNotFound) {
		return s.sendNotice(cycle)
	}
	if err != nil {
		return time.Time{}, err
	}
	closeAt := s.closeAt(noticed)
	if s.now.Before(closeAt) {
		return closeAt, nil
	}
	if !s.attended() {
		return s.deferred(), nil
	}
	return s.autoClose(fmt.Sprintf("close:%d", start.UnixMilli()), ticketing.CloseReasonNoReply, autoClosedText(s.t, s.c))
}

func (s *step) sendNotice(cycle string) (time.Time, error) {
	if !s.attended() {
		return s.deferred(), nil
	}
	if _, err := s.record(cycle, 0); err != nil {
		return time.Time{}, err
	}
	closeAt := s.closeAt(s.now)
	if err := s.toClient(cycle, noticeText(s.t, s.c, closeAt, s.now)); err != nil {
		return time.Time{}, err
	}
	if err := s.audit(ticketing.AuditAutoCloseNotice, "closes at "+closeAt.UTC().Format("2006-01-02T15:04Z")); err != nil {
		return time.Time{}, err
	}
	s.j.log.Info("auto-close notice queued", "ticket", s.t.ID, "client", s.c.ID, "close_at", closeAt)
	return closeAt, nil
}

// closeAt is when a ticket noticed at notice closes: CloseAfter later, or
// the calendar's next opening if that falls outside attended hours, so the
// date the notice announces is the one kept.
func (s *step) closeAt(notice time.Time) time.Time {
	return s.cal.NextOpening(notice.Add(s.j.close))
}

// autoClose closes the ticket on the scheduler's authority, tells the
// client where they talk and leaves an audit line.
func (s *step) autoClose(event string, reason ticketing.CloseReason, text string) (time.Time, error) {
	t := s.t
	from := t.Status
	if err := ticketing.Transition(t.Kind, from, ticketing.StatusCerrado); err != nil {
		s.j.log.Warn("ticket cannot be closed automatically; left for staff", "ticket", t.ID, "err", err)
		return time.Time{}, nil
	}
	t.Status, t.ClosedAt, t.CloseReason, t.UpdatedAt = ticketing.StatusCerrado, s.now, reason, s.now
	t.WaitingSince = time.Time{}
	if err := s.toClient(event, text); err != nil {
		return time.Time{}, err
	}
	if err := s.audit(ticketing.AuditAutoClosed, fmt.Sprintf("%s → %s: %s", from, t.Status, reason.Text())); err != nil {
		return time.Time{}, err
	}
	if s.j.onClosed != nil {
		if err := s.j.onClosed(s.ctx, s.tx, t); err != nil {
			return time.Time{}, err
		}
		s.queued = true // it may have queued the question
	}
	s.j.log.Info("ticket closed automatically", "ticket", t.ID, "client", s.c.ID, "reason", reason)
	snapshot := *t
	s.after.Then(func() { s.j.observer.AutoClosed(&snapshot) })
	return time.Time{}, nil
}
