package storetest

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"supportbot/ticketing"
)

// The order PendingOutbox lists items in is the deliverer's business and
// is not part of this contract: the cases check which items are due, that
// each is listed once, and that sent and dead ones never come back.
var outboxCases = []testCase{
	{"enqueue and read back", testEnqueueRoundTrip},
	{"a reply's context reads back", testReplyToRoundTrip},
	{"dedupe key", testEnqueueDedupe},
	{"pending lists due items once", testPendingDue},
	{"failed waits for its next attempt", testMarkFailed},
	{"sent and dead never come back", testSentAndDead},
	{"in-flight marks", testInFlight},
	{"backlog", testBacklog},
	{"order holds whenever replies are queued", testOrderAcrossSettling},
	{"a message's last version", testLastVersion},
}

func enqueue(t *testing.T, s ticketing.Store, items ...*ticketing.OutboxItem) {
	t.Helper()
	update(t, s, func(tx ticketing.Tx) error {
		for _, it := range items {
			if err := tx.Enqueue(t.Context(), it); err != nil {
				return err
			}
		}
		return nil
	})
}

func pending(t *testing.T, s ticketing.Store, at time.Time, limit int) []ticketing.OutboxItem {
	t.Helper()
	var items []ticketing.OutboxItem
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		items, err = tx.PendingOutbox(t.Context(), at, limit)
		return err
	})
	return items
}

// pendingIDs is the set of pending ids, sorted; a repeated id fails the test.
func pendingIDs(t *testing.T, s ticketing.Store, at time.Time) []int64 {
	t.Helper()
	var out []int64
	for _, it := range pending(t, s, at, 100) {
		if slices.Contains(out, it.ID) {
			t.Errorf("PendingOutbox at t0+%v lists item %d twice", at.Sub(t0), it.ID)
		}
		out = append(out, it.ID)
	}
	slices.Sort(out)
	return out
}

func post(text string) *ticketing.OutboxItem {
	return &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: text, CreatedAt: t0}
}

func testEnqueueRoundTrip(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	full := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModeEphemeral, UserID: "UC",
		Text: "¿Qué tipo de caso es?", EditRef: "1.5", TicketID: tk.ID, DedupeKey: "ask:1", SetsThread: true,
		Buttons:       []ticketing.Button{{ActionID: "kind", Label: "Consulta", Value: "1:consulta", Style: "primary"}, {ActionID: "kind", Label: "Incidente", Value: "1:incidente"}},
		NextAttemptAt: t0.Add(time.Minute), CreatedAt: t0,
		File: &ticketing.Attachment{Name: "captura.png", MIME: "image/png", Kind: ticketing.FileImage, Size: 2048,
			SHA256: "ab12", Source: ticketing.PlatformWhatsApp, Ref: "CgQIARAB", Link: ""}}
	bare := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: acmePhone}, Mode: ticketing.ModePost, Text: "hola", CreatedAt: t0}
	enqueue(t, s, full, bare)
	if full.ID <= 0 || bare.ID <= 0 || full.ID == bare.ID {
		t.Fatalf("Enqueue set ids %d and %d, want two distinct positive ones", full.ID, bare.ID)
	}
	got := pending(t, s, t0.Add(time.Minute), 10)
	byID := map[int64]ticketing.OutboxItem{}
	for _, it := range got {
		byID[it.ID] = it
	}
	wantBare := *bare
	wantBare.NextAttemptAt = t0 // defaults to CreatedAt
	for _, want := range []ticketing.OutboxItem{*full, wantBare} {
		g, ok := byID[want.ID]
		if !ok {
			t.Errorf("item %d not pending", want.ID)
			continue
		}
		if e, w := enqueued(g), enqueued(want); !reflect.DeepEqual(e, w) {
			t.Errorf("pending item %d:\n got %+v\nwant %+v", want.ID, e, w)
		}
		if g.Attempts != 0 || g.LastError != "" || !g.InFlightAt.IsZero() || !g.SentAt.IsZero() || g.ExternalRef != "" {
			t.Errorf("fresh item %d: %+v, want no attempts, error, in-flight stamp or delivery", g.ID, g)
		}
	}
}

// enqueued is what the caller of Enqueue gives an item, as comparable
// values; what the store adds of its own is left out.
func enqueued(it ticketing.OutboxItem) []any {
	return []any{it.ID, it.To, it.Mode, it.InDeskThread, it.UserID, it.Text, it.EditRef, it.Buttons,
		it.TicketID, it.DedupeKey, it.SetsThread, it.NextAttemptAt.UTC(), it.CreatedAt.UTC()}
}

