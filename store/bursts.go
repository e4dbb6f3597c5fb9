package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

const burstColumns = `key, client_id, ticket_id, where_platform, where_address, where_thread, last_at, pending, answer_at`

// Burst implements ticketing.Tx.
func (t *Tx) Burst(ctx context.Context, key string) (ticketing.Burst, error) {
	b, err := scanBurst(t.queryRow(ctx, `SELECT `+burstColumns+` FROM bursts WHERE key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return ticketing.Burst{}, fmt.Errorf("burst %s: %w", key, ticketing.ErrNotFound)
	}
	if err != nil {
		return ticketing.Burst{}, fmt.Errorf("burst %s: %w", key, err)
	}
	return b, nil
}

// PutBurst implements ticketing.Tx.
func (t *Tx) PutBurst(ctx context.Context, b ticketing.Burst) error {
	pending := b.Pending
	if pending == nil {
		pending = []ticketing.Message{}
	}
	js, err := json.Marshal(pending)
	if err != nil {
		return fmt.Errorf("put burst %s: %w", b.Key, err)
	}
	_, err = t.exec(ctx, `INSERT INTO bursts (`+burstColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET client_id = excluded.client_id, ticket_id = excluded.ticket_id,
			where_platform = excluded.where_platform, where_address = excluded.where_address, where_thread = excluded.where_thread,
			last_at = excluded.last_at, pending = excluded.pending, answer_at = excluded.answer_at`,
		b.Key, b.ClientID, b.TicketID, string(b.Where.Platform), b.Where.Address, b.Where.Thread,
		stampOf(b.LastAt), string(js), nullStamp(b.AnswerAt))
	if err != nil {
		return fmt.Errorf("put burst %s: %w", b.Key, err)
	}
	return nil
}

// DeleteBurst implements ticketing.Tx.
func (t *Tx) DeleteBurst(ctx context.Context, key string) error {
	if _, err := t.exec(ctx, `DELETE FROM bursts WHERE key = ?`, key); err != nil {
		return fmt.Errorf("delete burst %s: %w", key, err)
	}
	return nil
}

// DueBursts implements ticketing.Tx.
func (t *Tx) DueBursts(ctx context.Context, at time.Time, limit int) ([]ticketing.Burst, error) {
	if limit <= 0 {
		limit = 500
	}
	rows, err := t.query(ctx, `SELECT `+burstColumns+` FROM bursts
		WHERE answer_at IS NOT NULL AND answer_at <= ? ORDER BY answer_at, key LIMIT ?`, stampOf(at), limit)
	if err != nil {
		return nil, fmt.Errorf("due bursts: %w", err)
	}
	defer rows.Close()
	var out []ticketing.Burst
	for rows.Next() {
		b, err := scanBurst(rows)
		if err != nil {
			return nil, fmt.Errorf("due bursts: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func scanBurst(r scanner) (ticketing.Burst, error) {
	var b ticketing.Burst
	var platform, pending string
	if err := r.Scan(&b.Key, &b.ClientID, &b.TicketID, &platform, &b.Where.Address, &b.Where.Thread,
		instant{&b.LastAt}, &pending, instant{&b.AnswerAt}); err != nil {
		return b, err
	}
	b.Where.Platform = ticketing.Platform(platform)
	if err := json.Unmarshal([]byte(pending), &b.Pending); err != nil {
		return b, fmt.Errorf("burst %s pending: %w", b.Key, err)
	}
	if len(b.Pending) == 0 {
		b.Pending = nil
	}
	return b, nil
}
