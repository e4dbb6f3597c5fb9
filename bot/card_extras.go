package bot

import (
	"context"

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

// cardExtrasMax bounds the tickets whose extras are remembered.
const cardExtrasMax = 10000

// extrasFor computes (or recalls) a card's extras for t's question.
func (b *Bot) extrasFor(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, c *ticketing.Client, question string) (cardExtras, error) {
	if err := b.freshKnowledge(ctx, tx); err != nil {
		return cardExtras{}, err
	}
	base, _ := b.kb.DeskStamp()
	if e, ok := b.extras.get(t.ID); ok && e.question == question && e.base == base {
		return e, nil
	}
	e := cardExtras{question: question, base: base, exclusions: b.classifier.Classify(question).Exclusions}
	for _, r := range b.staffSearch(c, question) {
		e.suggestions = append(e.suggestions, CardSuggestion{ID: r.ID, Title: r.Title, URL: r.URL, StaffOnly: r.StaffOnly})
	}
	b.extras.put(t.ID, e, 0)
	return e, nil
}
