package store_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

func enqueue(t *testing.T, db *store.DB, it ticketing.OutboxItem) ticketing.OutboxItem {
	t.Helper()
	if it.CreatedAt.IsZero() {
		it.CreatedAt = t0
	}
	ctx := context.Background()
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, &it) }); err != nil {
		t.Fatal(err)
	}
	return it
}

// dueTexts is what DueOutbox hands out at at, by text, oldest first.
func dueTexts(t *testing.T, db *store.DB, at time.Time) []string {
	t.Helper()
	var items []ticketing.OutboxItem
	ctx := context.Background()
	if err := db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		items, err = tx.DueOutbox(ctx, at, 100)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

func update(t *testing.T, db *store.DB, fn func(ctx context.Context, tx ticketing.Tx) error) {
	t.Helper()
	ctx := context.Background()
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
}

// A reply is not due while an earlier one of its conversation is owed, even
// when its own next attempt is earlier: order is kept by the queue, not by
// one delivery pass.
func TestDueOutboxHandsOutOnlyEachConversationsHead(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	a1 := enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "a1"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "a2"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "2.2"}, Mode: ticketing.ModePost, Text: "b1"})
	w1 := enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, Mode: ticketing.ModePost, Text: "w1"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, Mode: ticketing.ModePost, Text: "w2"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UF"}, Mode: ticketing.ModeDirect, Text: "d1"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UF"}, Mode: ticketing.ModeDirect, Text: "d2"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "top1"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "top2"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeUpdate, EditRef: "5.5", Text: "e1"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeUpdate, EditRef: "5.5", Text: "e2"})
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeUpdate, EditRef: "6.6", Text: "f1"})
	later := t0.Add(time.Minute)

	steps := []struct {
		name string
		do   func(ctx context.Context, tx ticketing.Tx) error
		at   time.Time
		want []string
	}{
		{"heads only", nil, t0, []string{"a1", "b1", "w1", "d1", "top1", "e1", "f1"}},
		{"a failed head holds its thread back", func(ctx context.Context, tx ticketing.Tx) error {
			return tx.MarkFailed(ctx, a1.ID, later, "500")
		}, t0, []string{"b1", "w1", "d1", "top1", "e1", "f1"}},
		{"deferred too", func(ctx context.Context, tx ticketing.Tx) error {
			return tx.MarkDeferred(ctx, w1.ID, later, "429")
		}, t0, []string{"b1", "d1", "top1", "e1", "f1"}},
		{"the heads come back when due", nil, later, []string{"b1", "d1", "top1", "e1", "f1", "a1", "w1"}},
		{"a sent head lets the next one through", func(ctx context.Context, tx ticketing.Tx) error {
			return tx.MarkSent(ctx, a1.ID, later, "1.2")
		}, later, []string{"a2", "b1", "d1", "top1", "e1", "f1", "w1"}},
		{"so does a dead one", func(ctx context.Context, tx ticketing.Tx) error {
			return tx.MarkDead(ctx, w1.ID, later, "not on WhatsApp")
		}, later, []string{"a2", "b1", "w2", "d1", "top1", "e1", "f1"}},
	}
	for _, st := range steps {
		if st.do != nil {
			update(t, db, st.do)
		}
		if got := dueTexts(t, db, st.at); !slices.Equal(got, st.want) {
			t.Errorf("%s: due = %v, want %v", st.name, got, st.want)
		}
	}
}

// A WhatsApp ticket's thread is one conversation from its root post on:
// replies addressed to the ticket's thread before it exists, and replies
// naming the thread once it does, all wait for the root and for each other.
// inDeskThread stands for OutboxItem.InDeskThread in reply below.
const inDeskThread = "@ticket"

