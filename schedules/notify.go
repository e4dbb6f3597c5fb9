package schedules

import (
	"errors"
	"fmt"

	"supportbot/ticketing"
)

// queue adds one owed message to the step's transaction. Its dedupe key
// names the event and the recipient, so a re-run can never queue it twice;
// a key already queued is not an error.
func (s *step) queue(event string, it ticketing.OutboxItem) error {
	it.TicketID = s.t.ID
	it.DedupeKey = fmt.Sprintf("sched:%d:%s:%s:%s", s.t.ID, event, it.Route(), it.To.Address)
	if it.Card != ticketing.CardNone {
		// The card's thread may be in the desk's own channel, whose
		// top-level alert for the same event is another message.
		it.DedupeKey += ":card"
	}
	it.CreatedAt, it.NextAttemptAt = s.now, s.now
	err := s.tx.Enqueue(s.ctx, &it)
	if errors.Is(err, ticketing.ErrDuplicate) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("queue %s: %w", event, err)
	}
	s.queued = true
	return nil
}

// dm queues a direct message to a member of staff, who is reached on the
// desk's platform.
func (s *step) dm(event, userID, text string) error {
	to := ticketing.Conversation{Platform: s.j.desk.Platform, Address: userID}
	return s.queue(event, ticketing.OutboxItem{To: to, Mode: ticketing.ModeDirect, Text: text})
}

// toThread posts in the ticket's desk thread; until the thread of a
// mirrored ticket exists, the deliverer resolves it at delivery.
func (s *step) toThread(event, text string) error {
	if s.t.Desk.IsZero() {
		return nil
	}
	return s.queue(event, ticketing.OutboxItem{To: s.t.Desk, Mode: ticketing.ModePost, InDeskThread: s.t.Desk.Thread == "", Text: text})
}

// toTriage posts on the ticket's internal side: its card's thread in the
// triage channel, which the client never sees. The deliverer finds the card
// (or, for a ticket without one, posts at the channel's top level).
func (s *step) toTriage(event, text string) error {
	if s.j.triage.IsZero() {
		return nil
	}
	return s.queue(event, ticketing.OutboxItem{To: s.j.triage.TopLevel(), Mode: ticketing.ModePost, Card: ticketing.CardThread, Text: text})
}

// toDesk alerts the service desk channel.
func (s *step) toDesk(event, text string) error {
	if s.j.desk.IsZero() {
		return nil
	}
	return s.queue(event, ticketing.OutboxItem{To: s.j.desk, Mode: ticketing.ModePost, Text: text})
}

// toClient speaks where the client talks: in the desk thread, and for a
// client who talks apart in their own chat too, with a copy in the desk
// thread so staff see what was said.
func (s *step) toClient(event, text string) error {
	if s.t.ClientApart() {
		if err := s.queue(event, ticketing.OutboxItem{To: s.t.Client, Mode: ticketing.ModePost, Text: text}); err != nil {
			return err
		}
		// The mirror in the client's own channel is read by the client's
		// people too: it speaks their language there.
		l := s.j.deskLang
		if s.c.Channel != "" && s.t.Desk.Address == s.c.Channel {
			l = s.c.Language
		}
		return s.toThread(event, l.Say("sent.apart", s.t.Client.Platform.Label(), text))
	}
	return s.toThread(event, text)
}

// audit appends an audit line in the step's transaction.
func (s *step) audit(action ticketing.AuditAction, detail string) error {
	return s.tx.Audit(s.ctx, ticketing.AuditEntry{At: s.now, Actor: "scheduler", ClientID: s.t.ClientID, TicketID: s.t.ID, Action: action, Detail: detail})
}

// record stores a (ticket, kind, threshold) notification; false means it
// was queued before and must not be again.
func (s *step) record(kind string, threshold float64) (bool, error) {
	first, err := s.tx.RecordNotification(s.ctx, s.t.ID, kind, threshold, s.now)
	if err != nil {
		return false, fmt.Errorf("ticket %d: %w", s.t.ID, err)
	}
	return first, nil
}
