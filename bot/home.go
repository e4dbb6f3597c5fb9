package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// DefaultHomeEvery is how often at most one person's Home tab is published:
// a burst of changes to their tickets becomes one views.publish, well
// within Slack's rate limit for the method.
const DefaultHomeEvery = 5 * time.Second

// homePublishTimeout bounds one views.publish.
const homePublishTimeout = 10 * time.Second

// homeRender builds one person's view.
type homeRender func(ctx context.Context, userID string) (channels.HomeView, error)

// HomeConfig wires the Home tab.
type HomeConfig struct {
	Publisher channels.HomePublisher
	Clock     ticketing.Clock
	Log       *slog.Logger
	// Every is DefaultHomeEvery when zero.
	Every time.Duration
}

// Home keeps the people who opened the bot's Home tab and publishes their
// views, coalesced: at most once per person every Every. It lives outside
// the Bot so a configuration reload keeps who opened the Home; the people
// are remembered in memory, so after a restart a person's Home refreshes
// again from their next visit on.
type Home struct {
	pub   channels.HomePublisher
	clock ticketing.Clock
	log   *slog.Logger
	every time.Duration
	wake  chan struct{}

	mu      sync.Mutex
	viewers map[string]*homeViewer
}

type homeViewer struct {
	last    time.Time // last publish; zero for never
	pending bool
	render  homeRender
}

// NewHome builds the Home tab's publisher; nothing is published until Run.
func NewHome(cfg HomeConfig) *Home {
	if cfg.Clock == nil {
		cfg.Clock = ticketing.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Every <= 0 {
		cfg.Every = DefaultHomeEvery
	}
	return &Home{pub: cfg.Publisher, clock: cfg.Clock, log: cfg.Log, every: cfg.Every,
		wake: make(chan struct{}, 1), viewers: map[string]*homeViewer{}}
}

// opened remembers a person who opened the Home tab and owes them a view.
func (h *Home) opened(userID string, render homeRender) {
	if h == nil || userID == "" {
		return
	}
	h.mu.Lock()
	if h.viewers[userID] == nil {
		h.viewers[userID] = &homeViewer{}
	}
	h.mu.Unlock()
	h.touch(render, userID)
}

// touch owes a fresh view to each of users who opened the Home before.
func (h *Home) touch(render homeRender, users ...string) {
	if h == nil || len(users) == 0 {
		return
	}
	owed := false
	h.mu.Lock()
	for _, u := range users {
		if v := h.viewers[u]; v != nil {
			v.pending, v.render, owed = true, render, true
		}
	}
	h.mu.Unlock()
	if owed {
		select {
		case h.wake <- struct{}{}:
		default:
		}
	}
}

// Flush publishes every owed view whose person's last publish is at least
// Every ago, and says how long until the next owed one may go (zero when
// none is owed).
func (h *Home) Flush(ctx context.Context) time.Duration {
	type job struct {
		user   string
		render homeRender
	}
	var due []job
	now := h.clock.Now()
	h.mu.Lock()
	for u, v := range h.viewers {
		if v.pending && (v.last.IsZero() || !v.last.Add(h.every).After(now)) {
			// Stamped before the call: a failing Slack is not asked again at once.
			v.pending, v.last = false, now
			due = append(due, job{u, v.render})
		}
	}
	h.mu.Unlock()
	for _, j := range due {
		h.publish(ctx, j.user, j.render)
	}
	return h.nextWait(now)
}

// nextWait is how long after now the next owed view may go; zero when none
// is owed.
func (h *Home) nextWait(now time.Time) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	var wait time.Duration
	for _, v := range h.viewers {
		if !v.pending {
			continue
		}
		left := max(v.last.Add(h.every).Sub(now), time.Nanosecond)
		if wait == 0 || left < wait {
			wait = left
		}
	}
	return wait
}

func (h *Home) publish(ctx context.Context, userID string, render homeRender) {
	if h.pub == nil || render == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, homePublishTimeout)
	defer cancel()
	view, err := render(ctx, userID)
	if err != nil {
		h.log.Error("home view not built", "user", userID, "err", err)
		return
	}
	err = h.pub.PublishHome(ctx, userID, view)
	if err == nil {
		return
	}
	h.log.Warn("home view not published", "user", userID, "err", err)
	if rl, ok := errors.AsType[*channels.RateLimitError](err); ok {
		// Owed still: published again once Slack's wait is over.
		h.mu.Lock()
		if v := h.viewers[userID]; v != nil {
			v.pending, v.render = true, render
			v.last = h.clock.Now().Add(max(rl.RetryAfter, time.Second) - h.every)
		}
		h.mu.Unlock()
	}
}

// Run publishes owed views until ctx ends.
func (h *Home) Run(ctx context.Context) {
	for {
		wait := h.Flush(ctx)
		var timer *time.Timer
		var fire <-chan time.Time
		if wait > 0 {
			timer = time.NewTimer(wait)
			fire = timer.C
		}
		select {
		case <-ctx.Done():
		case <-h.wake:
		case <-fire:
		}
		if timer != nil {
			timer.Stop()
		}
		if ctx.Err() != nil {
			return
		}
	}
}
