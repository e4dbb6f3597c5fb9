package bot_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/ticketing"
)

// quiet keeps the storm's thousand log lines out of the test output.
var quiet = slog.New(slog.DiscardHandler)

// queue puts one item straight into the outbox, as the router would.
func (h *harness) queue(it ticketing.OutboxItem) ticketing.OutboxItem {
	h.t.Helper()
	it.CreatedAt = h.clock.Now()
	ctx := context.Background()
	if err := h.db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, &it) }); err != nil {
		h.t.Fatal(err)
	}
	return it
}

func (h *harness) backlog() int {
	h.t.Helper()
	n := -1
	ctx := context.Background()
	if err := h.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		n, err = tx.OutboxBacklog(ctx)
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// owed is one row of the outbox, delivered or not.
type owed struct {
	id         int64
	delivery   string
	target     string
	thread     string
	ticketID   int64
	setsThread bool
	ref        string
	sent, dead bool
	lastError  string
	card       string
}

func (h *harness) outboxRows() []owed {
	h.t.Helper()
	rows, err := h.db.SQL().QueryContext(context.Background(), `SELECT id, delivery, target, thread_ts, IFNULL(ticket_id, 0), sets_thread,
		external_ref, sent_at IS NOT NULL, dead_at IS NOT NULL, last_error, card FROM outbox ORDER BY id`)
	if err != nil {
		h.t.Fatal(err)
	}
	defer rows.Close()
	var out []owed
	for rows.Next() {
		var o owed
		if err := rows.Scan(&o.id, &o.delivery, &o.target, &o.thread, &o.ticketID, &o.setsThread, &o.ref, &o.sent, &o.dead, &o.lastError, &o.card); err != nil {
			h.t.Fatal(err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// A 20 s rate-limit storm, then 10 s of 500s (half of them after Slack
// kept the post), over 300 answers and 100 follow-ups: every Slack thread
// gets its posts once each in the order they were queued, root first, and
// nothing owed to a thread is posted anywhere else; every WhatsApp chat
// gets its messages once each, in order.
func TestStormKeepsEveryConversationInOrderAndOnce(t *testing.T) {
	h := newHarness(t)
	api := newWebAPI(t, h.clock)
	start := h.clock.Now()
	api.mu.Lock()
	api.limitedUntil, api.failingUntil, api.retryAfter = start.Add(20*time.Second), start.Add(30*time.Second), 10
	api.mu.Unlock()
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(api.sender(), h.whatsapp), Log: quiet})
	ctx := context.Background()

	const slackTickets, waTickets = 280, 20
	if err := h.db.Update(ctx, func(tx ticketing.Tx) error {
		for i := range waTickets {
			c := ticketing.Contact{Phone: fmt.Sprintf("+54911555520%02d", i), ClientID: "acme", Name: "Juan", InvitedBy: "UFOCAL", InvitedAt: t0}
			if err := tx.UpsertContact(ctx, c); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range slackTickets {
		channel := []string{"CACME", "CBETA"}[i%2]
		h.handle(slackMsg(channel, fmt.Sprintf("UCLI%03d", i), fmt.Sprintf("1763990000.%06d", i+1), fmt.Sprintf("¿Cómo exporto el reporte de la campaña %d?", i)))
	}
	for i := range waTickets {
		h.handle(waMsg(fmt.Sprintf("+54911555520%02d", i), fmt.Sprintf("WA%03d", i), fmt.Sprintf("¿cómo exporto el reporte %d?", i)))
	}
	tickets := h.tickets("")
	if len(tickets) != slackTickets+waTickets {
		t.Fatalf("tickets = %d, want %d", len(tickets), slackTickets+waTickets)
	}
	// Follow-ups in the threads of Slack and WhatsApp tickets: half queued
	// before any delivery, half during the 500s, when some threads have
	// their root out and their first replies still owed.
	followUp := func(ids ...int64) {
		for _, id := range ids {
			h.handle(command("CDESK", "UFOCAL", fmt.Sprintf("tomar #%d", id)))
		}
	}
	var early, late []int64
	for _, tk := range tickets {
		switch {
		case tk.ID <= 40 || tk.ID > slackTickets && tk.ID <= slackTickets+10:
			early = append(early, tk.ID)
		case tk.ID <= 80 || tk.ID > slackTickets+10:
			late = append(late, tk.ID)
		}
	}
	followUp(early...)

	for round := 0; round < 1000; round++ {
		if round == 25 {
			followUp(late...)
		}
		if _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		if round > 25 && h.backlog() == 0 {
			break
		}
		h.clock.Advance(time.Second)
	}
	if n := h.backlog(); n != 0 {
		for _, o := range h.outboxRows() {
			if !o.sent && !o.dead {
				t.Logf("owed: %+v", o)
				break
			}
		}
		t.Fatalf("backlog = %d after the storm", n)
	}
	api.mu.Lock()
	limited, failed, kept := api.limited, api.failed, api.kept
	api.mu.Unlock()
	if limited == 0 || failed == 0 || kept == 0 {
		t.Fatalf("429s, 500s, posts kept behind a 500 = %d, %d, %d: the storm never hit", limited, failed, kept)
	}

	// What each Slack thread and WhatsApp chat was owed, in queue order.
	want, wantWA := map[string][]int64{}, map[string][]int64{}
	updates := 0
	for _, o := range h.outboxRows() {
		if o.dead || !o.sent {
			t.Errorf("item %d (%s %s) sent %v dead %v: %s", o.id, o.delivery, o.target, o.sent, o.dead, o.lastError)
		}
		switch o.delivery {
		case waPost:
			wantWA[o.target] = append(wantWA[o.target], o.id)
		case slackUpdate:
			if o.card != string(ticketing.CardEdit) {
				t.Errorf("unexpected update item %d", o.id)
			}
			updates++
		case slackPost:
			thread := o.thread
			if thread == inDeskThread {
				thread = h.ticket(o.ticketID).Desk.Thread
			}
			if o.card == string(ticketing.CardThread) {
				thread = h.card(o.ticketID).Ref
			}
			if thread == "" {
				// A root post, or one at the top level: it starts its own thread.
				thread = o.ref
			}
			key := o.target + " " + thread
			if o.setsThread {
				want[key] = append([]int64{o.id}, want[key]...)
			} else {
				want[key] = append(want[key], o.id)
			}
		default:
			t.Errorf("unexpected %s item %d", o.delivery, o.id)
		}
	}
	got := map[string][]int64{}
	for _, p := range api.snapshot() {
		thread := p.ThreadTS
		if thread == "" {
			thread = p.TS
		}
		key := p.Channel + " " + thread
		got[key] = append(got[key], p.OutboxID)
	}
	longer := 0
	for key, ids := range want {
		if len(ids) > 1 {
			longer++
		}
		if !slices.Equal(got[key], ids) {
			t.Errorf("thread %s got %v, want %v", key, got[key], ids)
		}
	}
	for key, ids := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("posts %v in %s, a thread owed nothing", ids, key)
		}
	}
	if api.updates != updates || updates == 0 {
		t.Errorf("cards rewritten %d times, want the %d edits queued", api.updates, updates)
	}
	if longer < 100 {
		t.Errorf("threads with more than one post = %d, want at least 100", longer)
	}
	gotWA := map[string][]int64{}
	for _, it := range h.whatsapp.items() {
		gotWA[it.To.Address] = append(gotWA[it.To.Address], it.ID)
	}
	for phone, ids := range wantWA {
		if !slices.Equal(gotWA[phone], ids) {
			t.Errorf("WhatsApp %s got %v, want %v", phone, gotWA[phone], ids)
		}
	}
	t.Logf("%d Slack threads, %d WhatsApp chats; %d 429s, %d 500s (%d kept), %d lookups",
		len(want), len(wantWA), limited, failed, kept, api.lookups)
}

// While one conversation's post hangs, the others are delivered; the hung
// conversation's next post waits for it.
func TestOneHangingCallHoldsUpOnlyItsConversation(t *testing.T) {
	h := newHarness(t)
	api := newWebAPI(t, h.clock)
	release := api.hangPosts("CHANG")
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(api.sender(), h.whatsapp), SendTimeout: time.Minute})
	post := func(channel, thread, text string) ticketing.OutboxItem {
		return h.queue(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: channel, Thread: thread}, Mode: ticketing.ModePost, Text: text})
	}
	hung := []int64{post("CHANG", "1.1", "first").ID, post("CHANG", "1.1", "second").ID}
	others := map[string][]int64{}
	for i := range 10 {
		thread := fmt.Sprintf("2.%d", i)
		for j := range 2 {
			others[thread] = append(others[thread], post("CACME", thread, fmt.Sprintf("%d.%d", i, j)).ID)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := d.DeliverDue(context.Background())
		done <- err
	}()
	postsTo := func(channel string) map[string][]int64 {
		out := map[string][]int64{}
		for _, p := range api.snapshot() {
			if p.Channel == channel {
				out[p.ThreadTS] = append(out[p.ThreadTS], p.OutboxID)
			}
		}
		return out
	}
	api.waitFor(t, "the other conversations", func() bool {
		n := 0
		for _, ids := range postsTo("CACME") {
			n += len(ids)
		}
		return n == 20
	})
	api.mu.Lock()
	hanging := api.hanging
	api.mu.Unlock()
	if got := postsTo("CHANG"); hanging != 1 || len(got) != 0 {
		t.Errorf("while one post hangs: %d hanging, %v posted to its thread; want 1 and none", hanging, got)
	}
	release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("delivery did not finish after the hung post was answered")
	}
	if got := postsTo("CHANG")["1.1"]; !slices.Equal(got, hung) {
		t.Errorf("hung thread got %v, want %v", got, hung)
	}
	got := postsTo("CACME")
	for thread, ids := range others {
		if !slices.Equal(got[thread], ids) {
			t.Errorf("thread %s got %v, want %v", thread, got[thread], ids)
		}
	}
}

