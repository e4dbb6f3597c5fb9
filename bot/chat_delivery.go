package bot

import (
	"context"
	"fmt"

	"supportbot/channels"
	"supportbot/ticketing"
)

// TellTicketDesk gives staff a note about a ticket's chat delivery (a
// message waiting for the contact, one the platform refused): in the
// thread of the ticket's staff card, or the service desk channel when there
// is no ticket. It never reaches the client's side.
func (b *Bot) TellTicketDesk(ctx context.Context, ticketID int64, text string) error {
	return b.update(ctx, func(tx ticketing.Tx, _ *effects) error {
		if ticketID != 0 {
			t, err := tx.Ticket(ctx, "", ticketID)
			if err != nil && !isNotFound(err) {
				return err
			}
			// What a transport tells the desk of a ticket (a closed
			// window, a failed delivery) is internal: the card's thread.
			if err == nil && b.triageChannel() != "" {
				return b.toTriage(ctx, tx, t, text)
			}
		}
		return b.alertDesk(ctx, tx, ticketID, text)
	})
}

// handleChatReaction records a contact's emoji reaction on its open ticket
// and shows it in the ticket's thread; a reaction opens nothing.
func (b *Bot) handleChatReaction(ctx context.Context, in channels.Inbound) error {
	phone := in.UserID
	return b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		contact, err := tx.Contact(ctx, phone)
		if isNotFound(err) || err == nil && !contact.Active() {
			return nil
		}
		if err != nil {
			return err
		}
		if dup, err := b.seenWhatsApp(ctx, tx, fx, in); dup || err != nil {
			return err
		}
		t, err := tx.OpenTicketByContact(ctx, phone)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		emoji, _ := channels.CleanText(in.Reaction, 32)
		if err := addMessage(ctx, tx, &ticketing.Message{TicketID: t.ID, ExternalID: "whatsapp:" + in.MessageID, AuthorID: phone,
			AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceWhatsApp, Media: "reaction", Text: emoji, At: in.At}); err != nil {
			return err
		}
		line := fmt.Sprintf("📱 *%s*: %s", clientText(nameOr(in.UserName, phone)), b.tell("chat.reacted", clientText(emoji)))
		return b.toThread(ctx, tx, t, line)
	})
}
