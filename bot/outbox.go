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

// deskPlatform is where the support team works: the client channels, the
// desk channel and the staff's direct chats all live on it, so a person or
// channel named by id in the configuration is on this platform.
const deskPlatform = ticketing.PlatformSlack

// onDesk is a channel (or a thread in it) of the desk's platform.
func onDesk(channel, thread string) ticketing.Conversation {
	return ticketing.Conversation{Platform: deskPlatform, Address: channel, Thread: thread}
}

// post queues a message in a conversation; nowhere (no address) is no error.
func (b *Bot) post(ctx context.Context, tx ticketing.Tx, ticketID int64, to ticketing.Conversation, text string, buttons ...ticketing.Button) error {
	if to.IsZero() {
		return nil
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: to, Mode: ticketing.ModePost, Text: text, TicketID: ticketID, Buttons: buttons})
}

// dm queues a direct message to a member of staff.
func (b *Bot) dm(ctx context.Context, tx ticketing.Tx, ticketID int64, userID, text string) error {
	if userID == "" {
		return nil
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(userID, ""), Mode: ticketing.ModeDirect, Text: text, TicketID: ticketID})
}

// alertDesk queues a message in the internal service desk channel.
func (b *Bot) alertDesk(ctx context.Context, tx ticketing.Tx, ticketID int64, text string) error {
	return b.post(ctx, tx, ticketID, onDesk(b.desk.Channel, ""), text)
}

// toTicket answers the client in the ticket's conversation: the desk
// thread, and for a client who talks apart their own chat too, with a copy
// in the desk thread so staff see what was said.
func (b *Bot) toTicket(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, text string, buttons ...ticketing.Button) error {
	if t.ClientApart() {
		if err := b.post(ctx, tx, t.ID, t.Client, text); err != nil {
			return err
		}
		return b.toThread(ctx, tx, t, b.mirrorLang(t).Say("sent.apart", t.Client.Platform.Label(), text), buttons...)
	}
	return b.toThread(ctx, tx, t, text, buttons...)
}

// toThread posts only in the ticket's desk thread (staff-facing notes);
// before the thread exists the deliverer finds it when it is due.
func (b *Bot) toThread(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, text string, buttons ...ticketing.Button) error {
	if t.Desk.IsZero() {
		return nil
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: t.Desk, Mode: ticketing.ModePost, InDeskThread: t.Desk.Thread == "",
		Text: text, TicketID: t.ID, Buttons: buttons})
}

// audit appends an audit line in the current transaction.
func (b *Bot) audit(ctx context.Context, tx ticketing.Tx, actor, clientID string, ticketID int64, action ticketing.AuditAction, detail string) error {
	return tx.Audit(ctx, ticketing.AuditEntry{At: b.clock.Now(), Actor: actor, ClientID: clientID, TicketID: ticketID, Action: action, Detail: detail})
}