// A send that runs out of time is a failure like any other: counted,
// backed off, and looked up before the next attempt, since it may have
// reached Slack.
func TestTimedOutSendIsRecordedAndBackedOff(t *testing.T) {
	h := newHarness(t)
	api := newWebAPI(t, h.clock)
	release := api.hangPosts("CACME")
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(api.sender(), h.whatsapp), SendTimeout: 50 * time.Millisecond})
	queued := h.queue(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "hola"})
	ctx := context.Background()
	if n, err := d.DeliverDue(ctx); n != 0 || err != nil {
		t.Fatalf("DeliverDue = %d, %v; want nothing sent and the timeout recorded", n, err)
	}
	var items []ticketing.OutboxItem
	h.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		items, err = tx.PendingOutbox(ctx, h.clock.Now().Add(time.Hour), 10)
		return err
	})
	if len(items) != 1 {
		t.Fatalf("pending = %d, want 1", len(items))
	}
	it := items[0]
	if it.Attempts != 1 || it.Failures != 1 || !it.NextAttemptAt.Equal(h.clock.Now().Add(time.Second)) || it.InFlightAt.IsZero() ||
		!strings.Contains(it.LastError, "deadline exceeded") {
		t.Errorf("after a timeout: attempts %d, failures %d, next %s (now %s), in flight %v, error %q; want 1, 1, a second later, stamped, the deadline",
			it.Attempts, it.Failures, it.NextAttemptAt, h.clock.Now(), !it.InFlightAt.IsZero(), it.LastError)
	}
	if n, _ := d.DeliverDue(ctx); n != 0 {
		t.Errorf("retried before the backoff: %d sent", n)
	}
	// The abandoned post never reached the workspace.
	api.waitFor(t, "the abandoned post to end", func() bool {
		api.mu.Lock()
		defer api.mu.Unlock()
		return api.hanging == 0
	})
	release()
	h.clock.Advance(time.Second)
	if n, err := d.DeliverDue(ctx); n != 1 || err != nil {
		t.Fatalf("after the backoff: %d sent, %v; want 1", n, err)
	}
	api.mu.Lock()
	lookups := api.lookups
	api.mu.Unlock()
	posts := api.snapshot()
	if lookups != 1 || len(posts) != 1 || posts[0].OutboxID != queued.ID {
		t.Errorf("lookups %d, posts %+v; want one lookup finding nothing, then the post once", lookups, posts)
	}
}