func testEnqueueDedupe(t *testing.T, s ticketing.Store) {
	seed(t, s)
	first := post("uno")
	first.DedupeKey = "answer:1"
	enqueue(t, s, first)
	dup := post("otra vez")
	dup.DedupeKey = "answer:1"
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.Enqueue(t.Context(), dup) })
	wantErr(t, "the same dedupe key again", err, ticketing.ErrDuplicate)
	// The key stays taken once the first is sent: the reply was owed once.
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkSent(t.Context(), first.ID, t0, "1.2") })
	err = s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.Enqueue(t.Context(), dup) })
	wantErr(t, "the dedupe key of a sent item", err, ticketing.ErrDuplicate)
	// Items without a key never collide.
	enqueue(t, s, post("a"), post("a"))
	if got := len(pending(t, s, t0, 10)); got != 2 {
		t.Errorf("pending = %d, want the 2 items without a key", got)
	}
}

func testPendingDue(t *testing.T, s ticketing.Store) {
	seed(t, s)
	var items []*ticketing.OutboxItem
	for i := range 6 {
		it := post(fmt.Sprintf("n%d", i))
		it.NextAttemptAt = t0.Add(time.Duration(i%3) * time.Minute)
		items = append(items, it)
	}
	enqueue(t, s, items...)
	idsOf := func(idx ...int) []int64 {
		var out []int64
		for _, i := range idx {
			out = append(out, items[i].ID)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		at   time.Time
		want []int64
	}{
		{t0.Add(-time.Second), nil},
		{t0, idsOf(0, 3)},
		{t0.Add(time.Minute), idsOf(0, 1, 3, 4)},
		{t0.Add(time.Hour), idsOf(0, 1, 2, 3, 4, 5)},
	}
	for _, tt := range tests {
		if got := pendingIDs(t, s, tt.at); !slices.Equal(got, tt.want) {
			t.Errorf("pending at t0+%v = %v, want %v", tt.at.Sub(t0), got, tt.want)
		}
	}
	limited := pending(t, s, t0.Add(time.Hour), 4)
	if len(limited) != 4 {
		t.Errorf("pending with limit 4 = %d items, want 4", len(limited))
	}
}

func testMarkFailed(t *testing.T, s ticketing.Store) {
	seed(t, s)
	it := post("reintento")
	enqueue(t, s, it)
	for i, next := range []time.Time{t0.Add(time.Minute), t0.Add(5 * time.Minute)} {
		update(t, s, func(tx ticketing.Tx) error {
			return tx.MarkFailed(t.Context(), it.ID, next, fmt.Sprintf("429 #%d", i+1))
		})
		if got := pendingIDs(t, s, next.Add(-time.Millisecond)); len(got) != 0 {
			t.Errorf("failure %d: pending before its next attempt = %v, want none", i+1, got)
		}
		got := pending(t, s, next, 10)
		if len(got) != 1 {
			t.Fatalf("failure %d: pending at its next attempt = %d items, want 1", i+1, len(got))
		}
		if g := got[0]; g.Attempts != i+1 || g.LastError != fmt.Sprintf("429 #%d", i+1) || !g.NextAttemptAt.Equal(next) {
			t.Errorf("failure %d: attempts %d, last error %q, next %v; want %d, %q, %v", i+1, g.Attempts, g.LastError, g.NextAttemptAt, i+1, fmt.Sprintf("429 #%d", i+1), next)
		}
	}
}

func testSentAndDead(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	sent, dead, live := post("enviado"), post("imposible"), post("pendiente")
	sent.TicketID = tk.ID
	enqueue(t, s, sent, dead, live)
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.MarkSent(t.Context(), sent.ID, t0, "1.2"); err != nil {
			return err
		}
		return tx.MarkDead(t.Context(), dead.ID, t0, "channel_not_found")
	})
	// A late failure or confirmation of a settled item changes nothing.
	update(t, s, func(tx ticketing.Tx) error {
		for _, id := range []int64{sent.ID, dead.ID} {
			if err := tx.MarkFailed(t.Context(), id, t0.Add(time.Minute), "timeout"); err != nil {
				return err
			}
			if err := tx.MarkInFlight(t.Context(), []int64{id}, t0); err != nil {
				return err
			}
		}
		return tx.MarkSent(t.Context(), sent.ID, t0.Add(time.Minute), "9.9")
	})
	for _, at := range []time.Time{t0, t0.Add(time.Minute), t0.Add(24 * time.Hour)} {
		if got, want := pendingIDs(t, s, at), []int64{live.ID}; !slices.Equal(got, want) {
			t.Errorf("pending at t0+%v = %v, want only %v", at.Sub(t0), got, want)
		}
	}
	// The first confirmation's reference is the one kept.
	checkLookup(t, s, "TicketOfMessage of the first confirmation", tk.ID,
		func(tx ticketing.Tx) (*ticketing.Ticket, error) { return tx.TicketOfMessage(t.Context(), "C1", "1.2") })
	checkLookup(t, s, "TicketOfMessage of a late second confirmation", 0,
		func(tx ticketing.Tx) (*ticketing.Ticket, error) { return tx.TicketOfMessage(t.Context(), "C1", "9.9") })
}

