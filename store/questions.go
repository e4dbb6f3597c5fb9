package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

const questionColumns = `id, client_id, author, author_name, where_platform, where_address, where_thread,
	desk_platform, desk_address, desk_thread, text, media, external_id, received_at, asked_at,
	kind, priority, confidence, cues, settled_at, outcome, files`

// AskCritical implements ticketing.Tx.
func (t *Tx) AskCritical(ctx context.Context, q *ticketing.CriticalQuestion) error {
	files, err := encodeFiles(q.Files)
	if err != nil {
		return fmt.Errorf("store critical question: %w", err)
	}
	err = t.queryRow(ctx, `INSERT INTO critical_questions (client_id, author, author_name,
		where_platform, where_address, where_thread, desk_platform, desk_address, desk_thread,
		text, media, external_id, received_at, asked_at, kind, priority, confidence, cues, files)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		q.ClientID, q.Author, q.AuthorName, string(q.Where.Platform), q.Where.Address, q.Where.Thread,
		string(q.Desk.Platform), q.Desk.Address, q.Desk.Thread, q.Text, q.Media, q.ExternalID,
		stampOf(q.ReceivedAt), stampOf(q.AskedAt), string(q.Kind), string(q.Priority), q.Confidence, joinCues(q.Cues), files).Scan(&q.ID)
	if err != nil {
		return fmt.Errorf("store critical question: %w", err)
	}
	return nil
}

// CriticalQuestion implements ticketing.Tx.
func (t *Tx) CriticalQuestion(ctx context.Context, clientID string, id int64) (*ticketing.CriticalQuestion, error) {
	q, err := scanQuestion(t.queryRow(ctx, `SELECT `+questionColumns+` FROM critical_questions
		WHERE id = ? AND (? = '' OR client_id = ?)`, id, clientID, clientID))
	if err != nil {
		return nil, fmt.Errorf("critical question %d: %w", id, notFound(err))
	}
	return q, nil
}

// OpenCriticalQuestion implements ticketing.Tx.
func (t *Tx) OpenCriticalQuestion(ctx context.Context, where ticketing.Conversation) (*ticketing.CriticalQuestion, error) {
	q, err := scanQuestion(t.queryRow(ctx, `SELECT `+questionColumns+` FROM critical_questions
		WHERE where_platform = ? AND where_address = ? AND settled_at IS NULL ORDER BY id DESC LIMIT 1`,
		string(where.Platform), where.Address))
	if err != nil {
		return nil, fmt.Errorf("open critical question in %s %s: %w", where.Platform, where.Address, notFound(err))
	}
	return q, nil
}

// DueCriticalQuestions implements ticketing.Tx.
func (t *Tx) DueCriticalQuestions(ctx context.Context, at time.Time) ([]*ticketing.CriticalQuestion, error) {
	rows, err := t.query(ctx, `SELECT `+questionColumns+` FROM critical_questions
		WHERE settled_at IS NULL AND asked_at <= ? ORDER BY asked_at, id`, stampOf(at))
	if err != nil {
		return nil, fmt.Errorf("due critical questions: %w", err)
	}
	defer rows.Close()
	var out []*ticketing.CriticalQuestion
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("due critical questions: %w", err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// SettleCriticalQuestion implements ticketing.Tx.
func (t *Tx) SettleCriticalQuestion(ctx context.Context, id int64, outcome string, at time.Time) (bool, error) {
	res, err := t.exec(ctx, `UPDATE critical_questions SET settled_at = ?, outcome = ?
		WHERE id = ? AND settled_at IS NULL`, stampOf(at), outcome, id)
	if err != nil {
		return false, fmt.Errorf("settle critical question %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func scanQuestion(r scanner) (*ticketing.CriticalQuestion, error) {
	var q ticketing.CriticalQuestion
	var wp, dp, kind, prio, cues, files string
	if err := r.Scan(&q.ID, &q.ClientID, &q.Author, &q.AuthorName, &wp, &q.Where.Address, &q.Where.Thread,
		&dp, &q.Desk.Address, &q.Desk.Thread, &q.Text, &q.Media, &q.ExternalID, instant{&q.ReceivedAt}, instant{&q.AskedAt},
		&kind, &prio, &q.Confidence, &cues, instant{&q.SettledAt}, &q.Outcome, &files); err != nil {
		return nil, err
	}
	var err error
	if q.Files, err = decodeFiles(files); err != nil {
		return nil, err
	}
	q.Where.Platform, q.Desk.Platform = ticketing.Platform(wp), ticketing.Platform(dp)
	q.Kind, q.Priority, q.Cues = ticketing.Kind(kind), ticketing.Priority(prio), splitCues(cues)
	return &q, nil
}

// AddCorrection implements ticketing.Tx.
func (t *Tx) AddCorrection(ctx context.Context, c *ticketing.Correction) error {
	err := t.queryRow(ctx, `INSERT INTO corrections (client_id, ticket_id, text, kind, priority, source, by_id, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, c.ClientID, c.TicketID, c.Text, string(c.Kind), string(c.Priority),
		string(c.Source), c.By, stampOf(c.At)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("store correction: %w", err)
	}
	return nil
}

// Corrections implements ticketing.Tx.
func (t *Tx) Corrections(ctx context.Context, clientID string, since time.Time) ([]ticketing.Correction, error) {
	rows, err := t.query(ctx, `SELECT id, client_id, ticket_id, text, kind, priority, source, by_id, at
		FROM corrections WHERE at >= ? AND (? = '' OR client_id = ?) ORDER BY at, id`, stampOf(since), clientID, clientID)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer rows.Close()
	var out []ticketing.Correction
	for rows.Next() {
		var c ticketing.Correction
		var kind, prio, source string
		if err := rows.Scan(&c.ID, &c.ClientID, &c.TicketID, &c.Text, &kind, &prio, &source, &c.By, instant{&c.At}); err != nil {
			return nil, fmt.Errorf("corrections: %w", err)
		}
		c.Kind, c.Priority, c.Source = ticketing.Kind(kind), ticketing.Priority(prio), ticketing.CorrectionSource(source)
		out = append(out, c)
	}
	return out, rows.Err()
}
