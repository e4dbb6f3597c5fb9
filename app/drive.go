package app

import (
	"context"
	"fmt"

	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/config"
	"supportbot/ticketing"
)

// What the demo drives by hand instead of Run: it plays requests into
// Handler, moves a simulated clock and runs one step of the scheduled jobs
// and the outbox at a time, so its transcript reads in order.

// Config is the configuration the app was built from.
func (a *App) Config() *config.Config { return a.cfg }

// WhatsApp is the WhatsApp adapter, nil when whatsapp.enabled is false.
func (a *App) WhatsApp() *whatsappchannel.Adapter { return a.whatsapp }

// Tick runs the scheduled jobs, and the router's, once.
func (a *App) Tick(ctx context.Context) error { return a.ticks().Tick(ctx) }

// PublishHomes publishes the Home views owed now, as the running bot's
// Home worker would.
func (a *App) PublishHomes(ctx context.Context) { a.home.Flush(ctx) }

// DeliverDue sends what the outbox owes now and says how many went out.
func (a *App) DeliverDue(ctx context.Context) (int, error) { return a.deliverer.DeliverDue(ctx) }

// OutboxBacklog counts the replies not yet delivered.
func (a *App) OutboxBacklog(ctx context.Context) (int, error) {
	var n int
	err := a.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		n, err = tx.OutboxBacklog(ctx)
		return err
	})
	return n, err
}

// Ticket reads one ticket.
func (a *App) Ticket(ctx context.Context, id int64) (*ticketing.Ticket, error) {
	var t *ticketing.Ticket
	err := a.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		t, err = tx.Ticket(ctx, "", id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ticket #%d: %w", id, err)
	}
	return t, nil
}

// Card is where ticket id's staff card is, for the demo to write in its
// thread.
func (a *App) Card(ctx context.Context, id int64) (ticketing.Card, error) {
	var c ticketing.Card
	err := a.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		c, err = tx.TicketCard(ctx, id)
		return err
	})
	if err != nil {
		return ticketing.Card{}, fmt.Errorf("card of ticket #%d: %w", id, err)
	}
	return c, nil
}