func testInFlight(t *testing.T, s ticketing.Store) {
	seed(t, s)
	a, b, c := post("a"), post("b"), post("c")
	enqueue(t, s, a, b, c)
	started := t0.Add(time.Second)
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkInFlight(t.Context(), []int64{a.ID, b.ID}, started) })
	inFlight := func(at time.Time) map[int64]time.Time {
		out := map[int64]time.Time{}
		for _, it := range pending(t, s, at, 10) {
			out[it.ID] = it.InFlightAt
		}
		return out
	}
	got := inFlight(t0)
	if !got[a.ID].Equal(started) || !got[b.ID].Equal(started) || !got[c.ID].IsZero() {
		t.Errorf("after marking a and b: in flight %v, want a and b at %v, c not", got, started)
	}
	// A failed attempt may still have gone out: the mark stays.
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.MarkFailed(t.Context(), a.ID, t0.Add(time.Minute), "timeout"); err != nil {
			return err
		}
		return tx.ClearInFlight(t.Context(), []int64{b.ID, c.ID})
	})
	got = inFlight(t0.Add(time.Minute))
	if !got[a.ID].Equal(started) || !got[b.ID].IsZero() || !got[c.ID].IsZero() {
		t.Errorf("after a failed and b, c cleared: in flight %v, want only a, at %v", got, started)
	}
	update(t, s, func(tx ticketing.Tx) error { return tx.ClearInFlight(t.Context(), nil) })
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkInFlight(t.Context(), nil, t0) })
}

func testBacklog(t *testing.T, s ticketing.Store) {
	seed(t, s)
	backlog := func() int {
		var n int
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			n, err = tx.OutboxBacklog(t.Context())
			return err
		})
		return n
	}
	if got := backlog(); got != 0 {
		t.Errorf("backlog of an empty outbox = %d", got)
	}
	later := post("más tarde")
	later.NextAttemptAt = t0.Add(time.Hour)
	failed, sent, dead := post("falló"), post("enviado"), post("muerto")
	enqueue(t, s, later, failed, sent, dead)
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.MarkFailed(t.Context(), failed.ID, t0.Add(time.Hour), "500"); err != nil {
			return err
		}
		if err := tx.MarkSent(t.Context(), sent.ID, t0, "1.2"); err != nil {
			return err
		}
		return tx.MarkDead(t.Context(), dead.ID, t0, "invalid")
	})
	// Not yet due still counts: it is owed.
	if got := backlog(); got != 2 {
		t.Errorf("backlog = %d, want 2 (the later and the failed one)", got)
	}
}

// A conversation's replies go out in the order queued however their
// queuing interleaves with attempts and deliveries: replies queued while
// the head is being delivered, and after, wait behind the ones queued
// before them.
func testOrderAcrossSettling(t *testing.T, s ticketing.Store) {
	seed(t, s)
	r := make([]*ticketing.OutboxItem, 5)
	for i := range r {
		r[i] = post(fmt.Sprintf("r%d", i))
	}
	enqueue(t, s, r[0], r[1])
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkInFlight(t.Context(), []int64{r[0].ID}, t0) })
	enqueue(t, s, r[2])
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkSent(t.Context(), r[0].ID, t0, "") })
	enqueue(t, s, r[3], r[4])
	for i := 1; i < len(r); i++ {
		var due []ticketing.OutboxItem
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			due, err = tx.DueOutbox(t.Context(), t0.Add(time.Hour), 10)
			return err
		})
		if len(due) != 1 || due[0].ID != r[i].ID {
			var got []string
			for _, it := range due {
				got = append(got, it.Text)
			}
			t.Fatalf("due = %v, want only %s", got, r[i].Text)
		}
		update(t, s, func(tx ticketing.Tx) error {
			if err := tx.MarkInFlight(t.Context(), []int64{r[i].ID}, t0); err != nil {
				return err
			}
			return tx.MarkSent(t.Context(), r[i].ID, t0, "")
		})
	}
}

// testReplyToRoundTrip: the message a reply answers comes back from both
// reads the deliverer uses, and a reply that answers nothing has none.
func testReplyToRoundTrip(t *testing.T, s ticketing.Store) {
	seed(t, s)
	chat := ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: acmePhone}
	answer := &ticketing.OutboxItem{To: chat, Mode: ticketing.ModePost, Text: "recibido", ReplyTo: "wamid.HBgLNTQ5MTE=", CreatedAt: t0}
	plain := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000002"},
		Mode: ticketing.ModePost, Text: "hola", CreatedAt: t0}
	enqueue(t, s, answer, plain)
	want := map[int64]string{answer.ID: answer.ReplyTo, plain.ID: ""}
	got := map[int64]string{}
	for _, it := range pending(t, s, t0, 10) {
		got[it.ID] = it.ReplyTo
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PendingOutbox reply_to by id = %v, want %v", got, want)
	}
	var due []ticketing.OutboxItem
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		due, err = tx.DueOutbox(t.Context(), t0, 10)
		return err
	})
	got = map[int64]string{}
	for _, it := range due {
		got[it.ID] = it.ReplyTo
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DueOutbox reply_to by id = %v, want %v", got, want)
	}
}
