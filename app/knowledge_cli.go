package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"

	"supportbot/bot"
	"supportbot/config"
	"supportbot/knowledge"
	"supportbot/store"
	"supportbot/ticketing"
)

// KnowledgeFor is the base `knowledge search` asks: knowledge.dir's
// articles (bad files named on errOut and skipped) and the store's desk
// articles, when there is a store to read.
func KnowledgeFor(ctx context.Context, cfg *config.Config, errOut io.Writer) (*knowledge.Base, error) {
	arts, problems := knowledge.Load(cfg.Knowledge.Dir)
	for _, p := range problems {
		fmt.Fprintf(errOut, "knowledge search: skipped: %v\n", p)
	}
	base := knowledge.NewBase(arts)
	if cfg.Store.Driver != config.StorePostgres {
		if _, err := os.Stat(cfg.Store.Path); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(errOut, "knowledge search: %d articles; no store at %s, so no desk articles\n", len(arts), cfg.Store.Path)
			return base, nil
		}
	}
	db, err := openConfigured(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("knowledge search: %w", err)
	}
	defer db.Close()
	n, err := LoadDeskArticles(ctx, db, base)
	if err != nil {
		return nil, fmt.Errorf("knowledge search: %w", err)
	}
	fmt.Fprintf(errOut, "knowledge search: %d articles, %d desk articles\n", len(arts), n)
	return base, nil
}

// LoadDeskArticles puts the store's desk articles into base, as the bot
// does before a search, and says how many there were.
func LoadDeskArticles(ctx context.Context, db *store.DB, base *knowledge.Base) (int, error) {
	var list []ticketing.DeskArticle
	var stamp string
	err := db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		if stamp, err = tx.DeskArticlesStamp(ctx); err != nil {
			return err
		}
		list, err = tx.ListDeskArticles(ctx)
		return err
	})
	if err != nil {
		return 0, err
	}
	base.SetDesk(stamp, bot.DeskArticlesAsKnowledge(list))
	return len(list), nil
}

type knowledgeQuestion struct {
	Text *string `json:"text"`
}

type knowledgeHit struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	URL   string  `json:"url"`
	Score float64 `json:"score"`
}

type knowledgeAnswer struct {
	Results []knowledgeHit `json:"results"`
}

// KnowledgeSearch answers each line of in (plain text or {"text": …})
// with the base's top n articles above the threshold, one JSON line each.
func KnowledgeSearch(ctx context.Context, base *knowledge.Base, n int, in io.Reader, out io.Writer) (cases, failed int, err error) {
	return answerLines(ctx, "knowledge search", in, out, func(line []byte) (any, error) {
		text := string(line)
		if line[0] == '{' {
			var q knowledgeQuestion
			if err := json.Unmarshal(line, &q); err != nil {
				return nil, fmt.Errorf("bad JSON: %w", err)
			}
			if q.Text == nil {
				return nil, errors.New(`bad JSON: no "text"`)
			}
			text = *q.Text
		}
		ans := knowledgeAnswer{Results: []knowledgeHit{}}
		for _, r := range base.Search(text, n) {
			ans.Results = append(ans.Results, knowledgeHit{ID: r.ID, Title: r.Title, URL: r.URL, Score: math.Round(r.Score*1000) / 1000})
		}
		return ans, nil
	})
}

// KnowledgeEval scores the base on the labelled file at path: top-1 and
// top-3 hit rates, the share of no-article questions suggested anything,
// then each miss. A file that cannot be read is a ConfigError.
func KnowledgeEval(base *knowledge.Base, path string, out io.Writer) (knowledge.Scores, error) {
	f, err := os.Open(path)
	if err != nil {
		return knowledge.Scores{}, &ConfigError{Err: fmt.Errorf("knowledge search -eval: %w", err)}
	}
	defer f.Close()
	set, err := knowledge.ReadLabelled(f)
	if err == nil && len(set) == 0 {
		err = errors.New("no questions")
	}
	if err != nil {
		return knowledge.Scores{}, &ConfigError{Err: fmt.Errorf("knowledge search -eval: %s: %w", path, err)}
	}
	s := knowledge.Evaluate(set, func(q string) []knowledge.Result { return base.Search(q, 3) })
	fmt.Fprintln(out, s)
	for _, m := range s.Misses {
		fmt.Fprintf(out, "miss: %q (want %s)\n", m.Text, m.Article)
	}
	return s, nil
}
