package bench

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"supportbot/app"
	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	"supportbot/store"
	"supportbot/ticketing"
)

// The drain: what a Slack outage leaves owed, delivered once Slack is back.
const (
	drainConversations = 500
	drainChannels      = 50
	// drainOutage is how long Slack was away while the replies piled up.
	drainOutage = 60 * time.Second
	// drainPerChannel is the posts per second per channel the stand-in
	// Slack takes, as Slack's chat.postMessage does; beyond it, 429 with
	// Retry-After.
	drainPerChannel = 1
)

// drainAPI is Slack's Web API for the drain: chat.postMessage takes one
// post per channel per second and answers the rest 429 with a Retry-After
// of the whole seconds left, as Slack does, and keeps the order each
// thread received its posts in.
type drainAPI struct {
	*slackfake.Server
	gap time.Duration

	mu     sync.Mutex
	last   map[string]time.Time // channel → its last accepted post
	got    map[string][]int     // channel:thread → posts' numbers, in arrival order
	posted int
	first  time.Time
	end    time.Time
	seq    int
	done   chan struct{}
	want   int
	errs   atomic.Int64
}

func newDrainAPI(want int) *drainAPI {
	a := &drainAPI{gap: time.Second / drainPerChannel, last: map[string]time.Time{}, got: map[string][]int{}, done: make(chan struct{}), want: want}
	a.Server = slackfake.New(map[string]http.HandlerFunc{"/chat.postMessage": a.postMessage})
	a.Server.Discard()
	return a
}

func (a *drainAPI) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	channel, thread, text := r.PostForm.Get("channel"), r.PostForm.Get("thread_ts"), r.PostForm.Get("text")
	now := time.Now()
	a.mu.Lock()
	if last, ok := a.last[channel]; ok && now.Sub(last) < a.gap {
		a.mu.Unlock()
		wait := a.gap - now.Sub(last)
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	a.last[channel] = now
	n, err := strconv.Atoi(text[strings.LastIndexByte(text, '#')+1:])
	if err != nil {
		a.errs.Add(1)
	}
	key := channel + ":" + thread
	a.got[key] = append(a.got[key], n)
	if a.posted == 0 {
		a.first = now
	}
	a.posted++
	a.seq++
	ts := fmt.Sprintf("1800000000.%06d", a.seq)
	if a.posted == a.want {
		a.end = now
		close(a.done)
	}
	a.mu.Unlock()
	slackfake.WriteJSON(w, map[string]any{"ok": true, "channel": channel, "ts": ts})
}

// drainItem is the n-th post (from 0) owed to conversation c, in the
// order it was queued.
func drainItem(c, n int, queuedAt, due time.Time) ticketing.OutboxItem {
	return ticketing.OutboxItem{
		To:   ticketing.Conversation{Platform: channels.Slack, Address: drainChannel(c % drainChannels), Thread: fmt.Sprintf("1700000000.%06d", c)},
		Mode: ticketing.ModePost, Text: fmt.Sprintf("respuesta pendiente #%d", n),
		CreatedAt: queuedAt, NextAttemptAt: due,
	}
}

func drainChannel(i int) string { return fmt.Sprintf("C0DRAIN%03d", i) }

// benchDrain queues posts owed replies as a 60 s Slack outage would have
// left them, starts `run` on that store against a Slack that takes one post
// per channel per second, and times the outbox until the last one is
// accepted. The outage is not waited for: the replies are written with the
// times they would have had, queued across the minute before the run
// starts, all due now that Slack answers again.
func benchDrain(ctx context.Context, root, pgURL string, posts int, res *Result) error {
	s := sqliteStore(filepath.Join(root, "drain.db"))
	if pgURL != "" {
		var err error
		if s, err = postgresSchema(ctx, pgURL, "drain"); err != nil {
			return err
		}
		defer s.drop()
	}
	if err := fillDrain(ctx, s, posts); err != nil {
		return err
	}
	api := newDrainAPI(posts)
	defer api.Close()
	cfg, err := benchConfigOn(s, "drain", 1, api.APIURL(), slackfake.RandomSecret())
	if err != nil {
		return fmt.Errorf("bench config: %w", err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	a, err := app.New(runCtx, cfg, app.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer a.Close()
	start := time.Now()
	ran := make(chan error, 1)
	go func() { ran <- a.Run(runCtx) }()
	defer func() { cancel(); <-ran }()
	select {
	case <-api.done:
	case err := <-ran:
		return fmt.Errorf("bench drain: run stopped: %w", err)
	case <-ctx.Done():
		return fmt.Errorf("bench drain: %d of %d delivered: %w", api.delivered(), posts, ctx.Err())
	}
	elapsed := api.end.Sub(start)
	res.DrainPosts = posts
	res.DrainPerS = float64(posts) / elapsed.Seconds()
	res.DrainFloorPerS = float64(drainChannels * drainPerChannel)
	res.DrainRatio = res.DrainPerS / res.DrainFloorPerS
	return api.checkOrder(posts)
}

func (a *drainAPI) delivered() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.posted
}

// checkOrder fails the bench unless every conversation got each of its
// posts once, in the order queued.
func (a *drainAPI) checkOrder(posts int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.errs.Load() > 0 {
		return fmt.Errorf("bench drain: %d posts not the bench's", a.errs.Load())
	}
	if len(a.got) != min(drainConversations, posts) {
		return fmt.Errorf("bench drain: %d conversations got posts, want %d", len(a.got), min(drainConversations, posts))
	}
	for key, got := range a.got {
		for i, n := range got {
			if n != i {
				return fmt.Errorf("bench drain: conversation %s got post %d as its #%d: out of order", key, n, i)
			}
		}
	}
	return nil
}

// fillDrain writes the owed replies: posts of them, round-robin over the
// conversations, queued evenly over the outage.
func fillDrain(ctx context.Context, s benchStore, posts int) error {
	db, err := store.OpenWith(ctx, s.opts)
	if err != nil {
		return err
	}
	defer db.Close()
	now := time.Now()
	const batch = 500
	for from := 0; from < posts; from += batch {
		err := db.Update(ctx, func(tx ticketing.Tx) error {
			for i := from; i < min(from+batch, posts); i++ {
				queued := now.Add(-drainOutage + time.Duration(i)*drainOutage/time.Duration(posts))
				it := drainItem(i%drainConversations, i/drainConversations, queued, now)
				if err := tx.Enqueue(ctx, &it); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("bench drain: queue replies: %w", err)
		}
	}
	return nil
}
