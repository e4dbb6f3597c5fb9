package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// StartNextResponse inserts the clock; the partial unique index turns a
// second unanswered clock of the ticket into ErrDuplicate.
func (t *Tx) StartNextResponse(ctx context.Context, n ticketing.NextResponse) error {
	err := t.insertOnce(ctx, `INSERT INTO next_responses (ticket_id, client_id, priority, since, clock_start, due_at, answered_at, answered_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, n.TicketID, n.ClientID, string(n.Priority), stampOf(n.Since), stampOf(n.ClockStart),
		stampOf(n.DueAt), nullStamp(n.AnsweredAt), n.AnsweredBy)
	if err != nil {
		return fmt.Errorf("start next response of ticket %d: %w", n.TicketID, err)
	}
	return nil
}

// AnswerNextResponse settles the ticket's one unanswered clock, if any.
func (t *Tx) AnswerNextResponse(ctx context.Context, ticketID int64, at time.Time, by string) error {
	_, err := t.exec(ctx, `UPDATE next_responses SET answered_at = ?, answered_by = ? WHERE ticket_id = ? AND answered_at IS NULL`,
		stampOf(at), by, ticketID)
	if err != nil {
		return fmt.Errorf("answer next response of ticket %d: %w", ticketID, err)
	}
	return nil
}

// RetimeNextResponse re-dates the ticket's one unanswered clock, if any.
func (t *Tx) RetimeNextResponse(ctx context.Context, ticketID int64, p ticketing.Priority, clockStart, due time.Time) error {
	_, err := t.exec(ctx, `UPDATE next_responses SET priority = ?, clock_start = ?, due_at = ? WHERE ticket_id = ? AND answered_at IS NULL`,
		string(p), stampOf(clockStart), stampOf(due), ticketID)
	if err != nil {
		return fmt.Errorf("retime next response of ticket %d: %w", ticketID, err)
	}
	return nil
}

// NextResponses lists the clocks started in [from, to).
func (t *Tx) NextResponses(ctx context.Context, clientID string, from, to time.Time) ([]ticketing.NextResponse, error) {
	rows, err := t.query(ctx, `SELECT ticket_id, client_id, priority, since, clock_start, due_at, answered_at, answered_by
		FROM next_responses WHERE since >= ? AND since < ? AND (? = '' OR client_id = ?) ORDER BY since, ticket_id`,
		stampOf(from), stampOf(to), clientID, clientID)
	if err != nil {
		return nil, fmt.Errorf("next responses: %w", err)
	}
	defer rows.Close()
	var out []ticketing.NextResponse
	for rows.Next() {
		var n ticketing.NextResponse
		var prio string
		if err := rows.Scan(&n.TicketID, &n.ClientID, &prio, instant{&n.Since}, instant{&n.ClockStart}, instant{&n.DueAt},
			instant{&n.AnsweredAt}, &n.AnsweredBy); err != nil {
			return nil, fmt.Errorf("next responses: %w", err)
		}
		n.Priority = ticketing.Priority(prio)
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("next responses: %w", err)
	}
	return out, nil
}
