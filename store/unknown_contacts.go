package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AnswerUnknown implements ticketing.Tx: one row per number, moved on only
// when the last answer is older than since.
func (t *Tx) AnswerUnknown(ctx context.Context, phone string, at, since time.Time) (bool, error) {
	var last time.Time
	err := t.queryRow(ctx, `SELECT last_answered_at FROM unknown_contacts WHERE phone = ?`, phone).Scan(instant{&last})
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, fmt.Errorf("unknown contact %s: %w", phone, err)
	case !last.Before(since):
		return false, nil
	}
	if _, err := t.exec(ctx, `INSERT INTO unknown_contacts (phone, last_answered_at) VALUES (?, ?)
		ON CONFLICT (phone) DO UPDATE SET last_answered_at = excluded.last_answered_at`, phone, stampOf(at)); err != nil {
		return false, fmt.Errorf("record answer to unknown contact %s: %w", phone, err)
	}
	return true, nil
}
