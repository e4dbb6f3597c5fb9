package bot

import (
	"context"

	"supportbot/ticketing"
)

// recordCorrection keeps what the desk (or the client) said a ticket really
// is, with the client's own first words, as a labelled example for
// retraining the classifier (`supportbot intents export`). A ticket the
// client never wrote (opened by the Service Desk) teaches nothing.
func (b *Bot) recordCorrection(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, actor string, source ticketing.CorrectionSource) error {
	msgs, err := tx.Messages(ctx, t.ID)
	if err != nil {
		return err
	}
	text := ""
	for _, m := range msgs {
		if m.AuthorKind == ticketing.AuthorClient && m.Text != "" {
			text = m.Text
			break
		}
	}
	if text == "" {
		return nil
	}
	var p ticketing.Priority
	if t.Kind.IsIncident() {
		p = t.Priority
	}
	return tx.AddCorrection(ctx, &ticketing.Correction{ClientID: t.ClientID, TicketID: t.ID, Text: text,
		Kind: t.Kind, Priority: p, Source: source, By: actor, At: b.clock.Now()})
}
