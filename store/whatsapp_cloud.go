package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// What the WhatsApp Cloud transport keeps: each contact's 24-hour window
// and what Meta's status webhooks said of the bot's messages. They are DB
// methods rather than ticketing.Tx ones because only that transport needs
// them, each in a transaction of its own.

// WhatsAppWindow is one contact's 24-hour window as stored.
type WhatsAppWindow struct {
	// LastInbound is when the contact last wrote; zero for never.
	LastInbound time.Time
	// TemplateSent is when the reopening template last went to them.
	TemplateSent time.Time
	// ClosedAt is when Meta said the window was closed (131047).
	ClosedAt time.Time
}

// windowKept is how long a contact's window is kept after it last wrote.
const windowKept = 30 * 24 * time.Hour

// SawWhatsAppInbound records that phone wrote at at, opening its 24-hour
// window; an older message (a late re-delivery) never shortens it.
func (d *DB) SawWhatsAppInbound(ctx context.Context, phone string, at time.Time) error {
	return d.Update(ctx, func(tx ticketing.Tx) error {
		t := tx.(*Tx)
		w, err := t.whatsAppWindow(ctx, phone)
		if err != nil {
			return err
		}
		if !at.After(w.LastInbound) {
			return nil
		}
		_, err = t.exec(ctx, `INSERT INTO whatsapp_windows (phone, last_inbound_at) VALUES (?, ?)
			ON CONFLICT (phone) DO UPDATE SET last_inbound_at = excluded.last_inbound_at`, phone, stampOf(at))
		if err != nil {
			return fmt.Errorf("record whatsapp inbound of %s: %w", phone, err)
		}
		// A window long closed says nothing a missing row does not (closed,
		// template owed), so numbers that wrote once, strangers included,
		// are not kept for ever.
		old := stampOf(at.Add(-windowKept))
		_, err = t.exec(ctx, `DELETE FROM whatsapp_windows WHERE last_inbound_at < ? AND (template_sent_at IS NULL OR template_sent_at < ?)`, old, old)
		if err != nil {
			return fmt.Errorf("prune whatsapp windows: %w", err)
		}
		return nil
	})
}

// WhatsAppWindow reads phone's window; zero times for never.
func (d *DB) WhatsAppWindow(ctx context.Context, phone string) (w WhatsAppWindow, err error) {
	err = d.View(ctx, func(tx ticketing.Tx) error {
		w, err = tx.(*Tx).whatsAppWindow(ctx, phone)
		return err
	})
	return w, err
}

