package storetest

import (
	"errors"
	"testing"
	"time"

	"supportbot/ticketing"
)

var txCases = []testCase{
	{"a failed update leaves nothing", testFailedUpdateRollsBack},
	{"an update sees its own writes", testUpdateSeesOwnWrites},
	{"a duplicate does not spoil the update", testDuplicateKeepsTxUsable},
	{"view does not write", testViewIsReadOnly},
}

// testFailedUpdateRollsBack writes to every kind of record, then fails:
// none of it may be visible afterwards, and fn's error comes back.
func testFailedUpdateRollsBack(t *testing.T, s ticketing.Store) {
	seed(t, s)
	errRefused := errors.New("refused by the router")
	var tk *ticketing.Ticket
	err := s.Update(t.Context(), func(tx ticketing.Tx) error {
		ctx := t.Context()
		tk = whatsAppTicket()
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		steps := []error{
			tx.AddMessage(ctx, message(tk.ID, "m1", t0)),
			tx.MarkEvent(ctx, "Ev1", t0),
			tx.Enqueue(ctx, &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "x", DedupeKey: "k1", CreatedAt: t0}),
			tx.Audit(ctx, ticketing.AuditEntry{At: t0, Actor: "UF", ClientID: acme, Action: "taken"}),
			tx.UpsertContact(ctx, ticketing.Contact{Phone: "+5491100000009", ClientID: acme, InvitedBy: "UF", InvitedAt: t0}),
			tx.RevokeContact(ctx, acmePhone, "UF", t0),
			tx.SetStaffAbsent(ctx, "UF", true),
		}
		if err := errors.Join(steps...); err != nil {
			return err
		}
		if _, err := tx.RecordNotification(ctx, tk.ID, "warn", 0.5, t0); err != nil {
			return err
		}
		if _, err := tx.RecordDigest(ctx, "UF", "UTC", ticketing.DateOf(t0), t0); err != nil {
			return err
		}
		return errRefused
	})
	if !errors.Is(err, errRefused) {
		t.Fatalf("Update returned %v, want fn's error", err)
	}

	view(t, s, func(tx ticketing.Tx) error {
		ctx := t.Context()
		if all, err := tx.FindTickets(ctx, ticketing.TicketFilter{}); err != nil || len(all) != 0 {
			t.Errorf("tickets after a failed update: %d, %v; want none", len(all), err)
		}
		if _, err := tx.OpenTicketByContact(ctx, acmePhone); !errors.Is(err, ticketing.ErrNotFound) {
			t.Errorf("open ticket of the contact after a failed update: err = %v, want ErrNotFound", err)
		}
		if ms, err := tx.Messages(ctx, tk.ID); err != nil || len(ms) != 0 {
			t.Errorf("messages after a failed update: %v, %v; want none", ms, err)
		}
		if n, err := tx.OutboxBacklog(ctx); err != nil || n != 0 {
			t.Errorf("outbox after a failed update: %d, %v; want empty", n, err)
		}
		if log, err := tx.AuditLog(ctx, "", t0.Add(-time.Hour)); err != nil || len(log) != 0 {
			t.Errorf("audit log after a failed update: %v, %v; want empty", log, err)
		}
		if _, err := tx.Contact(ctx, "+5491100000009"); !errors.Is(err, ticketing.ErrNotFound) {
			t.Errorf("invited contact after a failed update: err = %v, want ErrNotFound", err)
		}
		if c, err := tx.Contact(ctx, acmePhone); err != nil || !c.Active() {
			t.Errorf("revoked contact after a failed update: %+v, %v; want still active", c, err)
		}
		if st, err := tx.Staff(ctx, "UF"); err != nil || st.Absent {
			t.Errorf("staff after a failed update: %+v, %v; want present", st, err)
		}
		return nil
	})
	// Every key the failed update took is free again.
	update(t, s, func(tx ticketing.Tx) error {
		ctx := t.Context()
		if err := tx.CreateTicket(ctx, whatsAppTicket()); err != nil {
			return err
		}
		if err := tx.MarkEvent(ctx, "Ev1", t0); err != nil {
			return err
		}
		if err := tx.Enqueue(ctx, &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "x", DedupeKey: "k1", CreatedAt: t0}); err != nil {
			return err
		}
		if first, err := tx.RecordDigest(ctx, "UF", "UTC", ticketing.DateOf(t0), t0); err != nil || !first {
			return errors.Join(err, errors.New("the digest of the failed update counts as recorded"))
		}
		return nil
	})
}

