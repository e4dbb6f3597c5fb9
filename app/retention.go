package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"supportbot/config"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
)

// retentionEvery is how often the retention job runs.
const retentionEvery = 24 * time.Hour

// liveJobs is what the cron loop ticks: the scheduled jobs built from the
// current configuration (a reload swaps them), then the daily retention.
type liveJobs struct {
	reloadMu  sync.Mutex // one reload at a time
	jobs      atomic.Pointer[schedules.Jobs]
	cfg       atomic.Pointer[config.Config]
	known     atomic.Pointer[[]ticketing.Client] // the configured clients and those a reload dropped
	db        *store.DB
	clock     ticketing.Clock
	log       *slog.Logger
	nextPurge time.Time // only Tick touches it; cron never overlaps ticks
	// link, if set, runs the WhatsApp phone's offline timeline.
	link func(ctx context.Context) error
}

var _ ticker = (*liveJobs)(nil)

func newLiveJobs(cfg *config.Config, jobs *schedules.Jobs, db *store.DB, clock ticketing.Clock, log *slog.Logger) *liveJobs {
	l := &liveJobs{db: db, clock: clock, log: log}
	l.jobs.Store(jobs)
	l.cfg.Store(cfg)
	clients := cfg.TicketingClients()
	l.known.Store(&clients)
	return l
}

// clients are the clients the bot knows now.
func (l *liveJobs) clients() []ticketing.Client { return *l.known.Load() }

// swap puts a reload's configuration, jobs and clients in place.
func (l *liveJobs) swap(cfg *config.Config, jobs *schedules.Jobs, clients []ticketing.Client) {
	l.known.Store(&clients)
	l.jobs.Store(jobs)
	l.cfg.Store(cfg)
}

func (l *liveJobs) Tick(ctx context.Context) error {
	var link error
	if l.link != nil {
		link = l.link(ctx)
	}
	return errors.Join(l.jobs.Load().Tick(ctx), l.retention(ctx), link)
}

// retention empties message texts older than retention.messages, once at
// start and then once a day; tickets and their figures stay.
func (l *liveJobs) retention(ctx context.Context) error {
	age := l.cfg.Load().Retention.MessagesAge()
	now := l.clock.Now()
	if age <= 0 || now.Before(l.nextPurge) {
		return nil
	}
	res, err := l.db.PurgeMessages(ctx, now.Add(-age), now, "supportbot")
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	l.nextPurge = now.Add(retentionEvery)
	l.log.Info("retention ran", "before", now.Add(-age).Format(time.DateOnly), "messages", res.Messages, "replies", res.Outbox)
	return nil
}
