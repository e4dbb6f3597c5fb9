package bot

import (
	"context"

	"supportbot/ticketing"
)

// toTriage tells the ticket's internal side: its card's thread in the
// triage channel, which client users never see. The card is queued first
// if the ticket has none yet, so the note hangs from it.
func (b *Bot) toTriage(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, text string) error {
	channel := b.triageChannel()
	if channel == "" || t == nil || t.ID == 0 {
		b.log.Debug("no triage channel; internal note not posted", "ticket", ticketIDOf(t))
		return nil
	}
	if err := b.RefreshCard(ctx, tx, t.ID); err != nil {
		return err
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(channel, ""), Mode: ticketing.ModePost, Card: ticketing.CardThread,
		TicketID: t.ID, Text: text})
}

func ticketIDOf(t *ticketing.Ticket) int64 {
	if t == nil {
		return 0
	}
	return t.ID
}

// isTriage reports whether channel is the desk's triage channel.
func (b *Bot) isTriage(channel string) bool {
	return channel != "" && channel == b.triageChannel()
}
