package bot

import (
	"context"
	"errors"
	"fmt"

	"supportbot/ticketing"
)

// enqueue queues one owed reply in the current transaction. A dedupe key
// already queued is not an error: the reply is owed once.
func (b *Bot) enqueue(ctx context.Context, tx ticketing.Tx, item ticketing.OutboxItem) error {
	now := b.clock.Now()
	item.CreatedAt, item.NextAttemptAt = now, now
	err := tx.Enqueue(ctx, &item)
	if errors.Is(err, ticketing.ErrDuplicate) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("queue reply: %w", err)
	}
	return nil
}

// post queues a Slack message in a channel, in a thread when threadTS is set.
func (b *Bot) post(ctx context.Context, tx ticketing.Tx, ticketID int64, channel, threadTS, text string, buttons ...ticketing.Button) error {
	if channel == "" {
		return nil
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{Delivery: ticketing.DeliverSlackPost, Target: channel, ThreadTS: threadTS, Text: text, TicketID: ticketID, Buttons: buttons})
}

// dm queues a direct message to a Slack user.
func (b *Bot) dm(ctx context.Context, tx ticketing.Tx, ticketID int64, userID, text string) error {
	if userID == "" {
		return nil
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{Delivery: ticketing.DeliverSlackDM, Target: userID, Text: text, TicketID: ticketID})
}

// whatsapp queues a message to a WhatsApp number.
func (b *Bot) whatsapp(ctx context.Context, tx ticketing.Tx, ticketID int64, phone, text string) error {
	return b.enqueue(ctx, tx, ticketing.OutboxItem{Delivery: ticketing.DeliverWhatsApp, Target: phone, Text: text, TicketID: ticketID})
}

// alertDesk queues a message in the internal service desk channel.
func (b *Bot) alertDesk(ctx context.Context, tx ticketing.Tx, ticketID int64, text string) error {
	return b.post(ctx, tx, ticketID, b.desk.Channel, "", text)
}

// toTicket answers in the ticket's conversation: its Slack thread, and for a
// WhatsApp ticket the contact's chat too (with slackText as the thread's copy).
func (b *Bot) toTicket(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, text string, buttons ...ticketing.Button) error {
	if t.Source == ticketing.SourceWhatsApp && t.WhatsAppContact != "" {
		if err := b.whatsapp(ctx, tx, t.ID, t.WhatsAppContact, b.plainTextOf(text)); err != nil {
			return err
		}
		return b.post(ctx, tx, t.ID, t.SlackChannel, b.threadOf(t), "🤖 Respuesta enviada por WhatsApp:\n"+text, buttons...)
	}
	return b.post(ctx, tx, t.ID, t.SlackChannel, b.threadOf(t), text, buttons...)
}

// toThread posts only in the ticket's Slack thread (staff-facing notes).
func (b *Bot) toThread(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, text string, buttons ...ticketing.Button) error {
	return b.post(ctx, tx, t.ID, t.SlackChannel, b.threadOf(t), text, buttons...)
}

func (b *Bot) threadOf(t *ticketing.Ticket) string {
	if t.SlackThreadTS != "" {
		return t.SlackThreadTS
	}
	return ticketing.InTicketThread
}

// audit appends an audit line in the current transaction.
func (b *Bot) audit(ctx context.Context, tx ticketing.Tx, actor, clientID string, ticketID int64, action ticketing.AuditAction, detail string) error {
	return tx.Audit(ctx, ticketing.AuditEntry{At: b.clock.Now(), Actor: actor, ClientID: clientID, TicketID: ticketID, Action: action, Detail: detail})
}
