package ticketing

import (
	"context"
	"time"
)

// DeskArticle is a known fix: a resolved ticket's question and the staff's
// answer, kept so the next person who asks finds it. It is staff-only until
// published; it quotes the client who asked (Asker) and the staff member
// who answered (Author), so personal-data requests reach it.
type DeskArticle struct {
	ID int64
	// Source makes saving idempotent: "ticket:N" for `/soporte guardar`,
	// "message:<ts>" for a 📖 on one answer.
	Source   string
	TicketID int64
	ClientID string
	Title    string
	// Question is the client's words, Asker who wrote them.
	Question string
	Asker    string
	// Answer is the staff's words, Author who wrote them.
	Answer string
	Author string
	// Lang is the article's language, "es" or "en".
	Lang      string
	Published bool
	SavedBy   string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// DeskArticles is the part of the store that keeps known fixes; every Tx
// has it (see Tx).
type DeskArticles interface {
	// SaveDeskArticle stores a and sets its ID; a Source saved already is
	// ErrDuplicate.
	SaveDeskArticle(ctx context.Context, a *DeskArticle) error
	// DeskArticle reads one by id; ErrNotFound when there is none.
	DeskArticle(ctx context.Context, id int64) (*DeskArticle, error)
	// DeskArticleBySource reads the one saved from source.
	DeskArticleBySource(ctx context.Context, source string) (*DeskArticle, error)
	// PublishDeskArticle shows it to clients from at on; ErrNotFound for an
	// unknown id.
	PublishDeskArticle(ctx context.Context, id int64, at time.Time) error
	// ListDeskArticles lists every desk article, by id.
	ListDeskArticles(ctx context.Context) ([]DeskArticle, error)
	// DeskArticlesStamp changes whenever an article is saved, published or
	// erased, so a replica's search index knows to read them again.
	DeskArticlesStamp(ctx context.Context) (string, error)
}
