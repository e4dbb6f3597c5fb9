package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// ReportRows is what the monthly SLA report reads from the store.
type ReportRows struct {
	// Tickets received in the range, oldest first.
	Tickets []*ticketing.Ticket
	// FirstBotReply is, per ticket of Tickets, when the first reply to the
	// client was delivered: a post in the ticket's Slack channel, or for a
	// WhatsApp ticket a message to its contact. Tickets with none are absent.
	FirstBotReply map[int64]time.Time
	// Audit lines logged in the range, oldest first.
	Audit []ticketing.AuditEntry
	// Ratings are the satisfaction answers (1–5) of Tickets, by ticket id;
	// tickets never rated are absent.
	Ratings map[int64]int
	// NextResponses are the next-response clocks started in the range.
	NextResponses []ticketing.NextResponse
}

// ReportRows loads the report's rows for tickets received in [from, to),
// of one client or of all when clientID is empty, with the audit lines of
// the given actions (all actions when none are given). Everything is read
// in one transaction, so the three parts agree with each other.
func (d *DB) ReportRows(ctx context.Context, from, to time.Time, clientID string, auditActions ...ticketing.AuditAction) (ReportRows, error) {
	tx, err := d.rdb.BeginTx(ctx, d.dialect.readOptions())
	if err != nil {
		return ReportRows{}, fmt.Errorf("report rows: begin read: %w", err)
	}
	defer tx.Rollback()
	t := &Tx{tx: tx, d: d.dialect}

	var rows ReportRows
	if rows.Tickets, err = t.reportTickets(ctx, from, to, clientID); err != nil {
		return ReportRows{}, err
	}
	if rows.FirstBotReply, err = t.firstBotReplies(ctx, from, to, clientID); err != nil {
		return ReportRows{}, err
	}
	if rows.Audit, err = t.auditBetween(ctx, from, to, clientID, auditActions); err != nil {
		return ReportRows{}, err
	}
	if rows.Ratings, err = t.csatRatings(ctx, from, to, clientID); err != nil {
		return ReportRows{}, err
	}
	if rows.NextResponses, err = t.NextResponses(ctx, clientID, from, to); err != nil {
		return ReportRows{}, err
	}
	return rows, nil
}

// reportRange is the WHERE clause shared by the ticket queries.
func reportRange(from, to time.Time, clientID string) (string, []any) {
	where := `t.received_at >= ? AND t.received_at < ?`
	args := []any{stampOf(from), stampOf(to)}
	if clientID != "" {
		where += ` AND t.client_id = ?`
		args = append(args, clientID)
	}
	return where, args
}

func (t *Tx) reportTickets(ctx context.Context, from, to time.Time, clientID string) ([]*ticketing.Ticket, error) {
	where, args := reportRange(from, to, clientID)
	out, err := t.queryTickets(ctx, `SELECT `+ticketColumns+` FROM tickets t WHERE `+where+` ORDER BY t.received_at, t.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("report tickets: %w", err)
	}
	return out, nil
}

// firstBotReplies leaves out what the bot sent elsewhere for a ticket (DMs
// to the focal point, service desk alerts, the desk's mirror of a client
// who talks apart): only posts to the client's own conversation
// (Ticket.ClientConversation) show how fast the client heard back.
// Fixed-width time text makes MIN the earliest.
func (t *Tx) firstBotReplies(ctx context.Context, from, to time.Time, clientID string) (map[int64]time.Time, error) {
	where, args := reportRange(from, to, clientID)
	q := `SELECT t.id, MIN(o.sent_at) FROM tickets t JOIN outbox o ON o.ticket_id = t.id
		WHERE ` + where + ` AND o.sent_at IS NOT NULL AND (
			(t.whatsapp_contact <> '' AND o.delivery = t.client_platform || '_' || ? AND o.target = t.whatsapp_contact) OR
			(t.whatsapp_contact = '' AND o.delivery = t.desk_platform || '_' || ? AND o.target = t.slack_channel))
		GROUP BY t.id`
	args = append(args, string(ticketing.ModePost), string(ticketing.ModePost))
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("report bot replies: %w", err)
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var sent time.Time
		if err := rows.Scan(&id, instant{&sent}); err != nil {
			return nil, fmt.Errorf("report bot replies: %w", err)
		}
		out[id] = sent
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report bot replies: %w", err)
	}
	return out, nil
}

func (t *Tx) auditBetween(ctx context.Context, from, to time.Time, clientID string, actions []ticketing.AuditAction) ([]ticketing.AuditEntry, error) {
	q := `SELECT id, at, actor, client_id, ticket_id, action, detail FROM audit_log WHERE at >= ? AND at < ?`
	args := []any{stampOf(from), stampOf(to)}
	if clientID != "" {
		q += ` AND client_id = ?`
		args = append(args, clientID)
	}
	if len(actions) > 0 {
		q += ` AND action IN (` + placeholders(len(actions)) + `)`
		for _, a := range actions {
			args = append(args, a)
		}
	}
	out, err := t.queryAudit(ctx, q+` ORDER BY at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("report audit: %w", err)
	}
	return out, nil
}
