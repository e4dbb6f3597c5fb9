package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	slackchannel "supportbot/channels/slack"
	whatsappchannel "supportbot/channels/whatsapp"
)

// deliverInterval is how often the outbox is looked at without a wake-up:
// it bounds how late a retry after backoff goes out, and how late the
// leader delivers what a follower enqueued.
const deliverInterval = time.Second

// workers are the goroutines Run owns. Every replica takes Slack events;
// only the leader runs the scheduled jobs, delivers the outbox and holds
// the WhatsApp link (leaderWork). They stop in an order that loses nothing:
// Slack intake first, then the jobs, then the outbox gets a last delivery
// pass while WhatsApp is still linked, then the rest, and leadership last.
type workers struct {
	fatal chan error
	base  context.Context

	stopSlack    context.CancelFunc
	slack        sync.WaitGroup
	stopElection context.CancelFunc
	election     sync.WaitGroup

	mu       sync.Mutex
	lead     *leaderWork // nil while a follower
	stopping bool

	a *App
}

// leaderWork is what runs only on the leader.
type leaderWork struct {
	stopJobs     context.CancelFunc
	stopOutbox   context.CancelFunc
	stopWhatsApp context.CancelFunc
	jobs         sync.WaitGroup
	outbox       sync.WaitGroup
	whatsapp     sync.WaitGroup
}

// start launches the transports and the leader election (on SQLite the one
// process leads from the start). Their contexts are not children of ctx:
// stop cancels them one by one.
func (a *App) start(ctx context.Context) *workers {
	w := &workers{fatal: make(chan error, 4), a: a, base: context.WithoutCancel(ctx)}
	var slackCtx, electionCtx context.Context
	slackCtx, w.stopSlack = context.WithCancel(w.base)
	electionCtx, w.stopElection = context.WithCancel(w.base)
	if a.socket != nil {
		w.slack.Go(func() {
			// Run reconnects by itself; an error means it gave up for good
			// (a revoked app token), and a bot deaf to Slack must say so.
			err := a.socket.Run(slackCtx)
			switch {
			case slackchannel.TokenRefused(err):
				w.fatal <- &ConfigError{Err: fmt.Errorf("slack.app_token refused by Slack: %w", err)}
			case err != nil:
				w.fatal <- fmt.Errorf("slack socket mode: %w", err)
			}
		})
	}
	if a.slackClient != nil {
		// Every replica publishes the Home views of the people whose
		// events it took.
		w.slack.Go(func() { a.home.Run(slackCtx) })
	}
	if a.election == nil {
		w.becomeLeader()
	} else {
		w.election.Go(func() { a.election.run(electionCtx, w.becomeLeader, w.loseLeadership) })
	}
	return w
}

// becomeLeader starts the leader's work, unless Run is already stopping.
func (w *workers) becomeLeader() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopping || w.lead != nil {
		return
	}
	a := w.a
	l := &leaderWork{}
	var jobsCtx, outboxCtx, waCtx context.Context
	jobsCtx, l.stopJobs = context.WithCancel(w.base)
	outboxCtx, l.stopOutbox = context.WithCancel(w.base)
	waCtx, l.stopWhatsApp = context.WithCancel(w.base)
	l.outbox.Go(func() {
		if err := a.deliverer.Run(outboxCtx, deliverInterval); err != nil {
			w.fatal <- fmt.Errorf("outbox: %w", err)
		}
	})
	l.outbox.Go(func() { a.listenOutbox(outboxCtx) })
	l.jobs.Go(func() {
		if err := runJobs(jobsCtx, a.ticks(), a.jobsLog); err != nil {
			w.fatal <- fmt.Errorf("scheduled jobs: %w", err)
		}
	})
	if a.whatsapp != nil {
		l.whatsapp.Go(func() {
			err := a.whatsapp.Run(waCtx)
			switch {
			case errors.Is(err, whatsappchannel.ErrNotPaired):
				a.log.Warn("whatsapp is enabled but no number is linked; Slack keeps working. Link one with: supportbot whatsapp pair (or --phone +549…), then restart")
			case err != nil:
				a.log.Error("whatsapp stopped; Slack keeps working", "err", err)
			}
		})
	}
	w.lead = l
	a.setRole(true)
}

// loseLeadership stops the leader's work at once and without a last
// delivery pass: another replica may already lead, and delivers the rest.
func (w *workers) loseLeadership() {
	w.mu.Lock()
	l := w.lead
	w.lead = nil
	w.mu.Unlock()
	w.a.setRole(false)
	if l == nil {
		return
	}
	l.stopJobs()
	l.stopOutbox()
	l.stopWhatsApp()
	l.jobs.Wait()
	l.outbox.Wait()
	l.whatsapp.Wait()
}

// stop winds down within ctx's deadline.
func (w *workers) stop(ctx context.Context) {
	w.stopSlack()
	w.slack.Wait()
	w.mu.Lock()
	w.stopping = true
	l := w.lead
	w.lead = nil
	w.mu.Unlock()
	if l != nil {
		l.stopJobs()
		l.jobs.Wait()
		l.stopOutbox()
		l.outbox.Wait()
		if err := w.a.deliverer.Flush(ctx); err != nil {
			w.a.log.Warn("outbox not fully delivered before shutdown; the rest goes out on the next start", "err", err)
		}
		l.stopWhatsApp()
		l.whatsapp.Wait()
	}
	// Leadership goes last, so no other replica delivers while this one
	// still is.
	w.stopElection()
	w.election.Wait()
}
