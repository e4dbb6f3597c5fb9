package store

import (
	"context"
	"fmt"

	"supportbot/ticketing"
)

// TicketCard implements ticketing.Tx.
func (t *Tx) TicketCard(ctx context.Context, ticketID int64) (ticketing.Card, error) {
	c := ticketing.Card{TicketID: ticketID}
	err := t.queryRow(ctx, `SELECT channel, ref, shown FROM ticket_cards WHERE ticket_id = ?`, ticketID).Scan(&c.Channel, &c.Ref, &c.Shown)
	if err != nil {
		return ticketing.Card{}, fmt.Errorf("card of ticket %d: %w", ticketID, notFound(err))
	}
	return c, nil
}

// SaveCard implements ticketing.Tx.
func (t *Tx) SaveCard(ctx context.Context, c ticketing.Card) error {
	_, err := t.exec(ctx, `INSERT INTO ticket_cards (ticket_id, channel, ref, shown) VALUES (?, ?, ?, ?)
		ON CONFLICT (ticket_id) DO UPDATE SET channel = excluded.channel, shown = excluded.shown`,
		c.TicketID, c.Channel, c.Ref, c.Shown)
	if err != nil {
		return fmt.Errorf("save card of ticket %d: %w", c.TicketID, err)
	}
	return nil
}

// SetCardRef implements ticketing.Tx.
func (t *Tx) SetCardRef(ctx context.Context, ticketID int64, ref string) error {
	if _, err := t.exec(ctx, `UPDATE ticket_cards SET ref = ? WHERE ticket_id = ?`, ref, ticketID); err != nil {
		return fmt.Errorf("set card of ticket %d: %w", ticketID, err)
	}
	return nil
}

// TicketByCard implements ticketing.Tx.
func (t *Tx) TicketByCard(ctx context.Context, channel, ref string) (*ticketing.Ticket, error) {
	if ref == "" {
		return nil, fmt.Errorf("ticket of card: %w", ticketing.ErrNotFound)
	}
	var id int64
	err := t.queryRow(ctx, `SELECT ticket_id FROM ticket_cards WHERE channel = ? AND ref = ?`, channel, ref).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("ticket of card %s/%s: %w", channel, ref, notFound(err))
	}
	return t.Ticket(ctx, "", id)
}
