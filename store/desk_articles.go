package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"supportbot/ticketing"
)

const deskArticleColumns = `id, source, ticket_id, client_id, title, question, asker, answer, author, lang, published, saved_by, created_at, updated_at`

// SaveDeskArticle implements ticketing.Tx.
func (t *Tx) SaveDeskArticle(ctx context.Context, a *ticketing.DeskArticle) error {
	if a.CreatedAt.IsZero() {
		return fmt.Errorf("store desk article %s: no time", a.Source)
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = a.CreatedAt
	}
	var ticket any
	if a.TicketID > 0 {
		ticket = a.TicketID
	}
	err := t.insertNew(ctx, &a.ID, `INSERT INTO desk_articles (source, ticket_id, client_id, title, question, asker, answer, author, lang, published, saved_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		a.Source, ticket, a.ClientID, a.Title, a.Question, a.Asker, a.Answer, a.Author, a.Lang, a.Published, a.SavedBy,
		stampOf(a.CreatedAt), stampOf(a.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store desk article %s: %w", a.Source, err)
	}
	return nil
}

// DeskArticle implements ticketing.Tx.
func (t *Tx) DeskArticle(ctx context.Context, id int64) (*ticketing.DeskArticle, error) {
	a, err := scanDeskArticle(t.queryRow(ctx, `SELECT `+deskArticleColumns+` FROM desk_articles WHERE id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("desk article %d: %w", id, notFound(err))
	}
	return a, nil
}

// DeskArticleBySource implements ticketing.Tx.
func (t *Tx) DeskArticleBySource(ctx context.Context, source string) (*ticketing.DeskArticle, error) {
	a, err := scanDeskArticle(t.queryRow(ctx, `SELECT `+deskArticleColumns+` FROM desk_articles WHERE source = ?`, source))
	if err != nil {
		return nil, fmt.Errorf("desk article from %s: %w", source, notFound(err))
	}
	return a, nil
}

// PublishDeskArticle implements ticketing.Tx.
func (t *Tx) PublishDeskArticle(ctx context.Context, id int64, at time.Time) error {
	res, err := t.exec(ctx, `UPDATE desk_articles SET published = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`, true, stampOf(at), id)
	if err != nil {
		return fmt.Errorf("publish desk article %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("publish desk article %d: %w", id, ticketing.ErrNotFound)
	}
	return nil
}

// ListDeskArticles implements ticketing.Tx.
func (t *Tx) ListDeskArticles(ctx context.Context) ([]ticketing.DeskArticle, error) {
	rows, err := t.query(ctx, `SELECT `+deskArticleColumns+` FROM desk_articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("desk articles: %w", err)
	}
	defer rows.Close()
	var out []ticketing.DeskArticle
	for rows.Next() {
		a, err := scanDeskArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("desk articles: %w", err)
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}

// DeskArticlesStamp implements ticketing.Tx: how many there are, the sum
// of their revisions (each change adds one) and the highest id, so a save,
// a publication or an erasure each move it, whatever the clock says.
func (t *Tx) DeskArticlesStamp(ctx context.Context) (string, error) {
	var n, revisions, last int64
	if err := t.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(revision), 0), COALESCE(MAX(id), 0) FROM desk_articles`).Scan(&n, &revisions, &last); err != nil {
		return "", fmt.Errorf("desk articles stamp: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d", n, revisions, last), nil
}

func scanDeskArticle(r scanner) (*ticketing.DeskArticle, error) {
	var a ticketing.DeskArticle
	var ticket sql.NullInt64
	if err := r.Scan(&a.ID, &a.Source, &ticket, &a.ClientID, &a.Title, &a.Question, &a.Asker, &a.Answer, &a.Author, &a.Lang,
		&a.Published, &a.SavedBy, instant{&a.CreatedAt}, instant{&a.UpdatedAt}); err != nil {
		return nil, err
	}
	a.TicketID = ticket.Int64
	return &a, nil
}

// eraseDeskArticles takes a person's words out of the known fixes: the
// question they asked goes (the answer stays, it is the desk's), and their
// id gives way to the placeholder. The revision bump moves the stamp,
// so every replica's index forgets the words too.
func (t *Tx) eraseDeskArticles(ctx context.Context, id, placeholder string, now time.Time) (int64, error) {
	res, err := t.exec(ctx, `UPDATE desk_articles SET question = '', asker = ?, updated_at = ?, revision = revision + 1 WHERE asker = ?`, placeholder, stampOf(now), id)
	if err != nil {
		return 0, fmt.Errorf("privacy erase desk_articles: %w", err)
	}
	n, _ := res.RowsAffected()
	res, err = t.exec(ctx, `UPDATE desk_articles SET author = ?, updated_at = ?, revision = revision + 1 WHERE author = ?`, placeholder, stampOf(now), id)
	if err != nil {
		return 0, fmt.Errorf("privacy erase desk_articles: %w", err)
	}
	m, _ := res.RowsAffected()
	return n + m, nil
}