func TestTicketThreadIsOneConversationFromItsRoot(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	tk := newTicket("acme")
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.CreateTicket(ctx, tk) })
	reply := func(thread, text string) ticketing.OutboxItem {
		it := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: thread}, Mode: ticketing.ModePost, TicketID: tk.ID, Text: text}
		if thread == inDeskThread {
			it.To.Thread, it.InDeskThread = "", true
		}
		return it
	}
	// Queued before the root in the same change: it still waits for it.
	r1 := enqueue(t, db, reply(inDeskThread, "r1"))
	root := enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, TicketID: tk.ID, SetsThread: true, Text: "root"})
	enqueue(t, db, reply(inDeskThread, "r2"))
	if r1.Conversation != root.Conversation {
		t.Errorf("reply conversation %q, root %q: want one", r1.Conversation, root.Conversation)
	}
	if got := dueTexts(t, db, t0); !slices.Equal(got, []string{"root"}) {
		t.Fatalf("due = %v, want the root alone", got)
	}
	const thread = "1764000000.000001"
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error {
		if err := tx.MarkSent(ctx, root.ID, t0, thread); err != nil {
			return err
		}
		return tx.SetTicketThread(ctx, tk.ID, thread)
	})
	// Queued once the thread is known, by its ts and by the sentinel.
	r3 := enqueue(t, db, reply(thread, "r3"))
	r4 := enqueue(t, db, reply(inDeskThread, "r4"))
	if r3.Conversation != r4.Conversation {
		t.Errorf("r3 in %q, r4 in %q: want the thread's conversation for both", r3.Conversation, r4.Conversation)
	}
	var order []string
	ctx := context.Background()
	for range 10 {
		var due []ticketing.OutboxItem
		db.View(ctx, func(tx ticketing.Tx) error {
			var err error
			due, err = tx.DueOutbox(ctx, t0, 100)
			return err
		})
		if len(due) == 0 {
			break
		}
		if len(due) != 1 {
			t.Fatalf("due = %d items of one thread, want 1", len(due))
		}
		order = append(order, due[0].Text)
		update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.MarkSent(ctx, due[0].ID, t0, "x") })
	}
	if want := []string{"r1", "r2", "r3", "r4"}; !slices.Equal(order, want) {
		t.Errorf("thread order = %v, want %v", order, want)
	}
}

// Replies owed when migration 0004 runs get the keys Enqueue writes.
func TestMigrationKeysOwedRepliesAsEnqueueDoes(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	threaded, bare := newTicket("acme"), newTicket("acme")
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error {
		if err := tx.CreateTicket(ctx, threaded); err != nil {
			return err
		}
		if err := tx.CreateTicket(ctx, bare); err != nil {
			return err
		}
		return tx.SetTicketThread(ctx, threaded.ID, "7.7")
	})
	for _, it := range []ticketing.OutboxItem{
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModePost},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, InDeskThread: true, TicketID: threaded.ID},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, InDeskThread: true, TicketID: bare.ID},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, TicketID: bare.ID, SetsThread: true},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeEphemeral, UserID: "UC"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeUpdate, EditRef: "5.5"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UF"}, Mode: ticketing.ModeDirect},
		{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, Mode: ticketing.ModePost},
	} {
		it.Text = "x"
		enqueue(t, db, it)
	}
	keys := func() []string {
		var items []ticketing.OutboxItem
		ctx := context.Background()
		db.View(ctx, func(tx ticketing.Tx) error {
			var err error
			items, err = tx.PendingOutbox(ctx, t0, 100)
			return err
		})
		var out []string
		for _, it := range items {
			out = append(out, it.Conversation)
		}
		return out
	}
	want := keys()
	if len(want) != 9 || slices.Contains(want, "") {
		t.Fatalf("keys at enqueue = %q", want)
	}
	body, err := os.ReadFile("migrations/0004_outbox_order.sql")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(body), "UPDATE outbox")
	end := strings.Index(string(body)[start:], ";")
	if start < 0 || end < 0 {
		t.Fatal("migration 0004 has no UPDATE statement")
	}
	ctx := context.Background()
	// As before 0004, and so before 0019's heads too.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE outbox SET conversation = '', head = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, string(body)[start:start+end]); err != nil {
		t.Fatal(err)
	}
	if got := keys(); !slices.Equal(got, want) {
		t.Errorf("migrated keys:\n%q\nwant as enqueued:\n%q", got, want)
	}
}

// Waiting out a rate limit is an attempt but not a failure.
func TestDeferralsAreAttemptsNotFailures(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	it := enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UF"}, Mode: ticketing.ModeDirect, Text: "x"})
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.MarkDeferred(ctx, it.ID, t0, "429") })
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.MarkDeferred(ctx, it.ID, t0, "429") })
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.MarkFailed(ctx, it.ID, t0, "500") })
	var got ticketing.OutboxItem
	ctx := context.Background()
	db.View(ctx, func(tx ticketing.Tx) error {
		items, err := tx.DueOutbox(ctx, t0, 1)
		if len(items) == 1 {
			got = items[0]
		}
		return err
	})
	if got.Attempts != 3 || got.Failures != 1 || got.LastError != "500" {
		t.Errorf("attempts, failures, last error = %d, %d, %q; want 3, 1, \"500\"", got.Attempts, got.Failures, got.LastError)
	}
}
