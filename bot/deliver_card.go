package bot

import (
	"context"
	"errors"

	"supportbot/ticketing"
)

// errCardNotPosted is why an edit of a ticket's card is given up when the
// card itself never went out: there is nothing to rewrite.
var errCardNotPosted = errors.New("the ticket's card was never posted")

// placeOnCard addresses an item for a ticket's card at delivery, when the
// card's message id is known: an edit rewrites it, a thread post replies
// under it. A thread post whose card never went out (given up, or a ticket
// older than cards) goes to the top of the card's channel rather than be
// lost; it names its ticket. errCardNotPosted gives the item up; another
// error is the store's, and the item stays owed.
func (d *Deliverer) placeOnCard(ctx context.Context, it ticketing.OutboxItem) (ticketing.OutboxItem, error) {
	if it.Card == ticketing.CardPost || it.TicketID == 0 {
		return it, nil
	}
	var card ticketing.Card
	err := d.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		card, err = tx.TicketCard(ctx, it.TicketID)
		return err
	})
	if err != nil && !errors.Is(err, ticketing.ErrNotFound) {
		return it, err
	}
	if card.Channel != "" {
		it.To.Address = card.Channel
	}
	switch it.Card {
	case ticketing.CardEdit:
		if card.Ref == "" {
			return it, errCardNotPosted
		}
		it.EditRef = card.Ref
	case ticketing.CardThread:
		it.To.Thread = card.Ref
	}
	return it, nil
}
