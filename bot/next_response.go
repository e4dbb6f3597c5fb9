package bot

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// awaitAnswer starts a next-response clock for a client message received
// at on a ticket staff already answered. While one runs, later messages
// join it: the client has waited since the first of them.
func (b *Bot) awaitAnswer(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, at time.Time) error {
	if !t.Responded() || t.AwaitingAnswer() || !t.Status.Open() {
		return nil
	}
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return nil
	}
	start, due, ok := b.calendar.NextResponseDeadline(*c, t.Kind, t.Priority, at)
	if !ok {
		return nil
	}
	err := tx.StartNextResponse(ctx, ticketing.NextResponse{TicketID: t.ID, ClientID: t.ClientID, Priority: t.Priority,
		Since: at, ClockStart: start, DueAt: due})
	if err != nil && !isDuplicate(err) {
		return err
	}
	t.AwaitingSince, t.NextClockStart, t.NextDueAt = at, start, due
	return nil
}

// answerAwaiting settles the ticket's next-response clock with a staff
// answer at at.
func (b *Bot) answerAwaiting(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, staffID string, at time.Time) error {
	if !t.AwaitingAnswer() {
		return nil
	}
	if err := tx.AnswerNextResponse(ctx, t.ID, at, staffID); err != nil {
		return err
	}
	met := "met"
	if at.After(t.NextDueAt) {
		met = "missed"
	}
	if err := b.audit(ctx, tx, staffID, t.ClientID, t.ID, ticketing.AuditNextResponse,
		fmt.Sprintf("sla %s, due %s", met, t.NextDueAt.UTC().Format("2006-01-02T15:04Z"))); err != nil {
		return err
	}
	t.AwaitingSince, t.NextClockStart, t.NextDueAt = zeroTime, zeroTime, zeroTime
	return nil
}

// retimeAwaiting gives a running next-response clock the deadline of the
// ticket's new kind or priority, still counted from the message that waits.
func (b *Bot) retimeAwaiting(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket) error {
	if !t.AwaitingAnswer() {
		return nil
	}
	start, due, ok := b.calendar.NextResponseDeadline(*c, t.Kind, t.Priority, t.AwaitingSince)
	if !ok {
		return nil
	}
	if err := tx.RetimeNextResponse(ctx, t.ID, t.Priority, start, due); err != nil {
		return err
	}
	t.NextClockStart, t.NextDueAt = start, due
	return nil
}
