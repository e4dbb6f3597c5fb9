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

func TestRetryAfterIsHonoured(t *testing.T) {
	h := newHarness(t)
	limited := true
	h.slack.fail = func(ticketing.OutboxItem) error {
		if limited {
			return &channels.RateLimitError{RetryAfter: 7 * time.Second, Err: errors.New("ratelimited")}
		}
		return nil
	}
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Fatalf("sent while rate limited: %d", len(slack))
	}
	limited = false
	h.clock.Advance(6 * time.Second)
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Errorf("sent before Retry-After elapsed")
	}
	h.clock.Advance(time.Second)
	if slack, _ := h.flush(); len(slack) != 1 {
		t.Errorf("sent after Retry-After = %d, want 1", len(slack))
	}
}

// A sender stopped after the commit and before delivery (a crash) leaves the
// reply queued; a new sender delivers it once, and never again.
func TestOutboxSurvivesRestartExactlyOnce(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	// No delivery happened: the process "died" here. Start a fresh deliverer.
	restarted := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(h.slack, h.whatsapp)})
	for range 3 {
		if _, err := restarted.DeliverDue(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(clientSide(h.slack.items())); got != 1 {
		t.Errorf("deliveries = %d, want exactly 1", got)
	}
}

func TestPermanentFailureLeavesTheQueueAndKeepsOrder(t *testing.T) {
	h := newHarness(t)
	h.slack.fail = func(it ticketing.OutboxItem) error {
		if it.To.Address == "CACME" {
			return &channels.PermanentError{Err: errors.New("channel_not_found")}
		}
		return nil
	}
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.handle(slackMsg("CBETA", "UCLIENT", "100.2", "el discador no anda"))
	slack, _ := h.flush()
	if len(slack) != 1 || slack[0].To.Address != "CBETA" {
		t.Errorf("sent:\n%s", texts(slack))
	}
	var backlog int
	h.db.View(t.Context(), func(tx ticketing.Tx) error {
		var err error
		backlog, err = tx.OutboxBacklog(t.Context())
		return err
	})
	if backlog != 0 {
		t.Errorf("backlog = %d, want the dead item out of the queue", backlog)
	}
}

// Waiting out a rate limit or an outage is not failing: a reply owed through
// a long outage is still delivered when the link comes back, while a reply
// that keeps failing for its own sake is given up.
func TestOnlyRealFailuresCountTowardGivingUp(t *testing.T) {
	tests := []struct {
		name     string
		cause    error
		wantSent int
	}{
		{"rate limited", &channels.RateLimitError{RetryAfter: time.Minute, Err: errors.New("ratelimited")}, 1},
		{"not connected", channels.ErrNotConnected, 1},
		{"server error", errors.New("internal_error"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			down := true
			h.slack.fail = func(ticketing.OutboxItem) error {
				if down {
					return tt.cause
				}
				return nil
			}
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			for range 40 {
				h.flush()
				h.clock.Advance(10 * time.Minute)
			}
			down = false
			h.flush()
			if got := len(clientSide(h.slack.items())); got != tt.wantSent {
				t.Errorf("delivered = %d, want %d", got, tt.wantSent)
			}
		})
	}
}

// findingSender is a Slack that can say whether a reply was already posted.
type findingSender struct {
	recordingSender
	posted map[int64]bool
	asked  int
}

func (f *findingSender) FindSent(_ context.Context, it ticketing.OutboxItem) (string, bool, error) {
	f.asked++
	return "1700000000.000001", f.posted[it.ID], nil
}

// A reply whose attempt the process did not live to record is looked up
// before it is sent again: found, it is recorded as sent; not found, it is
// sent once.
func TestInterruptedDeliveryIsLookedUpBeforeResending(t *testing.T) {
	tests := []struct {
		name        string
		wentThrough bool
		wantSends   int
	}{
		{"the post had gone out", true, 0},
		{"the post never left", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			ctx := context.Background()
			var pending []ticketing.OutboxItem
			h.db.View(ctx, func(tx ticketing.Tx) error {
				var err error
				pending, err = tx.PendingOutbox(ctx, h.clock.Now(), 10)
				return err
			})
			pending = clientSide(pending)
			if len(pending) != 1 {
				t.Fatalf("pending = %d, want 1", len(pending))
			}
			// A pass started and the process died before recording anything.
			h.db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkInFlight(ctx, []int64{pending[0].ID}, h.clock.Now()) })

			slack := &findingSender{posted: map[int64]bool{pending[0].ID: tt.wentThrough}}
			d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(slack, h.whatsapp)})
			for range 3 {
				if _, err := d.DeliverDue(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if got := len(clientSide(slack.items())); got != tt.wantSends {
				t.Errorf("sends = %d, want %d", got, tt.wantSends)
			}
			if slack.asked != 1 {
				t.Errorf("lookups = %d, want 1", slack.asked)
			}
			var backlog int
			h.db.View(ctx, func(tx ticketing.Tx) error { backlog, _ = tx.OutboxBacklog(ctx); return nil })
			if backlog != 0 {
				t.Errorf("backlog = %d, want the reply recorded as delivered", backlog)
			}
		})
	}
}

// Replies a pass never tried, or that the platform refused before taking
// them, are not looked up on the next attempt: only an attempt that may
// have gone out is.
func TestOnlyUncertainAttemptsAreLookedUp(t *testing.T) {
	h := newHarness(t)
	slack := &findingSender{posted: map[int64]bool{}}
	limited := true
	slack.fail = func(ticketing.OutboxItem) error {
		if limited {
			return &channels.RateLimitError{RetryAfter: time.Second, Err: errors.New("ratelimited")}
		}
		return nil
	}
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(slack, h.whatsapp)})
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.handle(slackMsg("CACME", "UOTHER", "100.2", "¿cómo exporto el reporte?")) // waits behind the first
	ctx := context.Background()
	if _, err := d.DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	limited = false
	h.clock.Advance(2 * time.Second)
	for range 3 {
		if _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(clientSide(slack.items())); got != 2 {
		t.Errorf("sends = %d, want 2", got)
	}
	if slack.asked != 0 {
		t.Errorf("lookups = %d, want none: nothing could have gone out", slack.asked)
	}
}
