package schedules

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestNewJobsChecksItsConfig(t *testing.T) {
	r := newRig(t, wed10)
	tests := []struct {
		name       string
		tune       func(*JobsConfig)
		wantErr    bool
		wantWarnAt []float64
	}{
		{"defaults", func(*JobsConfig) {}, false, []float64{0.5, 0.75, 0.9}},
		{"sorted and unique", func(c *JobsConfig) { c.WarnAt = []float64{0.9, 0.5, 0.9} }, false, []float64{0.5, 0.9}},
		{"no store", func(c *JobsConfig) { c.Store = nil }, true, nil},
		{"zero threshold", func(c *JobsConfig) { c.WarnAt = []float64{0, 0.5} }, true, nil},
		{"threshold at the deadline", func(c *JobsConfig) { c.WarnAt = []float64{0.5, 1} }, true, nil},
		{"percent instead of fraction", func(c *JobsConfig) { c.WarnAt = []float64{50} }, true, nil},
		{"digest after closing", func(c *JobsConfig) { c.DigestAt = 20 * time.Hour }, true, nil},
		{"negative digest time", func(c *JobsConfig) { c.DigestAt = -time.Hour }, true, nil},
	}
	for _, tt := range tests {
		cfg := r.cfg
		tt.tune(&cfg)
		j, err := NewJobs(cfg)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, want error %v", tt.name, err, tt.wantErr)
			continue
		}
		if err == nil && !slices.Equal(j.warnAt, tt.wantWarnAt) {
			t.Errorf("%s: warnAt = %v, want %v", tt.name, j.warnAt, tt.wantWarnAt)
		}
	}
}

// failingStore makes Enqueue fail while fail is set, to show a
// notification is recorded only together with what it queues.
type failingStore struct {
	ticketing.Store
	fail atomic.Bool
}

type failingTx struct {
	ticketing.Tx
	s *failingStore
}

func (s *failingStore) Update(ctx context.Context, fn func(ticketing.Tx) error) error {
	return s.Store.Update(ctx, func(tx ticketing.Tx) error { return fn(failingTx{tx, s}) })
}

func (tx failingTx) Enqueue(ctx context.Context, it *ticketing.OutboxItem) error {
	if tx.s.fail.Load() {
		return errors.New("disk full")
	}
	return tx.Tx.Enqueue(ctx, it)
}

func TestNotificationCommitsWithItsMessages(t *testing.T) {
	fs := &failingStore{}
	r := newRig(t, wed10, func(c *JobsConfig) {
		fs.Store = c.Store
		c.Store = fs
	})
	tk := r.open("acme", incidente, alta, wed10)
	fs.fail.Store(true)
	r.clock.Set(at("12:00"))
	if err := r.jobs.Tick(context.Background()); err == nil {
		t.Fatal("tick with a failing outbox reported no error")
	}
	if r.notified(tk.ID, kindWarn, 0.5) {
		t.Error("threshold recorded although its ping was not queued")
	}
	if got, want := r.ticket(tk.ID).NextActionAt, at("12:01"); !got.Equal(want) {
		t.Errorf("failed ticket's NextActionAt = %v, want a retry at %v", got, want)
	}
	fs.fail.Store(false)
	r.tick(at("12:01"))
	r.tick(at("12:02"))
	if got, want := r.obs.take(), []string{"Wed 12:01 ping #1 0.5"}; !slices.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
	if got := r.dmTargets(); !slices.Equal(got, []string{"UF"}) {
		t.Errorf("DMs to %v, want one to UF", got)
	}
}

func TestTicketOfUnconfiguredClientIsLeftAlone(t *testing.T) {
	r := newRig(t, wed10, func(c *JobsConfig) { c.Clients = c.Clients[1:] }) // acme dropped from the config
	tk := r.open("acme", incidente, alta, wed10)
	r.tick(at("12:00"))
	if got := r.ticket(tk.ID).NextActionAt; !got.IsZero() {
		t.Errorf("NextActionAt = %v, want zero", got)
	}
	if got := r.ticketItems(); len(got) != 0 {
		t.Errorf("queued %q, want nothing", texts(got))
	}
}

func TestOnQueuedWakesTheDeliverer(t *testing.T) {
	var wakes atomic.Int32
	r := newRig(t, wed10, func(c *JobsConfig) { c.OnQueued = func() { wakes.Add(1) } })
	r.open("acme", incidente, alta, wed10)
	r.tick(at("07:30")) // nothing due, no digest yet
	if got := wakes.Load(); got != 0 {
		t.Errorf("wakes after an idle tick = %d, want 0", got)
	}
	r.tick(at("12:00"))
	woken := wakes.Load()
	if woken == 0 {
		t.Error("no wake after queuing a ping")
	}
	r.tick(at("12:01"))
	if got := wakes.Load(); got != woken {
		t.Errorf("wakes after a tick that queued nothing = %d, want %d", got, woken)
	}
}
