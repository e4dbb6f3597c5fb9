package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestWaitingSinceRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	tk := newTicket("acme")
	tk.Status, tk.WaitingSince = ticketing.StatusEsperandoCliente, t0.Add(90*time.Minute)
	var got *ticketing.Ticket
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		var err error
		got, err = tx.Ticket(ctx, "", tk.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !got.WaitingSince.Equal(tk.WaitingSince) {
		t.Errorf("WaitingSince = %v, want %v", got.WaitingSince, tk.WaitingSince)
	}
}

func TestNotificationReadsWhenRecorded(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	tk := newTicket("acme")
	at := t0.Add(3 * time.Hour)
	var got time.Time
	var missing error
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		if _, err := tx.RecordNotification(ctx, tk.ID, "notice:x", 0, at); err != nil {
			return err
		}
		var err error
		if got, err = tx.Notification(ctx, tk.ID, "notice:x", 0); err != nil {
			return err
		}
		_, missing = tx.Notification(ctx, tk.ID, "notice:y", 0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(at) {
		t.Errorf("Notification = %v, want %v", got, at)
	}
	if !errors.Is(missing, ticketing.ErrNotFound) {
		t.Errorf("unrecorded notification: err = %v, want ErrNotFound", missing)
	}
}

func TestFindTicketsByDueRange(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	var ids []int64
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		for h := range 4 {
			tk := newTicket("acme")
			tk.DueAt = t0.Add(time.Duration(h) * 24 * time.Hour)
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
			ids = append(ids, tk.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	err = db.View(ctx, func(tx ticketing.Tx) error {
		ts, err := tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: "acme", DueFrom: t0.Add(24 * time.Hour), DueTo: t0.Add(72 * time.Hour)})
		for _, tk := range ts {
			got = append(got, tk.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := ids[1:3]; !slices.Equal(got, want) {
		t.Errorf("due in [day 1, day 3) = %v, want %v", got, want)
	}
}
