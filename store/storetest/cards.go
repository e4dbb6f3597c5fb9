package storetest

import (
	"fmt"
	"testing"

	"supportbot/ticketing"
)

var cardCases = []testCase{
	{"a ticket's card is kept, its ref set once posted, and found by it", testTicketCard},
	{"an outbox item for a card keeps its part", testOutboxCardPart},
}

func readCard(t *testing.T, s ticketing.Store, id int64) (ticketing.Card, error) {
	t.Helper()
	var c ticketing.Card
	var got error
	view(t, s, func(tx ticketing.Tx) error {
		c, got = tx.TicketCard(t.Context(), id)
		return nil
	})
	return c, got
}

func testTicketCard(t *testing.T, s ticketing.Store) {
	seed(t, s)
	a, b := newTicket(acme), newTicket(beta)
	create(t, s, a, b)
	_, err := readCard(t, s, a.ID)
	wantErr(t, "before any card", err, ticketing.ErrNotFound)

	update(t, s, func(tx ticketing.Tx) error {
		return tx.SaveCard(t.Context(), ticketing.Card{TicketID: a.ID, Channel: "CT", Shown: "first"})
	})
	update(t, s, func(tx ticketing.Tx) error { return tx.SetCardRef(t.Context(), a.ID, "9.9") })
	// Saving what it shows keeps the ref the posted card has.
	update(t, s, func(tx ticketing.Tx) error {
		return tx.SaveCard(t.Context(), ticketing.Card{TicketID: a.ID, Channel: "CT", Shown: "second"})
	})
	got, err := readCard(t, s, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := (ticketing.Card{TicketID: a.ID, Channel: "CT", Ref: "9.9", Shown: "second"}); got != want {
		t.Errorf("card = %+v, want %+v", got, want)
	}
	tests := []struct {
		channel, ref string
		want         int64
	}{
		{"CT", "9.9", a.ID},
		{"CT", "1.1", 0},
		{"C1", "9.9", 0},
		// A card not posted yet belongs to no thread, not to "".
		{"CT", "", 0},
	}
	update(t, s, func(tx ticketing.Tx) error {
		return tx.SaveCard(t.Context(), ticketing.Card{TicketID: b.ID, Channel: "CT", Shown: "unposted"})
	})
	for _, tt := range tests {
		checkLookup(t, s, fmt.Sprintf("TicketByCard(%s, %q)", tt.channel, tt.ref), tt.want,
			func(tx ticketing.Tx) (*ticketing.Ticket, error) {
				return tx.TicketByCard(t.Context(), tt.channel, tt.ref)
			})
	}
}

func testOutboxCardPart(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	parts := []ticketing.CardPart{ticketing.CardPost, ticketing.CardEdit, ticketing.CardThread, ticketing.CardNone}
	update(t, s, func(tx ticketing.Tx) error {
		for i, p := range parts {
			mode := ticketing.ModePost
			if p == ticketing.CardEdit {
				mode = ticketing.ModeUpdate
			}
			it := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CT"}, Mode: mode,
				Text: fmt.Sprint(i), TicketID: tk.ID, Card: p, CreatedAt: t0}
			if err := tx.Enqueue(t.Context(), it); err != nil {
				return err
			}
		}
		return nil
	})
	var items []ticketing.OutboxItem
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		items, err = tx.PendingOutbox(t.Context(), t0, 10)
		return err
	})
	if len(items) != len(parts) {
		t.Fatalf("pending = %d, want %d", len(items), len(parts))
	}
	for i, it := range items {
		if it.Card != parts[i] {
			t.Errorf("item %d card part = %q, want %q", i, it.Card, parts[i])
		}
	}
	// The card, its edit and its thread are one conversation: in order.
	if items[0].Conversation != items[1].Conversation || items[1].Conversation != items[2].Conversation {
		t.Errorf("card conversations %q, %q, %q, want one", items[0].Conversation, items[1].Conversation, items[2].Conversation)
	}
	var due []ticketing.OutboxItem
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		due, err = tx.DueOutbox(t.Context(), t0, 10)
		return err
	})
	for _, it := range due {
		if it.Card != ticketing.CardNone && it.Card != ticketing.CardPost {
			t.Errorf("due %q before the card itself went out", it.Card)
		}
	}
}
