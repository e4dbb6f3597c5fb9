package bot

import (
	"context"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// suggestedArticles is what the ticket's client was suggested, as the
// audit line recorded it; "" when nothing was.
func (b *Bot) suggestedArticles(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) (string, error) {
	// The suggestion went with the acknowledgement, right after the
	// ticket was stored.
	lines, err := tx.AuditLog(ctx, t.ClientID, t.CreatedAt.Add(-time.Minute))
	if err != nil {
		return "", err
	}
	for _, e := range lines {
		if e.TicketID == t.ID && e.Action == ticketing.AuditKnowledgeSuggested {
			return e.Detail, nil
		}
	}
	return "", nil
}

// selfServe closes a ticket its client says a suggested article solved:
// counted as self-served in the report, the focal point told. ok is false
// when the ticket had no suggestion, so the word is an ordinary message.
func (b *Bot) selfServe(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, author string) (msg string, ok bool, err error) {
	c := b.clientOf(t)
	if !t.Status.Open() {
		return say(c, "close.already", t.ID), true, nil
	}
	ids, err := b.suggestedArticles(ctx, tx, t)
	if err != nil || ids == "" {
		return "", false, err
	}
	msg, err = b.closeForClient(ctx, tx, t, author, ticketing.CloseReasonSelfServed, say(c, "knowledge.solved.done", t.ID))
	if err != nil {
		return "", true, err
	}
	focal := c.FocalPoint
	if t.Assignee != "" {
		focal = t.Assignee
	}
	return msg, true, b.dm(ctx, tx, t.ID, focal, b.tell("knowledge.solved.dm", t.ID, c.Name, ids))
}

// knowledgeSolvedButton is "✅ Esto lo resolvió": only the ticket's client,
// in their own channel, may press it (handleAction scoped the ticket).
func (b *Bot) knowledgeSolvedButton(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, in channels.Inbound, staff, inClient bool) (string, error) {
	if staff || !inClient {
		return say(b.clientOf(t), "knowledge.solved.client_only"), nil
	}
	msg, ok, err := b.selfServe(ctx, tx, t, in.UserID)
	if err != nil || !ok {
		return "", err
	}
	return msg, nil
}

// whatsAppSolved reads "resuelto" (or "solved") from a contact whose open
// ticket was sent suggestions.
func (b *Bot) whatsAppSolved(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, phone string) (bool, error) {
	t, err := tx.OpenTicketByContact(ctx, phone)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if t.ClientID != c.ID {
		return false, nil
	}
	_, ok, err := b.selfServe(ctx, tx, t, phone)
	return ok, err
}
