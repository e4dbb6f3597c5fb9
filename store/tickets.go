package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
)

// ticketColumns keeps a ticket's conversations by role (migration 0008):
// slack_channel and slack_thread_ts with desk_platform are Ticket.Desk,
// whatsapp_contact and client_thread with client_platform Ticket.Client;
// the older columns' names date from when each role had one platform.
const ticketColumns = `id, client_id, kind, priority, status, source, desk_platform, slack_channel, slack_thread_ts,
	client_platform, whatsapp_contact, client_thread,
	opened_by, subject, confidence, cues, awaiting_choice, received_at, clock_start, due_at, first_response_at,
	first_responder, assignee, escalation, next_action_at, last_client_message_at, resolved_at, delivered_at,
	closed_at, close_reason, created_at, updated_at, waiting_since,
	awaiting_since, next_clock_start, next_due_at, paused_ms`

// ticketArgs lists a ticket's values in ticketColumns order, without the id.
func ticketArgs(t *ticketing.Ticket) []any {
	return []any{
		t.ClientID, string(t.Kind), string(t.Priority), string(t.Status), string(t.Source),
		string(t.Desk.Platform), t.Desk.Address, t.Desk.Thread,
		string(t.Client.Platform), t.Client.Address, t.Client.Thread, t.OpenedBy, t.Subject, t.Confidence,
		joinCues(t.Cues), t.AwaitingChoice, stampOf(t.ReceivedAt), stampOf(t.ClockStart),
		stampOf(t.DueAt), nullStamp(t.FirstResponseAt), t.FirstResponder, t.Assignee, t.Escalation,
		nullStamp(t.NextActionAt), nullStamp(t.LastClientMessageAt), nullStamp(t.ResolvedAt),
		nullStamp(t.DeliveredAt), nullStamp(t.ClosedAt), t.CloseReason, stampOf(t.CreatedAt), stampOf(t.UpdatedAt),
		nullStamp(t.WaitingSince),
		nullStamp(t.AwaitingSince), nullStamp(t.NextClockStart), nullStamp(t.NextDueAt), t.PausedFor.Milliseconds(),
	}
}

var insertTicket = `INSERT INTO tickets (` + strings.SplitN(ticketColumns, ",", 2)[1] + `) VALUES (` + placeholders(36) + `)
	ON CONFLICT DO NOTHING RETURNING id`

// CreateTicket inserts t and sets its ID (the number clients quote).
func (t *Tx) CreateTicket(ctx context.Context, tk *ticketing.Ticket) error {
	if tk.CreatedAt.IsZero() {
		tk.CreatedAt = tk.ReceivedAt
	}
	if tk.UpdatedAt.IsZero() {
		tk.UpdatedAt = tk.CreatedAt
	}
	err := t.insertNew(ctx, &tk.ID, insertTicket, ticketArgs(tk)...)
	if err != nil {
		// ErrDuplicate: the Slack thread has a ticket, or the contact has an open one.
		return fmt.Errorf("create ticket: %w", err)
	}
	return nil
}

var updateTicket = func() string {
	var set strings.Builder
	for i, c := range strings.Split(ticketColumns, ",")[1:] {
		if i > 0 {
			set.WriteString(", ")
		}
		set.WriteString(strings.TrimSpace(c) + " = ?")
	}
	return `UPDATE tickets SET ` + set.String() + ` WHERE id = ?`
}()