// A ticket thread whose root post was given up never starts: its replies
// are given up with a reason, never posted at the channel's top level, and
// the contact's own chat goes on.
func TestRepliesToAThreadThatNeverStartedAreGivenUp(t *testing.T) {
	h := newHarness(t)
	h.slack.fail = func(it ticketing.OutboxItem) error {
		if it.SetsThread {
			return &channels.PermanentError{Err: errors.New("channel_not_found")}
		}
		return nil
	}
	h.handle(waMsg("+5491155550101", "WA1", "¿cómo exporto el reporte?"))
	// The contact's follow-ups are mirrored into the thread that never
	// started.
	h.handle(waMsg("+5491155550101", "WA2", "sigo sin poder exportarlo"))
	h.handle(waMsg("+5491155550101", "WA3", "me dice error 500"))
	slack, wa := h.flush()
	if len(slack) != 0 {
		t.Errorf("posted without a thread:\n%s", texts(slack))
	}
	if len(wa) == 0 {
		t.Error("the contact got no answer")
	}
	var roots, replies int
	for _, o := range h.outboxRows() {
		switch {
		case o.delivery != slackPost:
		case o.setsThread:
			roots++
			if !o.dead || !strings.Contains(o.lastError, "channel_not_found") {
				t.Errorf("root: dead %v, %q", o.dead, o.lastError)
			}
		case o.thread == inDeskThread:
			replies++
			if !o.dead || !strings.Contains(o.lastError, "never started") {
				t.Errorf("reply %d: dead %v, %q", o.id, o.dead, o.lastError)
			}
		}
	}
	if roots != 1 || replies != 2 {
		t.Errorf("roots %d, replies %d; want 1 and 2", roots, replies)
	}
}

// Rate limits spend no part of the failure budget: a reply rate limited for
// longer than the budget, then failing a few times, is still delivered.
func TestRateLimitsDoNotUseUpTheFailureBudget(t *testing.T) {
	h := newHarness(t)
	calls := 0
	h.slack.fail = func(ticketing.OutboxItem) error {
		calls++
		switch {
		case calls <= 40:
			return &channels.RateLimitError{RetryAfter: time.Second, Err: errors.New("ratelimited")}
		case calls <= 43:
			return errors.New("internal_error")
		}
		return nil
	}
	h.queue(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "hola"})
	for range 60 {
		h.flush()
		h.clock.Advance(10 * time.Second)
	}
	if got := len(h.slack.items()); got != 1 {
		t.Errorf("delivered = %d after %d calls, want 1", got, calls)
	}
}
