package store

import (
	"context"
	"fmt"

	"supportbot/ticketing"
)

// PhoneHealth implements ticketing.Tx.
func (t *Tx) PhoneHealth(ctx context.Context) (ticketing.PhoneHealth, error) {
	var h ticketing.PhoneHealth
	err := t.queryRow(ctx, `SELECT last_seen, kept_alive, alerted FROM phone_health WHERE id = 1`).
		Scan(instant{&h.LastSeen}, &h.KeptAlive, &h.Alerted)
	if err != nil {
		return ticketing.PhoneHealth{}, fmt.Errorf("phone health: %w", notFound(err))
	}
	return h, nil
}

// SavePhoneHealth implements ticketing.Tx.
func (t *Tx) SavePhoneHealth(ctx context.Context, h ticketing.PhoneHealth) error {
	_, err := t.exec(ctx, `INSERT INTO phone_health (id, last_seen, kept_alive, alerted) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, kept_alive = excluded.kept_alive, alerted = excluded.alerted`,
		stampOf(h.LastSeen), h.KeptAlive, h.Alerted)
	if err != nil {
		return fmt.Errorf("save phone health: %w", err)
	}
	return nil
}
