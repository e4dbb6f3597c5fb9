package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// UpsertContact stores an invitation. Re-inviting a revoked number restores
// it; a number active for another client is refused, since a number belongs
// to one client.
func (t *Tx) UpsertContact(ctx context.Context, c ticketing.Contact) error {
	existing, err := t.Contact(ctx, c.Phone)
	switch {
	case err == nil && existing.Active() && existing.ClientID != c.ClientID:
		return fmt.Errorf("contact %s belongs to another client: %w", c.Phone, ticketing.ErrDuplicate)
	case err != nil && !isNotFound(err):
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO whatsapp_contacts (phone, client_id, name, invited_by, invited_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (phone) DO UPDATE SET client_id = excluded.client_id, name = excluded.name,
			invited_by = excluded.invited_by, invited_at = excluded.invited_at, revoked_by = '', revoked_at = NULL`,
		c.Phone, c.ClientID, c.Name, c.InvitedBy, stampOf(c.InvitedAt))
	if err != nil {
		return fmt.Errorf("invite %s: %w", c.Phone, err)
	}
	return t.recordInvitation(ctx, c.Phone, c.ClientID, "invite", c.InvitedBy, c.InvitedAt)
}

// Contact reads a WhatsApp number's record, revoked or not.
func (t *Tx) Contact(ctx context.Context, phone string) (ticketing.Contact, error) {
	rows, err := t.query(ctx, contactQuery+` WHERE phone = ?`, phone)
	if err != nil {
		return ticketing.Contact{}, fmt.Errorf("contact %s: %w", phone, err)
	}
	cs, err := scanContacts(rows)
	if err != nil {
		return ticketing.Contact{}, fmt.Errorf("contact %s: %w", phone, err)
	}
	if len(cs) == 0 {
		return ticketing.Contact{}, fmt.Errorf("contact %s: %w", phone, ticketing.ErrNotFound)
	}
	return cs[0], nil
}

// RevokeContact withdraws a number's access, keeping the record.
func (t *Tx) RevokeContact(ctx context.Context, phone, by string, at time.Time) error {
	c, err := t.Contact(ctx, phone)
	if err != nil {
		return err
	}
	if !c.Active() {
		return nil
	}
	if _, err := t.exec(ctx, `UPDATE whatsapp_contacts SET revoked_by = ?, revoked_at = ? WHERE phone = ?`,
		by, stampOf(at), phone); err != nil {
		return fmt.Errorf("revoke %s: %w", phone, err)
	}
	return t.recordInvitation(ctx, phone, c.ClientID, "revoke", by, at)
}

// Contacts lists a client's numbers, active ones first.
func (t *Tx) Contacts(ctx context.Context, clientID string) ([]ticketing.Contact, error) {
	rows, err := t.query(ctx, contactQuery+` WHERE client_id = ? ORDER BY revoked_at IS NOT NULL, phone`, clientID)
	if err != nil {
		return nil, fmt.Errorf("contacts of %s: %w", clientID, err)
	}
	return scanContacts(rows)
}

func (t *Tx) recordInvitation(ctx context.Context, phone, clientID, action, actor string, at time.Time) error {
	_, err := t.exec(ctx, `INSERT INTO whatsapp_invitations (phone, client_id, action, actor, at) VALUES (?, ?, ?, ?, ?)`,
		phone, clientID, action, actor, stampOf(at))
	if err != nil {
		return fmt.Errorf("record %s of %s: %w", action, phone, err)
	}
	return nil
}

const contactQuery = `SELECT phone, client_id, name, invited_by, invited_at, revoked_by, revoked_at FROM whatsapp_contacts`

func scanContacts(rows *sql.Rows) ([]ticketing.Contact, error) {
	defer rows.Close()
	var out []ticketing.Contact
	for rows.Next() {
		var c ticketing.Contact
		if err := rows.Scan(&c.Phone, &c.ClientID, &c.Name, &c.InvitedBy, instant{&c.InvitedAt}, &c.RevokedBy, instant{&c.RevokedAt}); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
