package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// AddMessage stores a ticket message; a known external id is ErrDuplicate.
func (t *Tx) AddMessage(ctx context.Context, m *ticketing.Message) error {
	err := t.insertNew(ctx, &m.ID, `INSERT INTO ticket_messages (ticket_id, external_id, author_id, author_kind, channel, text, media, at, quoted)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		m.TicketID, m.ExternalID, m.AuthorID, string(m.AuthorKind), string(m.Channel), m.Text, m.Media, stampOf(m.At), m.Quoted)
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

const messageColumns = `id, ticket_id, external_id, author_id, author_kind, channel, text, media, at, edited_at, deleted_at, quoted`

// FirstClientMessage reads one row, however long the ticket's history:
// the staff card asks for it at every change of the ticket.
func (t *Tx) FirstClientMessage(ctx context.Context, ticketID int64) (ticketing.Message, error) {
	rows, err := t.query(ctx, `SELECT `+messageColumns+` FROM ticket_messages
		WHERE ticket_id = ? AND author_kind = ? AND text <> '' AND deleted_at IS NULL ORDER BY at, id LIMIT 1`,
		ticketID, string(ticketing.AuthorClient))
	if err != nil {
		return ticketing.Message{}, fmt.Errorf("first client message of %d: %w", ticketID, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return ticketing.Message{}, fmt.Errorf("first client message of %d: %w", ticketID, err)
		}
		return ticketing.Message{}, ticketing.ErrNotFound
	}
	m, err := scanMessage(rows)
	if err != nil {
		return ticketing.Message{}, fmt.Errorf("first client message of %d: %w", ticketID, err)
	}
	return m, nil
}

// Messages lists a ticket's messages in order, with their files and
// revisions.
func (t *Tx) Messages(ctx context.Context, ticketID int64) ([]ticketing.Message, error) {
	rows, err := t.query(ctx, `SELECT `+messageColumns+`
		FROM ticket_messages WHERE ticket_id = ? ORDER BY at, id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
	}
	var out []ticketing.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
		}
		out = append(out, m)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("messages of %d: %w", ticketID, err)
	}
	for i := range out {
		if out[i].Revisions, err = t.revisions(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
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

// MessageByExternalID implements ticketing.Tx.
func (t *Tx) MessageByExternalID(ctx context.Context, externalID string) (ticketing.Message, error) {
	m, err := scanMessage(t.queryRow(ctx, `SELECT `+messageColumns+` FROM ticket_messages WHERE external_id = ?`, externalID))
	if errors.Is(err, sql.ErrNoRows) {
		return ticketing.Message{}, fmt.Errorf("message %s: %w", externalID, ticketing.ErrNotFound)
	}
	if err != nil {
		return ticketing.Message{}, fmt.Errorf("message %s: %w", externalID, err)
	}
	if m.Revisions, err = t.revisions(ctx, m.ID); err != nil {
		return ticketing.Message{}, err
	}
	return m, nil
}

// EditMessage implements ticketing.Tx: the history is rewritten as
// ticketing.Message.ApplyEdit orders it.
func (t *Tx) EditMessage(ctx context.Context, id int64, text string, at time.Time) error {
	m, err := scanMessage(t.queryRow(ctx, `SELECT `+messageColumns+` FROM ticket_messages WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("edit message %d: %w", id, ticketing.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("edit message %d: %w", id, err)
	}
	if m.Revisions, err = t.revisions(ctx, id); err != nil {
		return err
	}
	m.ApplyEdit(text, at)
	if _, err := t.exec(ctx, `DELETE FROM message_revisions WHERE message_id = ?`, id); err != nil {
		return fmt.Errorf("edit message %d: %w", id, err)
	}
	for _, r := range m.Revisions {
		if _, err := t.exec(ctx, `INSERT INTO message_revisions (message_id, text, replaced_at) VALUES (?, ?, ?)`, id, r.Text, stampOf(r.At)); err != nil {
			return fmt.Errorf("edit message %d: %w", id, err)
		}
	}
	if _, err := t.exec(ctx, `UPDATE ticket_messages SET text = ?, edited_at = ? WHERE id = ?`, m.Text, stampOf(m.EditedAt), id); err != nil {
		return fmt.Errorf("edit message %d: %w", id, err)
	}
	return nil
}

// DeleteMessage implements ticketing.Tx; the first deletion mark stays.
func (t *Tx) DeleteMessage(ctx context.Context, id int64, at time.Time) error {
	res, err := t.exec(ctx, `UPDATE ticket_messages SET deleted_at = COALESCE(deleted_at, ?) WHERE id = ?`, stampOf(at), id)
	if err != nil {
		return fmt.Errorf("delete message %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete message %d: %w", id, ticketing.ErrNotFound)
	}
	return nil
}

func (t *Tx) revisions(ctx context.Context, messageID int64) ([]ticketing.MessageRevision, error) {
	rows, err := t.query(ctx, `SELECT text, replaced_at FROM message_revisions WHERE message_id = ? ORDER BY replaced_at, id`, messageID)
	if err != nil {
		return nil, fmt.Errorf("revisions of message %d: %w", messageID, err)
	}
	defer rows.Close()
	var out []ticketing.MessageRevision
	for rows.Next() {
		var r ticketing.MessageRevision
		if err := rows.Scan(&r.Text, instant{&r.At}); err != nil {
			return nil, fmt.Errorf("revisions of message %d: %w", messageID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanMessage(r scanner) (ticketing.Message, error) {
	var m ticketing.Message
	var kind, channel string
	if err := r.Scan(&m.ID, &m.TicketID, &m.ExternalID, &m.AuthorID, &kind, &channel, &m.Text, &m.Media,
		instant{&m.At}, instant{&m.EditedAt}, instant{&m.DeletedAt}, &m.Quoted); err != nil {
		return m, err
	}
	m.AuthorKind, m.Channel = ticketing.AuthorKind(kind), ticketing.Source(channel)
	return m, nil
}

// MarkEvent records a delivery id; a second delivery is ErrDuplicate.
func (t *Tx) MarkEvent(ctx context.Context, eventID string, at time.Time) error {
	err := t.insertOnce(ctx, `INSERT INTO inbound_events (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		eventID, stampOf(at))
	if errors.Is(err, ticketing.ErrDuplicate) {
		return fmt.Errorf("event %s: %w", eventID, err)
	}
	if err != nil {
		return fmt.Errorf("mark event %s: %w", eventID, err)
	}
	return nil
}
