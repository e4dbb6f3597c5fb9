package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// Enqueue queues an owed reply. A repeated DedupeKey is ErrDuplicate.
func (t *Tx) Enqueue(ctx context.Context, it *ticketing.OutboxItem) error {
	if it.NextAttemptAt.IsZero() {
		it.NextAttemptAt = it.CreatedAt
	}
	var ticketID, dedupe any
	if it.TicketID != 0 {
		ticketID = it.TicketID
	}
	if it.DedupeKey != "" {
		dedupe = it.DedupeKey
	}
	buttons, err := encodeButtons(it.Buttons)
	if err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO outbox (delivery, target, thread_ts, user_id, text, edit_ts, buttons, ticket_id,
		dedupe_key, sets_thread, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(it.Delivery), it.Target, it.ThreadTS, it.UserID, it.Text, it.EditTS, buttons, ticketID, dedupe,
		boolInt(it.SetsThread), formatTime(it.NextAttemptAt), formatTime(it.CreatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("outbox %s: %w", it.DedupeKey, ticketing.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	it.ID, _ = res.LastInsertId()
	return nil
}

// PendingOutbox lists unsent items whose next attempt is due, oldest first.
func (t *Tx) PendingOutbox(ctx context.Context, now time.Time, limit int) ([]ticketing.OutboxItem, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT id, delivery, target, thread_ts, user_id, text, edit_ts, buttons, ticket_id, dedupe_key,
		sets_thread, attempts, next_attempt_at, last_error, created_at, in_flight_at
		FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`, formatTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("pending outbox: %w", err)
	}
	defer rows.Close()
	var out []ticketing.OutboxItem
	for rows.Next() {
		var it ticketing.OutboxItem
		var delivery, next, created, inFlight string
		var ticketID sql.NullInt64
		var dedupe sql.NullString
		var setsThread int
		var buttons string
		if err := rows.Scan(&it.ID, &delivery, &it.Target, &it.ThreadTS, &it.UserID, &it.Text, &it.EditTS, &buttons, &ticketID,
			&dedupe, &setsThread, &it.Attempts, &next, &it.LastError, &created, &inFlight); err != nil {
			return nil, fmt.Errorf("pending outbox: %w", err)
		}
		it.Delivery, it.TicketID, it.DedupeKey, it.SetsThread = ticketing.Delivery(delivery), ticketID.Int64, dedupe.String, setsThread != 0
		if it.Buttons, err = decodeButtons(buttons); err != nil {
			return nil, err
		}
		if it.NextAttemptAt, err = parseTime(next); err != nil {
			return nil, err
		}
		if it.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if inFlight != "" {
			if it.InFlightAt, err = parseTime(inFlight); err != nil {
				return nil, err
			}
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// MarkInFlight stamps the start of delivery attempts; every outcome below
// clears it.
func (t *Tx) MarkInFlight(ctx context.Context, ids []int64, at time.Time) error {
	for _, id := range ids {
		if _, err := t.tx.ExecContext(ctx, `UPDATE outbox SET in_flight_at = ? WHERE id = ? AND sent_at IS NULL`, formatTime(at), id); err != nil {
			return fmt.Errorf("mark in flight %d: %w", id, err)
		}
	}
	return nil
}

// ClearInFlight takes the stamp off items whose attempt never started or was
// refused outright.
func (t *Tx) ClearInFlight(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := t.tx.ExecContext(ctx, `UPDATE outbox SET in_flight_at = '' WHERE id = ?`, id); err != nil {
			return fmt.Errorf("clear in flight %d: %w", id, err)
		}
	}
	return nil
}

// MarkSent records delivery; an item already marked sent is left alone so a
// late duplicate confirmation changes nothing.
func (t *Tx) MarkSent(ctx context.Context, id int64, at time.Time, externalRef string) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE outbox SET sent_at = ?, external_ref = ?, attempts = attempts + 1, last_error = '', in_flight_at = ''
		WHERE id = ? AND sent_at IS NULL`, formatTime(at), externalRef, id)
	if err != nil {
		return fmt.Errorf("mark sent %d: %w", id, err)
	}
	return nil
}

// MarkFailed schedules another attempt. The in-flight stamp stays: a failed
// attempt (a timeout, a dropped connection) may still have been delivered,
// so the next one checks first.
func (t *Tx) MarkFailed(ctx context.Context, id int64, nextAttempt time.Time, reason string) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
		WHERE id = ? AND sent_at IS NULL`, formatTime(nextAttempt), reason, id)
	if err != nil {
		return fmt.Errorf("mark failed %d: %w", id, err)
	}
	return nil
}

// MarkDead takes an item that can never be delivered out of the queue,
// keeping it and the reason for the record.
func (t *Tx) MarkDead(ctx context.Context, id int64, at time.Time, reason string) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, dead_at = ?, last_error = ?, in_flight_at = ''
		WHERE id = ? AND sent_at IS NULL`, formatTime(at), reason, id)
	if err != nil {
		return fmt.Errorf("mark dead %d: %w", id, err)
	}
	return nil
}

// OutboxBacklog counts replies not yet delivered.
func (t *Tx) OutboxBacklog(ctx context.Context) (int, error) {
	var n int
	if err := t.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("outbox backlog: %w", err)
	}
	return n, nil
}

// RecordNotification inserts the (ticket, kind, threshold) row; false means
// it existed, so the notification was already queued once.
func (t *Tx) RecordNotification(ctx context.Context, ticketID int64, kind string, threshold float64, at time.Time) (bool, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO notifications (ticket_id, kind, threshold, sent_at) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, ticketID, kind, threshold, formatTime(at))
	if err != nil {
		return false, fmt.Errorf("record notification: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record notification: %w", err)
	}
	return n == 1, nil
}

func encodeButtons(b []ticketing.Button) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return "", fmt.Errorf("encode buttons: %w", err)
	}
	return string(raw), nil
}

func decodeButtons(s string) ([]ticketing.Button, error) {
	if s == "" {
		return nil, nil
	}
	var b []ticketing.Button
	if err := json.Unmarshal([]byte(s), &b); err != nil {
		return nil, fmt.Errorf("stored buttons: %w", err)
	}
	return b, nil
}
