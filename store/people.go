package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// SyncClients upserts the configured clients; clients dropped from the
// config stay, because their tickets still reference them.
func (t *Tx) SyncClients(ctx context.Context, clients []ticketing.Client, at time.Time) error {
	for _, c := range clients {
		_, err := t.exec(ctx, `INSERT INTO clients (id, name, country, timezone, plan, contract, slack_channel, focal_point, synced_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, timezone = excluded.timezone,
				plan = excluded.plan, contract = excluded.contract, slack_channel = excluded.slack_channel,
				focal_point = excluded.focal_point, synced_at = excluded.synced_at`,
			c.ID, c.Name, string(c.Country), c.TimeZone(), string(c.Plan), string(c.Contract), c.Channel, c.FocalPoint, stampOf(at))
		if err != nil {
			return fmt.Errorf("sync client %s: %w", c.ID, err)
		}
		for _, phone := range c.Contacts {
			if err := t.seedContact(ctx, c.ID, phone, at); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedContact adds a configured WhatsApp number unless the store already
// knows it: a revocation made with /soporte outlives restarts.
func (t *Tx) seedContact(ctx context.Context, clientID, phone string, at time.Time) error {
	_, err := t.exec(ctx, `INSERT INTO whatsapp_contacts (phone, client_id, invited_by, invited_at)
		VALUES (?, ?, 'config', ?) ON CONFLICT (phone) DO NOTHING`, phone, clientID, stampOf(at))
	if err != nil {
		return fmt.Errorf("seed contact %s: %w", phone, err)
	}
	return nil
}

// SyncStaff upserts the configured staff, keeping who is marked absent.
func (t *Tx) SyncStaff(ctx context.Context, staff []ticketing.Staff, at time.Time) error {
	for _, s := range staff {
		_, err := t.exec(ctx, `INSERT INTO staff (id, name, role, synced_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, synced_at = excluded.synced_at`,
			s.ID, s.Name, string(s.Role), stampOf(at))
		if err != nil {
			return fmt.Errorf("sync staff %s: %w", s.ID, err)
		}
	}
	return nil
}

// Staff reads one member of the support team.
func (t *Tx) Staff(ctx context.Context, id string) (ticketing.Staff, error) {
	var s ticketing.Staff
	var role string
	err := t.queryRow(ctx, `SELECT id, name, role, absent FROM staff WHERE id = ?`, id).Scan(&s.ID, &s.Name, &role, &s.Absent)
	if err != nil {
		return ticketing.Staff{}, fmt.Errorf("staff %s: %w", id, notFound(err))
	}
	s.Role = ticketing.Role(role)
	return s, nil
}

// SetStaffAbsent records /soporte ausente and presente.
func (t *Tx) SetStaffAbsent(ctx context.Context, id string, absent bool) error {
	res, err := t.exec(ctx, `UPDATE staff SET absent = ? WHERE id = ?`, absent, id)
	if err != nil {
		return fmt.Errorf("set absent %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("set absent %s: %w", id, ticketing.ErrNotFound)
	}
	return nil
}
