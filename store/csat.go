package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

const csatColumns = `ticket_id, client_id, where_platform, where_address, where_thread, asked_at, open_until,
	rating, rated_by, rated_at, comment_until, comment, commented_at`

// AskCSAT implements ticketing.Tx.
func (t *Tx) AskCSAT(ctx context.Context, s *ticketing.CSAT) error {
	err := t.insertOnce(ctx, `INSERT INTO csat (ticket_id, client_id, where_platform, where_address, where_thread, asked_at, open_until)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, s.TicketID, s.ClientID, string(s.Where.Platform), s.Where.Address, s.Where.Thread,
		stampOf(s.AskedAt), nullStamp(s.OpenUntil))
	if err != nil {
		return fmt.Errorf("store csat question of ticket %d: %w", s.TicketID, err)
	}
	return nil
}

// CSAT implements ticketing.Tx.
func (t *Tx) CSAT(ctx context.Context, ticketID int64) (*ticketing.CSAT, error) {
	s, err := scanCSAT(t.queryRow(ctx, `SELECT `+csatColumns+` FROM csat WHERE ticket_id = ?`, ticketID))
	if err != nil {
		return nil, fmt.Errorf("csat of ticket %d: %w", ticketID, notFound(err))
	}
	return s, nil
}

// PendingCSAT implements ticketing.Tx.
func (t *Tx) PendingCSAT(ctx context.Context, where ticketing.Conversation, at time.Time) (*ticketing.CSAT, error) {
	s, err := scanCSAT(t.queryRow(ctx, `SELECT `+csatColumns+` FROM csat
		WHERE where_platform = ? AND where_address = ?
		  AND ((rating = 0 AND open_until > ?) OR (rating > 0 AND comment_until > ?))
		ORDER BY asked_at DESC, ticket_id DESC LIMIT 1`,
		string(where.Platform), where.Address, stampOf(at), stampOf(at)))
	if err != nil {
		return nil, fmt.Errorf("pending csat in %s %s: %w", where.Platform, where.Address, notFound(err))
	}
	return s, nil
}

// RateCSAT implements ticketing.Tx.
func (t *Tx) RateCSAT(ctx context.Context, ticketID int64, rating int, by string, at, commentUntil time.Time) (bool, error) {
	if !ticketing.ValidRating(rating) {
		return false, fmt.Errorf("rate ticket %d: rating %d is not %d–%d", ticketID, rating, ticketing.CSATMin, ticketing.CSATMax)
	}
	res, err := t.exec(ctx, `UPDATE csat SET rating = ?, rated_by = ?, rated_at = ?, open_until = NULL, comment_until = ?
		WHERE ticket_id = ? AND rating = 0`, rating, by, stampOf(at), nullStamp(commentUntil), ticketID)
	if err != nil {
		return false, fmt.Errorf("rate ticket %d: %w", ticketID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// CommentCSAT implements ticketing.Tx.
func (t *Tx) CommentCSAT(ctx context.Context, ticketID int64, comment string, at time.Time) (bool, error) {
	res, err := t.exec(ctx, `UPDATE csat SET comment = ?, commented_at = ?, comment_until = NULL
		WHERE ticket_id = ? AND rating > 0 AND comment_until > ?`, comment, stampOf(at), ticketID, stampOf(at))
	if err != nil {
		return false, fmt.Errorf("comment on ticket %d: %w", ticketID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// EndCSATPrompt implements ticketing.Tx.
func (t *Tx) EndCSATPrompt(ctx context.Context, ticketID int64, at time.Time) error {
	if _, err := t.exec(ctx, `UPDATE csat SET open_until = NULL WHERE ticket_id = ? AND open_until > ?`, ticketID, stampOf(at)); err != nil {
		return fmt.Errorf("end csat prompt of ticket %d: %w", ticketID, err)
	}
	if _, err := t.exec(ctx, `UPDATE csat SET comment_until = NULL WHERE ticket_id = ? AND comment_until > ?`, ticketID, stampOf(at)); err != nil {
		return fmt.Errorf("end csat comment of ticket %d: %w", ticketID, err)
	}
	return nil
}

func scanCSAT(r scanner) (*ticketing.CSAT, error) {
	var s ticketing.CSAT
	var wp string
	if err := r.Scan(&s.TicketID, &s.ClientID, &wp, &s.Where.Address, &s.Where.Thread, instant{&s.AskedAt}, instant{&s.OpenUntil},
		&s.Rating, &s.RatedBy, instant{&s.RatedAt}, instant{&s.CommentUntil}, &s.Comment, instant{&s.CommentedAt}); err != nil {
		return nil, err
	}
	s.Where.Platform = ticketing.Platform(wp)
	return &s, nil
}

// csatRatings are the ratings of the report's tickets, by ticket id.
func (t *Tx) csatRatings(ctx context.Context, from, to time.Time, clientID string) (map[int64]int, error) {
	where, args := reportRange(from, to, clientID)
	rows, err := t.query(ctx, `SELECT c.ticket_id, c.rating FROM csat c JOIN tickets t ON t.id = c.ticket_id
		WHERE c.rating > 0 AND `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("report csat: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var rating int
		if err := rows.Scan(&id, &rating); err != nil {
			return nil, fmt.Errorf("report csat: %w", err)
		}
		out[id] = rating
	}
	return out, rows.Err()
}
