package bot

import (
	"context"

	"supportbot/channels"
	"supportbot/ticketing"
)

// cardReply routes a message in the thread of a ticket's card: from staff
// it is an internal note, kept on the ticket with its files and never
// relayed to the client; from anyone else it is ignored. handled is false
// when the thread is no card's, for the client-side routing to take.
func (b *Bot) cardReply(ctx context.Context, in channels.Inbound) (handled bool, err error) {
	if _, client := b.dir.clientOfChannel(in.Channel); client {
		// A client's channel never holds cards.
		return false, nil
	}
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		t, err := tx.TicketByCard(ctx, in.Channel, in.ThreadTS)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		handled = true
		if !b.dir.isStaff(in.UserID) {
			b.log.Debug("non-staff message in a card thread ignored", "channel", in.Channel, "ticket", t.ID, "user", in.UserID)
			return nil
		}
		if dup, err := b.seen(ctx, tx, fx, in); dup || err != nil {
			return err
		}
		return b.keepNote(ctx, tx, t, in)
	})
	return handled, err
}

// keepNote stores a member of staff's internal note on t.
func (b *Bot) keepNote(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, in channels.Inbound) error {
	if in.Text == "" && len(in.Files) == 0 {
		return nil
	}
	msg := &ticketing.Message{TicketID: t.ID, ExternalID: slackExternalID(in.Channel, in.MessageID), AuthorID: in.UserID,
		AuthorKind: ticketing.AuthorNote, Channel: ticketing.SourceSlack, Text: in.Text, Media: in.Media, Files: in.Files, At: in.At}
	if err := addMessage(ctx, tx, msg); err != nil {
		return err
	}
	return b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditNoteAdded, subjectOf(in.Text))
}