// UpdateTicket writes every field of t back.
func (t *Tx) UpdateTicket(ctx context.Context, tk *ticketing.Ticket) error {
	args := append(ticketArgs(tk), tk.ID)
	var res sql.Result
	err := t.guarded(ctx, func() (err error) {
		res, err = t.exec(ctx, updateTicket, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("update ticket %d: %w", tk.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("update ticket %d: %w", tk.ID, ticketing.ErrNotFound)
	}
	return nil
}

// SetTicketThread touches only the thread column, so the delivery loop never
// overwrites a concurrent change to the rest of the ticket.
func (t *Tx) SetTicketThread(ctx context.Context, id int64, threadTS string) error {
	_, err := t.exec(ctx, `UPDATE tickets SET slack_thread_ts = ? WHERE id = ? AND slack_thread_ts = ''`, threadTS, id)
	if err != nil {
		return fmt.Errorf("set thread of ticket %d: %w", id, err)
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Ticket finds a ticket by number, scoped to clientID when it is not empty.
func (t *Tx) Ticket(ctx context.Context, clientID string, id int64) (*ticketing.Ticket, error) {
	q := `SELECT ` + ticketColumns + ` FROM tickets WHERE id = ?`
	args := []any{id}
	if clientID != "" {
		q += ` AND client_id = ?`
		args = append(args, clientID)
	}
	tk, err := scanTicket(t.queryRow(ctx, q, args...))
	if err != nil {
		return nil, fmt.Errorf("ticket %d: %w", id, notFound(err))
	}
	return tk, nil
}

// TicketByThread finds the ticket whose conversation is a Slack thread.
func (t *Tx) TicketByThread(ctx context.Context, channel, threadTS string) (*ticketing.Ticket, error) {
	tk, err := scanTicket(t.queryRow(ctx, `SELECT `+ticketColumns+` FROM tickets
		WHERE slack_channel = ? AND slack_thread_ts = ? AND slack_thread_ts <> ''`, channel, threadTS))
	if err != nil {
		return nil, fmt.Errorf("ticket of thread %s/%s: %w", channel, threadTS, notFound(err))
	}
	return tk, nil
}

// TicketOfMessage tries the thread root first, then what the bot posted.
func (t *Tx) TicketOfMessage(ctx context.Context, channel, ts string) (*ticketing.Ticket, error) {
	tk, err := t.TicketByThread(ctx, channel, ts)
	if err == nil || !isNotFound(err) {
		return tk, err
	}
	tk, err = scanTicket(t.queryRow(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE id =
		(SELECT ticket_id FROM outbox WHERE target = ? AND external_ref = ? AND ticket_id IS NOT NULL LIMIT 1)`, channel, ts))
	if err != nil {
		return nil, fmt.Errorf("ticket of message %s/%s: %w", channel, ts, notFound(err))
	}
	return tk, nil
}

// OpenTicketByContact finds the newest open ticket of a WhatsApp contact.
func (t *Tx) OpenTicketByContact(ctx context.Context, phone string) (*ticketing.Ticket, error) {
	tk, err := scanTicket(t.queryRow(ctx, `SELECT `+ticketColumns+` FROM tickets
		WHERE whatsapp_contact = ? AND status <> 'cerrado' ORDER BY id DESC LIMIT 1`, phone))
	if err != nil {
		return nil, fmt.Errorf("open ticket of %s: %w", phone, notFound(err))
	}
	return tk, nil
}

// FindTickets lists tickets matching f, oldest due first.
func (t *Tx) FindTickets(ctx context.Context, f ticketing.TicketFilter) ([]*ticketing.Ticket, error) {
	where, args := ticketWhere(f)
	q := `SELECT ` + ticketColumns + ` FROM tickets` + where + ` ORDER BY due_at, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return t.queryTickets(ctx, q, args...)
}

// CountTickets counts what FindTickets would list without its limit.
func (t *Tx) CountTickets(ctx context.Context, f ticketing.TicketFilter) (int, error) {
	where, args := ticketWhere(f)
	var n int
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM tickets`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tickets: %w", err)
	}
	return n, nil
}

// ticketWhere is the WHERE clause of a filter, empty when it selects all.
func ticketWhere(f ticketing.TicketFilter) (string, []any) {
	var where []string
	var args []any
	if f.ClientID != "" {
		where = append(where, "client_id = ?")
		args = append(args, f.ClientID)
	}
	if f.OnlyOpen {
		where = append(where, "status <> 'cerrado'")
	}
	if f.Assignee != "" {
		where = append(where, "assignee = ?")
		args = append(args, f.Assignee)
	}
	if f.OpenedBy != "" {
		where = append(where, "opened_by = ?")
		args = append(args, f.OpenedBy)
	}
	if !f.OpenedFrom.IsZero() {
		where = append(where, "received_at >= ?")
		args = append(args, stampOf(f.OpenedFrom))
	}
	if !f.OpenedTo.IsZero() {
		where = append(where, "received_at < ?")
		args = append(args, stampOf(f.OpenedTo))
	}
	if !f.DueFrom.IsZero() {
		where = append(where, "due_at >= ?")
		args = append(args, stampOf(f.DueFrom))
	}
	if !f.DueTo.IsZero() {
		where = append(where, "due_at < ?")
		args = append(args, stampOf(f.DueTo))
	}
	if len(where) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(where, " AND "), args
}

// DueTickets reads through the next-action index only.
func (t *Tx) DueTickets(ctx context.Context, at time.Time, limit int) ([]*ticketing.Ticket, error) {
	if limit <= 0 {
		limit = 500
	}
	return t.queryTickets(ctx, `SELECT `+ticketColumns+` FROM tickets
		WHERE next_action_at IS NOT NULL AND next_action_at <= ? ORDER BY next_action_at LIMIT ?`, stampOf(at), limit)
}

func (t *Tx) queryTickets(ctx context.Context, q string, args ...any) ([]*ticketing.Ticket, error) {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query tickets: %w", err)
	}
	defer rows.Close()
	var out []*ticketing.Ticket
	for rows.Next() {
		tk, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("query tickets: %w", err)
		}
		out = append(out, tk)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query tickets: %w", err)
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanTicket(s scanner) (*ticketing.Ticket, error) {
	var tk ticketing.Ticket
	var kind, prio, status, source, cues, deskPlatform, clientPlatform string
	var pausedMS int64
	err := s.Scan(&tk.ID, &tk.ClientID, &kind, &prio, &status, &source, &deskPlatform, &tk.Desk.Address, &tk.Desk.Thread,
		&clientPlatform, &tk.Client.Address, &tk.Client.Thread, &tk.OpenedBy, &tk.Subject, &tk.Confidence, &cues, &tk.AwaitingChoice,
		instant{&tk.ReceivedAt}, instant{&tk.ClockStart}, instant{&tk.DueAt}, instant{&tk.FirstResponseAt},
		&tk.FirstResponder, &tk.Assignee, &tk.Escalation, instant{&tk.NextActionAt}, instant{&tk.LastClientMessageAt},
		instant{&tk.ResolvedAt}, instant{&tk.DeliveredAt}, instant{&tk.ClosedAt}, &tk.CloseReason,
		instant{&tk.CreatedAt}, instant{&tk.UpdatedAt}, instant{&tk.WaitingSince},
		instant{&tk.AwaitingSince}, instant{&tk.NextClockStart}, instant{&tk.NextDueAt}, &pausedMS)
	if err != nil {
		return nil, err
	}
	tk.Kind, tk.Priority, tk.Status, tk.Source = ticketing.Kind(kind), ticketing.Priority(prio), ticketing.Status(status), ticketing.Source(source)
	tk.Desk.Platform, tk.Client.Platform = ticketing.Platform(deskPlatform), ticketing.Platform(clientPlatform)
	tk.Cues = splitCues(cues)
	tk.PausedFor = time.Duration(pausedMS) * time.Millisecond
	return &tk, nil
}
