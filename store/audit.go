package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// Audit appends one line to the audit log.
func (t *Tx) Audit(ctx context.Context, e ticketing.AuditEntry) error {
	var ticketID any
	if e.TicketID != 0 {
		ticketID = e.TicketID
	}
	_, err := t.exec(ctx, `INSERT INTO audit_log (at, actor, client_id, ticket_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		stampOf(e.At), e.Actor, e.ClientID, ticketID, e.Action, e.Detail)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditLog lists a client's audit lines since a time (all clients when
// clientID is empty), oldest first.
func (t *Tx) AuditLog(ctx context.Context, clientID string, since time.Time) ([]ticketing.AuditEntry, error) {
	q := `SELECT id, at, actor, client_id, ticket_id, action, detail FROM audit_log WHERE at >= ?`
	args := []any{stampOf(since)}
	if clientID != "" {
		q += ` AND client_id = ?`
		args = append(args, clientID)
	}
	out, err := t.queryAudit(ctx, q+` ORDER BY at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return out, nil
}

// queryAudit runs a SELECT of audit_log's columns in table order.
func (t *Tx) queryAudit(ctx context.Context, q string, args ...any) ([]ticketing.AuditEntry, error) {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ticketing.AuditEntry
	for rows.Next() {
		var e ticketing.AuditEntry
		var ticketID sql.NullInt64
		if err := rows.Scan(&e.ID, instant{&e.At}, &e.Actor, &e.ClientID, &ticketID, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		e.TicketID = ticketID.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}
