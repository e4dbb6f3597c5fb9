package store_test

import (
	"context"
	"testing"

	"supportbot/ticketing"
)

// CountTickets is the total behind a listing cut by its limit.
func TestCountTicketsIgnoresTheLimit(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		for i, client := range []string{"acme", "acme", "acme", "acme", "beta"} {
			tk := newTicket(client)
			if i == 0 {
				tk.Status = ticketing.StatusCerrado
			}
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		f    ticketing.TicketFilter
		want int
	}{
		{"everything", ticketing.TicketFilter{}, 5},
		{"one client's open, limited", ticketing.TicketFilter{ClientID: "acme", OnlyOpen: true, Limit: 2}, 3},
		{"another client", ticketing.TicketFilter{ClientID: "beta"}, 1},
		{"nobody's", ticketing.TicketFilter{ClientID: "nadie"}, 0},
	}
	for _, c := range cases {
		var got int
		err := db.View(ctx, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.CountTickets(ctx, c.f)
			return err
		})
		if err != nil || got != c.want {
			t.Errorf("%s: CountTickets = %d, %v; want %d", c.name, got, err, c.want)
		}
	}
}