func (t *Tx) whatsAppWindow(ctx context.Context, phone string) (w WhatsAppWindow, err error) {
	err = t.queryRow(ctx, `SELECT last_inbound_at, template_sent_at, closed_at FROM whatsapp_windows WHERE phone = ?`, phone).
		Scan(instant{&w.LastInbound}, instant{&w.TemplateSent}, instant{&w.ClosedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return WhatsAppWindow{}, nil
	}
	if err != nil {
		return WhatsAppWindow{}, fmt.Errorf("whatsapp window of %s: %w", phone, err)
	}
	return w, nil
}

// WhatsAppWindowClosed records that Meta refused a free-form message to
// phone at at: the window counts as closed until the contact writes again.
func (d *DB) WhatsAppWindowClosed(ctx context.Context, phone string, at time.Time) error {
	return d.Update(ctx, func(tx ticketing.Tx) error {
		_, err := tx.(*Tx).exec(ctx, `INSERT INTO whatsapp_windows (phone, closed_at) VALUES (?, ?)
			ON CONFLICT (phone) DO UPDATE SET closed_at = excluded.closed_at`, phone, stampOf(at))
		if err != nil {
			return fmt.Errorf("record whatsapp window of %s closed: %w", phone, err)
		}
		return nil
	})
}

// RequeueSent makes a message the platform accepted and later failed owed
// again, due at at (Meta's 131047 arrives as a failed status): it becomes its
// conversation's next item, and its statuses start over.
func (d *DB) RequeueSent(ctx context.Context, outboxID int64, at time.Time, reason string) error {
	return d.Update(ctx, func(tx ticketing.Tx) error {
		t := tx.(*Tx)
		res, err := t.exec(ctx, `UPDATE outbox SET sent_at = NULL, external_ref = '', platform_ref = '', platform_status = '',
			platform_error = '', in_flight_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND dead_at IS NULL`,
			noStamp, stampOf(at), reason, outboxID)
		if err != nil {
			return fmt.Errorf("requeue outbox %d: %w", outboxID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		// Owed again, it goes before what its conversation queued after it:
		// the head passes back to it.
		var conversation string
		if err := t.queryRow(ctx, `SELECT conversation FROM outbox WHERE id = ?`, outboxID).Scan(&conversation); err != nil {
			return fmt.Errorf("requeue outbox %d: %w", outboxID, err)
		}
		if _, err := t.exec(ctx, `UPDATE outbox SET head = 0 WHERE conversation = ? AND head = 1`, conversation); err != nil {
			return fmt.Errorf("requeue outbox %d: %w", outboxID, err)
		}
		return t.elect(ctx, conversation)
	})
}

// WhatsAppTemplateSent records that the reopening template went to phone.
func (d *DB) WhatsAppTemplateSent(ctx context.Context, phone string, at time.Time) error {
	return d.Update(ctx, func(tx ticketing.Tx) error {
		_, err := tx.(*Tx).exec(ctx, `INSERT INTO whatsapp_windows (phone, template_sent_at) VALUES (?, ?)
			ON CONFLICT (phone) DO UPDATE SET template_sent_at = excluded.template_sent_at`, phone, stampOf(at))
		if err != nil {
			return fmt.Errorf("record whatsapp template to %s: %w", phone, err)
		}
		return nil
	})
}

// PlatformStatus is what a platform said of a delivered outbox item.
type PlatformStatus struct {
	// OutboxID is the item, when the platform echoed it back; else the
	// item is found by Ref, the platform's id of the message.
	OutboxID int64
	Ref      string
	Status   string
	At       time.Time
	Error    string
}

// statusRank orders a message's statuses: a late "sent" never hides a
// "read", and nothing hides a failure.
var statusRank = map[string]int{"sent": 1, "delivered": 2, "read": 3, "failed": 4}

// StatusTarget is the item a status was recorded on.
type StatusTarget struct {
	OutboxID int64
	TicketID int64
	Target   string
	// Changed is false when the item already had this status or a later one.
	Changed bool
}

// RecordPlatformStatus writes a status on its outbox item. found is false
// when no item matches (a message sent by hand from the business app).
func (d *DB) RecordPlatformStatus(ctx context.Context, s PlatformStatus) (st StatusTarget, found bool, err error) {
	err = d.Update(ctx, func(tx ticketing.Tx) error {
		t := tx.(*Tx)
		var current string
		var ticketID sql.NullInt64
		const cols = `SELECT id, platform_status, ticket_id, target FROM outbox WHERE `
		var err error
		if s.OutboxID != 0 {
			err = t.queryRow(ctx, cols+`id = ?`, s.OutboxID).Scan(&st.OutboxID, &current, &ticketID, &st.Target)
		} else {
			err = t.queryRow(ctx, cols+`external_ref = ? ORDER BY id LIMIT 1`, s.Ref).Scan(&st.OutboxID, &current, &ticketID, &st.Target)
			if errors.Is(err, sql.ErrNoRows) {
				err = t.queryRow(ctx, cols+`platform_ref = ? ORDER BY id LIMIT 1`, s.Ref).Scan(&st.OutboxID, &current, &ticketID, &st.Target)
			}
		}
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("outbox item of status %s: %w", s.Ref, err)
		}
		found, st.TicketID = true, ticketID.Int64
		if statusRank[s.Status] <= statusRank[current] {
			return nil
		}
		st.Changed = true
		_, err = t.exec(ctx, `UPDATE outbox SET platform_status = ?, platform_status_at = ?, platform_error = ?,
			platform_ref = CASE WHEN ? = '' THEN platform_ref ELSE ? END WHERE id = ?`,
			s.Status, stampOf(s.At), s.Error, s.Ref, s.Ref, st.OutboxID)
		if err != nil {
			return fmt.Errorf("record status of outbox %d: %w", st.OutboxID, err)
		}
		return nil
	})
	return st, found, err
}

// PlatformStatusOf reads what the platform last said of an outbox item.
func (d *DB) PlatformStatusOf(ctx context.Context, outboxID int64) (PlatformStatus, error) {
	s := PlatformStatus{OutboxID: outboxID}
	err := d.View(ctx, func(tx ticketing.Tx) error {
		err := tx.(*Tx).queryRow(ctx, `SELECT platform_status, platform_status_at, platform_error, platform_ref FROM outbox WHERE id = ?`, outboxID).
			Scan(&s.Status, instant{&s.At}, &s.Error, &s.Ref)
		if err != nil {
			return fmt.Errorf("status of outbox %d: %w", outboxID, notFound(err))
		}
		return nil
	})
	return s, err
}

// ChatMessageText is the text of an earlier message of a chat by the
// platform's id for it (external id "whatsapp:<id>" for what a contact
// sent, the outbox's ref for what the bot sent), empty when unknown; a
// reply shows what it quotes with it.
func (d *DB) ChatMessageText(ctx context.Context, externalID, ref string) (string, error) {
	var text string
	err := d.View(ctx, func(tx ticketing.Tx) error {
		t := tx.(*Tx)
		err := t.queryRow(ctx, `SELECT text FROM ticket_messages WHERE external_id = ?`, externalID).Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			err = t.queryRow(ctx, `SELECT text FROM outbox WHERE external_ref = ? ORDER BY id LIMIT 1`, ref).Scan(&text)
		}
		if errors.Is(err, sql.ErrNoRows) {
			err = t.queryRow(ctx, `SELECT text FROM outbox WHERE platform_ref = ? ORDER BY id LIMIT 1`, ref).Scan(&text)
		}
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("quoted message %s: %w", ref, err)
		}
		return nil
	})
	return text, err
}
