package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// HoldEdit implements ticketing.Tx. Holding prunes, so the table never
// outgrows max however many edits of unknown messages come.
func (t *Tx) HoldEdit(ctx context.Context, e *ticketing.PendingEdit, expired time.Time, max int) error {
	if _, err := t.exec(ctx, `DELETE FROM pending_edits WHERE received_at < ?`, stampOf(expired)); err != nil {
		return fmt.Errorf("hold edit of %s: %w", e.ExternalID, err)
	}
	t.held.add(e.ExternalID)
	err := t.queryRow(ctx, `INSERT INTO pending_edits (external_id, author_id, text, deleted, at, received_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, e.ExternalID, e.AuthorID, e.Text, e.Deleted, stampOf(e.At), stampOf(e.ReceivedAt)).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("hold edit of %s: %w", e.ExternalID, err)
	}
	if max <= 0 {
		max = ticketing.MaxPendingEdits
	}
	if _, err := t.exec(ctx, `DELETE FROM pending_edits WHERE id NOT IN
		(SELECT id FROM pending_edits ORDER BY received_at DESC, id DESC LIMIT ?)`, max); err != nil {
		return fmt.Errorf("hold edit of %s: %w", e.ExternalID, err)
	}
	return nil
}

// TakeEdits implements ticketing.Tx.
func (t *Tx) TakeEdits(ctx context.Context, externalID string) ([]ticketing.PendingEdit, error) {
	if !t.held.mayHold(externalID) {
		return nil, nil
	}
	rows, err := t.query(ctx, `SELECT id, external_id, author_id, text, deleted, at, received_at
		FROM pending_edits WHERE external_id = ? ORDER BY at, id`, externalID)
	if err != nil {
		return nil, fmt.Errorf("held edits of %s: %w", externalID, err)
	}
	var out []ticketing.PendingEdit
	for rows.Next() {
		var e ticketing.PendingEdit
		if err := rows.Scan(&e.ID, &e.ExternalID, &e.AuthorID, &e.Text, &e.Deleted, instant{&e.At}, instant{&e.ReceivedAt}); err != nil {
			rows.Close()
			return nil, fmt.Errorf("held edits of %s: %w", externalID, err)
		}
		out = append(out, e)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("held edits of %s: %w", externalID, err)
	}
	if len(out) > 0 {
		if _, err := t.exec(ctx, `DELETE FROM pending_edits WHERE external_id = ?`, externalID); err != nil {
			return nil, fmt.Errorf("held edits of %s: %w", externalID, err)
		}
	}
	return out, nil
}
