package bot_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/ticketing"
)

// While a channel's rate limit runs, its other conversations are held back
// without being attempted (each attempt would only be refused again), and
// other channels are not held up; once it ends they all go out.
func TestRateLimitedChannelHoldsItsOtherConversations(t *testing.T) {
	h := newHarness(t)
	limitedUntil := h.clock.Now().Add(5 * time.Second)
	calls := map[string]int{}
	h.slack.fail = func(it ticketing.OutboxItem) error {
		calls[it.To.Address]++
		if it.To.Address == "CACME" && h.clock.Now().Before(limitedUntil) {
			return &channels.RateLimitError{RetryAfter: 5 * time.Second, Err: errors.New("ratelimited")}
		}
		return nil
	}
	post := func(channel, thread string) {
		h.queue(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: channel, Thread: thread},
			Mode: ticketing.ModePost, Text: "hola " + thread})
	}
	post("CACME", "1.1")
	if slack, _ := h.flush(); len(slack) != 0 || calls["CACME"] != 1 {
		t.Fatalf("first flush: sent %d, CACME called %d times, want 0 and 1", len(slack), calls["CACME"])
	}
	post("CACME", "1.2")
	post("CACME", "1.3")
	post("CBETA", "2.1")
	h.clock.Advance(2 * time.Second)
	slack, _ := h.flush()
	if len(slack) != 1 || slack[0].To.Address != "CBETA" {
		t.Errorf("during CACME's limit sent:\n%s\nwant CBETA's reply alone", texts(slack))
	}
	if calls["CACME"] != 1 {
		t.Errorf("during its limit CACME was called %d times in all, want the 1 that was refused", calls["CACME"])
	}
	h.clock.Advance(3 * time.Second)
	slack, _ = h.flush()
	if len(slack) != 3 {
		t.Errorf("after the limit sent:\n%s\nwant CACME's 3 replies", texts(slack))
	}
	if h.backlog() != 0 {
		t.Errorf("backlog = %d after the limit, want 0", h.backlog())
	}
}

// Run sleeps until the soonest owed reply falls due, not until its next
// poll: a reply put off by a short Retry-After goes out long before an
// hour's poll would have come.
func TestRunWakesWhenTheSoonestReplyFallsDue(t *testing.T) {
	h := newHarness(t)
	refused := false
	sent := make(chan struct{}, 1)
	slack := &recordingSender{fail: func(ticketing.OutboxItem) error {
		if !refused {
			refused = true
			return &channels.RateLimitError{RetryAfter: 200 * time.Millisecond, Err: errors.New("ratelimited")}
		}
		sent <- struct{}{}
		return nil
	}}
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Senders: senders(slack, h.whatsapp), Log: quiet})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		d.Run(ctx, time.Hour)
	}()
	defer func() { cancel(); <-done }()
	it := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1.1"},
		Mode: ticketing.ModePost, Text: "hola", CreatedAt: time.Now()}
	if err := h.db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, &it) }); err != nil {
		t.Fatal(err)
	}
	d.Wake()
	select {
	case <-sent:
	case <-time.After(30 * time.Second):
		t.Fatalf("the reply put off for 200 ms was not sent within 30 s (refused first: %v): Run waits for its hourly poll", refused)
	}
}
