package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"supportbot/ticketing"
)

// Updates committed together still succeed or fail one by one: a failing
// or panicking update leaves no trace, its neighbours in the batch commit.
func TestConcurrentUpdatesCommitOrFailAlone(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	const n = 200
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = db.Update(ctx, func(tx ticketing.Tx) error {
				tk := newTicket("acme")
				tk.Subject = fmt.Sprintf("caso %d", i)
				if err := tx.CreateTicket(ctx, tk); err != nil {
					return err
				}
				switch i % 10 {
				case 3:
					return errors.New("refused by the router")
				case 7:
					panic("router bug")
				}
				return tx.MarkEvent(ctx, fmt.Sprintf("Ev%d", i), t0)
			})
		})
	}
	wg.Wait()
	var ok, failed int
	for i, err := range errs {
		switch {
		case i%10 == 3 || i%10 == 7:
			if err == nil {
				t.Errorf("update %d: no error, want its failure", i)
			}
			failed++
		case err != nil:
			t.Errorf("update %d: %v", i, err)
		default:
			ok++
		}
	}
	var tickets []*ticketing.Ticket
	db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		tickets, err = tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: "acme"})
		return err
	})
	if got, want := len(tickets), ok; got != want {
		t.Errorf("tickets = %d, want the %d updates that succeeded (%d failed)", got, want, failed)
	}
	for _, tk := range tickets {
		var i int
		fmt.Sscanf(tk.Subject, "caso %d", &i)
		if i%10 == 3 || i%10 == 7 {
			t.Errorf("ticket %q of a failed update was committed", tk.Subject)
		}
	}
}

func TestUpdateAfterCloseAndCancelled(t *testing.T) {
	db, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	if err := db.Update(ctx, func(ticketing.Tx) error { called = true; return nil }); err == nil || called {
		t.Errorf("cancelled update: err %v, fn called %v; want an error and no call", err, called)
	}
	db.Close()
	if err := db.Update(context.Background(), func(ticketing.Tx) error { return nil }); err == nil {
		t.Error("update after Close succeeded")
	}
}
