package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"supportbot/ticketing"
)

var concurrencyCases = []testCase{
	{"racing creates for one contact make one ticket", testRacingCreates},
	{"racing routers share one ticket", testRacingRouters},
	{"racing marks of one event", testRacingMarkEvent},
	{"racing enqueues of one key", testRacingEnqueue},
	{"racing notifications", testRacingNotification},
}

// racers is how many goroutines race; enough to overlap on any backend.
const racers = 8

// race runs fn(i) for every racer at once, each in its own Update, and
// returns their errors.
func race(t *testing.T, s ticketing.Store, fn func(tx ticketing.Tx, i int) error) []error {
	t.Helper()
	errs := make([]error, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		wg.Go(func() {
			<-start
			errs[i] = s.Update(t.Context(), func(tx ticketing.Tx) error { return fn(tx, i) })
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// oneWinner checks that exactly one racer succeeded and every other one
// got ErrDuplicate.
func oneWinner(t *testing.T, what string, errs []error) {
	t.Helper()
	won := 0
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, ticketing.ErrDuplicate):
			t.Errorf("%s, racer %d: err = %v, want success or ErrDuplicate", what, i, err)
		}
	}
	if won != 1 {
		t.Errorf("%s: %d racers succeeded, want exactly 1", what, won)
	}
}

func openTickets(t *testing.T, s ticketing.Store) []*ticketing.Ticket {
	t.Helper()
	var out []*ticketing.Ticket
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		out, err = tx.FindTickets(t.Context(), ticketing.TicketFilter{OnlyOpen: true})
		return err
	})
	return out
}

// Creating without looking first: the schema lets one through.
func testRacingCreates(t *testing.T, s ticketing.Store) {
	seed(t, s)
	errs := race(t, s, func(tx ticketing.Tx, _ int) error { return tx.CreateTicket(t.Context(), whatsAppTicket()) })
	oneWinner(t, "CreateTicket", errs)
	if got := openTickets(t, s); len(got) != 1 {
		t.Errorf("open tickets = %v, want 1", ids(got))
	}
}

// The router's way: look for the contact's open ticket and create one only
// when there is none, in one Update. Updates are serializable, so every
// racer succeeds and all their messages land on the one ticket.
func testRacingRouters(t *testing.T, s ticketing.Store) {
	seed(t, s)
	errs := race(t, s, func(tx ticketing.Tx, i int) error {
		ctx := t.Context()
		tk, err := tx.OpenTicketByContact(ctx, acmePhone)
		if errors.Is(err, ticketing.ErrNotFound) {
			tk = whatsAppTicket()
			err = tx.CreateTicket(ctx, tk)
		}
		if err != nil {
			return err
		}
		return tx.AddMessage(ctx, message(tk.ID, fmt.Sprintf("whatsapp:%d", i), t0))
	})
	for i, err := range errs {
		if err != nil {
			t.Errorf("racer %d: %v, want success", i, err)
		}
	}
	got := openTickets(t, s)
	if len(got) != 1 {
		t.Fatalf("open tickets = %v, want 1", ids(got))
	}
	var ms []ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		ms, err = tx.Messages(t.Context(), got[0].ID)
		return err
	})
	if len(ms) != racers {
		t.Errorf("messages on the ticket = %d, want one per racer (%d)", len(ms), racers)
	}
}

func testRacingMarkEvent(t *testing.T, s ticketing.Store) {
	errs := race(t, s, func(tx ticketing.Tx, _ int) error { return tx.MarkEvent(t.Context(), "Ev1", t0) })
	oneWinner(t, "MarkEvent", errs)
}

func testRacingEnqueue(t *testing.T, s ticketing.Store) {
	errs := race(t, s, func(tx ticketing.Tx, i int) error {
		return tx.Enqueue(t.Context(), &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost,
			Text: fmt.Sprintf("n%d", i), DedupeKey: "answer:1", CreatedAt: t0})
	})
	oneWinner(t, "Enqueue", errs)
	if got := len(pending(t, s, t0, 100)); got != 1 {
		t.Errorf("pending = %d, want 1", got)
	}
}

func testRacingNotification(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	errs := race(t, s, func(tx ticketing.Tx, _ int) error {
		first, err := tx.RecordNotification(t.Context(), tk.ID, "warn", 0.5, t0)
		if err == nil && !first {
			return ticketing.ErrDuplicate
		}
		return err
	})
	oneWinner(t, "RecordNotification", errs)
}
