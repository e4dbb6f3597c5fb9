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
// it bounds how late a retry after backoff goes out.
const deliverInterval = time.Second

// workers are the goroutines Run owns. They stop in an order that loses
// nothing: Slack intake first, then the scheduled jobs, then the outbox gets
// a last delivery pass while WhatsApp is still linked, then the rest.
type workers struct {
	fatal chan error

	stopSlack    context.CancelFunc
	stopJobs     context.CancelFunc
	stopOutbox   context.CancelFunc
	stopWhatsApp context.CancelFunc
	slack        sync.WaitGroup
	jobs         sync.WaitGroup
	outbox       sync.WaitGroup
	whatsapp     sync.WaitGroup

	a *App
}

// start launches the transports and the outbox. Their contexts are not
// children of ctx: stop cancels them one by one.
func (a *App) start(ctx context.Context) *workers {
	base := context.WithoutCancel(ctx)
	w := &workers{fatal: make(chan error, 4), a: a}
	var slackCtx, jobsCtx, outboxCtx, waCtx context.Context
	slackCtx, w.stopSlack = context.WithCancel(base)
	jobsCtx, w.stopJobs = context.WithCancel(base)
	outboxCtx, w.stopOutbox = context.WithCancel(base)
	waCtx, w.stopWhatsApp = context.WithCancel(base)

	w.outbox.Go(func() {
		if err := a.deliverer.Run(outboxCtx, deliverInterval); err != nil {
			w.fatal <- fmt.Errorf("outbox: %w", err)
		}
	})
	w.jobs.Go(func() {
		if err := runJobs(jobsCtx, a.live, a.jobsLog); err != nil {
			w.fatal <- fmt.Errorf("scheduled jobs: %w", err)
		}
	})
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
	if a.whatsapp != nil {
		w.whatsapp.Go(func() {
			err := a.whatsapp.Run(waCtx)
			switch {
			case errors.Is(err, whatsappchannel.ErrNotPaired):
				a.log.Warn("whatsapp is enabled but no number is linked; Slack keeps working. Link one with: supportbot whatsapp pair (or --phone +549…), then restart")
			case err != nil:
				a.log.Error("whatsapp stopped; Slack keeps working", "err", err)
			}
		})
	}
	return w
}

// stop winds down within ctx's deadline.
func (w *workers) stop(ctx context.Context) {
	w.stopSlack()
	w.slack.Wait()
	w.stopJobs()
	w.jobs.Wait()
	w.stopOutbox()
	w.outbox.Wait()
	if err := w.a.deliverer.Flush(ctx); err != nil {
		w.a.log.Warn("outbox not fully delivered before shutdown; the rest goes out on the next start", "err", err)
	}
	w.stopWhatsApp()
	w.whatsapp.Wait()
}