func testUpdateSeesOwnWrites(t *testing.T, s ticketing.Store) {
	seed(t, s)
	update(t, s, func(tx ticketing.Tx) error {
		ctx := t.Context()
		tk := whatsAppTicket()
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		open, err := tx.OpenTicketByContact(ctx, acmePhone)
		if err != nil {
			return err
		}
		if open.ID != tk.ID {
			t.Errorf("OpenTicketByContact inside the creating update = #%d, want #%d", open.ID, tk.ID)
		}
		if err := tx.AddMessage(ctx, message(tk.ID, "m1", t0)); err != nil {
			return err
		}
		ms, err := tx.Messages(ctx, tk.ID)
		if err != nil || len(ms) != 1 {
			t.Errorf("Messages inside the update = %v, %v; want the one just added", ms, err)
		}
		return nil
	})
}

// The router carries on after a duplicate (a redelivered message, a taken
// dedupe key, a second open ticket): the rest of the update must commit.
func testDuplicateKeepsTxUsable(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := whatsAppTicket()
	create(t, s, tk)
	update(t, s, func(tx ticketing.Tx) error {
		ctx := t.Context()
		if err := tx.AddMessage(ctx, message(tk.ID, "m1", t0)); err != nil {
			return err
		}
		if err := tx.MarkEvent(ctx, "Ev1", t0); err != nil {
			return err
		}
		dups := []error{
			tx.AddMessage(ctx, message(tk.ID, "m1", t0)),
			tx.MarkEvent(ctx, "Ev1", t0),
			tx.CreateTicket(ctx, whatsAppTicket()),
			tx.UpsertContact(ctx, ticketing.Contact{Phone: acmePhone, ClientID: beta, InvitedBy: "UG", InvitedAt: t0}),
		}
		for i, err := range dups {
			if !errors.Is(err, ticketing.ErrDuplicate) {
				t.Errorf("duplicate %d: err = %v, want ErrDuplicate", i, err)
			}
		}
		if _, err := tx.Ticket(ctx, beta, tk.ID); !errors.Is(err, ticketing.ErrNotFound) {
			t.Errorf("another client's ticket: err = %v, want ErrNotFound", err)
		}
		return tx.AddMessage(ctx, message(tk.ID, "m2", t0.Add(time.Minute)))
	})
	var ms []ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		ms, err = tx.Messages(t.Context(), tk.ID)
		return err
	})
	if len(ms) != 2 {
		t.Errorf("messages = %d, want m1 and m2, written around the duplicates", len(ms))
	}
}

func testViewIsReadOnly(t *testing.T, s ticketing.Store) {
	seed(t, s)
	err := s.View(t.Context(), func(tx ticketing.Tx) error { return tx.CreateTicket(t.Context(), newTicket(acme)) })
	if err == nil {
		t.Error("CreateTicket inside View succeeded")
	}
	errStop := errors.New("stop")
	if err := s.View(t.Context(), func(ticketing.Tx) error { return errStop }); !errors.Is(err, errStop) {
		t.Errorf("View returned %v, want fn's error", err)
	}
	view(t, s, func(tx ticketing.Tx) error {
		if all, err := tx.FindTickets(t.Context(), ticketing.TicketFilter{}); err != nil || len(all) != 0 {
			t.Errorf("tickets after a write inside View: %d, %v; want none", len(all), err)
		}
		return nil
	})
}
