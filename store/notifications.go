package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// Notification reads when a (ticket, kind, threshold) notification was
// recorded.
func (t *Tx) Notification(ctx context.Context, ticketID int64, kind string, threshold float64) (time.Time, error) {
	var at time.Time
	err := t.queryRow(ctx, `SELECT sent_at FROM notifications WHERE ticket_id = ? AND kind = ? AND threshold = ?`,
		ticketID, kind, threshold).Scan(instant{&at})
	if err != nil {
		return time.Time{}, fmt.Errorf("notification %s of ticket %d: %w", kind, ticketID, notFound(err))
	}
	return at, nil
}

// RecordDigest inserts the (staff, zone, date) row; false means it existed,
// so that day's digest was already queued.
func (t *Tx) RecordDigest(ctx context.Context, staffID, zone string, date ticketing.Date, at time.Time) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO digests (staff_id, zone, local_date, sent_at) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, staffID, zone, date.String(), stampOf(at))
	if err != nil {
		return false, fmt.Errorf("record digest of %s: %w", staffID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record digest of %s: %w", staffID, err)
	}
	return n == 1, nil
}
