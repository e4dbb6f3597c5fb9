package bot

import (
	"context"
	"sync"

	"supportbot/ticketing"
)

// cardExtras are what a card shows beside the ticket's own fields: the
// policy's exclusions and the knowledge that may answer the client's
// question. Both follow from the question and the knowledge base alone,
// and a card is drawn again at every change of its ticket, so they are
// remembered per ticket until the question or the base changes.
type cardExtras struct {
	question, base string
	exclusions     []Exclusion
	suggestions    []CardSuggestion
}

// cardExtrasCache is bounded: past its size it starts over, which costs
// only a recomputation per ticket.
type cardExtrasCache struct {
	mu   sync.Mutex
	byID map[int64]cardExtras
}

const cardExtrasMax = 10000

func (c *cardExtrasCache) get(id int64, question, base string) (cardExtras, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byID[id]
	return e, ok && e.question == question && e.base == base
}

func (c *cardExtrasCache) put(id int64, e cardExtras) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil || len(c.byID) >= cardExtrasMax {
		c.byID = make(map[int64]cardExtras)
	}
	c.byID[id] = e
}

// extrasFor computes (or recalls) a card's extras for t's question.
func (b *Bot) extrasFor(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, c *ticketing.Client, question string) (cardExtras, error) {
	if err := b.freshKnowledge(ctx, tx); err != nil {
		return cardExtras{}, err
	}
	base, _ := b.kb.DeskStamp()
	if e, ok := b.extras.get(t.ID, question, base); ok {
		return e, nil
	}
	e := cardExtras{question: question, base: base, exclusions: b.classifier.Classify(question).Exclusions}
	for _, r := range b.staffSearch(c, question) {
		e.suggestions = append(e.suggestions, CardSuggestion{ID: r.ID, Title: r.Title, URL: r.URL, StaffOnly: r.StaffOnly})
	}
	b.extras.put(t.ID, e)
	return e, nil
}
