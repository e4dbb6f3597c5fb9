package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// AddMessage stores a ticket message; a known external id is ErrDuplicate.
func (t *Tx) AddMessage(ctx context.Context, m *ticketing.Message) error {
	err := t.guarded(ctx, func() error {
		return t.queryRow(ctx, `INSERT INTO ticket_messages (ticket_id, external_id, author_id, author_kind, channel, text, media, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			m.TicketID, m.ExternalID, m.AuthorID, string(m.AuthorKind), string(m.Channel), m.Text, m.Media, stampOf(m.At)).Scan(&m.ID)
	})
	if errors.Is(err, ticketing.ErrDuplicate) {
		return fmt.Errorf("message %s: %w", m.ExternalID, err)
	}
	if err != nil {
		return fmt.Errorf("add message: %w", err)
	}
	for i, f := range m.Files {
		if _, err := t.exec(ctx, `INSERT INTO ticket_files (message_id, ticket_id, position, name, mime, kind, size, sha256, source, ref, link)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, m.TicketID, i, f.Name, f.MIME, f.Kind, f.Size, f.SHA256, string(f.Source), f.Ref, f.Link); err != nil {
			return fmt.Errorf("add file of message %s: %w", m.ExternalID, err)
		}
	}
	return nil
}

// Messages lists a ticket's messages in order.
func (t *Tx) Messages(ctx context.Context, ticketID int64) ([]ticketing.Message, error) {
	rows, err := t.query(ctx, `SELECT id, ticket_id, external_id, author_id, author_kind, channel, text, media, at
		FROM ticket_messages WHERE ticket_id = ? ORDER BY at, id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
	}
	defer rows.Close()
	var out []ticketing.Message
	for rows.Next() {
		var m ticketing.Message
		var kind, channel string
		if err := rows.Scan(&m.ID, &m.TicketID, &m.ExternalID, &m.AuthorID, &kind, &channel, &m.Text, &m.Media, instant{&m.At}); err != nil {
			return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
		}
		m.AuthorKind, m.Channel = ticketing.AuthorKind(kind), ticketing.Source(channel)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
	}
	rows.Close()
	return out, t.attachFiles(ctx, ticketID, out)
}

// attachFiles fills in the files of a ticket's messages.
func (t *Tx) attachFiles(ctx context.Context, ticketID int64, msgs []ticketing.Message) error {
	rows, err := t.query(ctx, `SELECT message_id, name, mime, kind, size, sha256, source, ref, link
		FROM ticket_files WHERE ticket_id = ? ORDER BY message_id, position`, ticketID)
	if err != nil {
		return fmt.Errorf("files of %d: %w", ticketID, err)
	}
	defer rows.Close()
	byID := make(map[int64]*ticketing.Message, len(msgs))
	for i := range msgs {
		byID[msgs[i].ID] = &msgs[i]
	}
	for rows.Next() {
		var id int64
		var f ticketing.Attachment
		var source string
		if err := rows.Scan(&id, &f.Name, &f.MIME, &f.Kind, &f.Size, &f.SHA256, &source, &f.Ref, &f.Link); err != nil {
			return fmt.Errorf("files of %d: %w", ticketID, err)
		}
		f.Source = ticketing.Platform(source)
		if m := byID[id]; m != nil {
			m.Files = append(m.Files, f)
		}
	}
	return rows.Err()
}

// MarkEvent records a delivery id; a second delivery is ErrDuplicate.
func (t *Tx) MarkEvent(ctx context.Context, eventID string, at time.Time) error {
	err := t.guarded(ctx, func() error {
		_, err := t.exec(ctx, `INSERT INTO inbound_events (event_id, received_at) VALUES (?, ?)`, eventID, stampOf(at))
		return err
	})
	if errors.Is(err, ticketing.ErrDuplicate) {
		return fmt.Errorf("event %s: %w", eventID, err)
	}
	if err != nil {
		return fmt.Errorf("mark event %s: %w", eventID, err)
	}
	return nil
}
