package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/robfig/cron/v3"

	"supportbot/bot"
	"supportbot/schedules"
)

// everyMinute is the jobs' schedule. Each tick does whatever the store says
// is due, so the schedule only sets how promptly: a minute is finer than
// any deadline warning needs.
const everyMinute = "* * * * *"

// ticker is what the cron loop drives: the scheduler's jobs and the router's.
type ticker interface {
	Tick(ctx context.Context) error
}

// ticks runs several tickers in turn each minute: the scheduler's jobs and
// the router's own (bursts that owe an answer). One failing does not keep
// the others from their turn.
type ticks []ticker

var (
	_ ticker = ticks(nil)
	_ ticker = (*bot.Bot)(nil)
	_ ticker = (*schedules.Jobs)(nil)
)

func (ts ticks) Tick(ctx context.Context) error {
	var errs []error
	for _, t := range ts {
		errs = append(errs, t.Tick(ctx))
	}
	return errors.Join(errs...)
}

// runJobs ticks every minute on a robfig/cron schedule, and once at start
// so work that fell due while the bot was down goes out without waiting. A
// tick still running when the next is due makes that one skip. On ctx
// cancellation it stops the schedule, waits for a running tick to finish
// and returns nil.
func runJobs(ctx context.Context, jobs ticker, log *slog.Logger) error {
	logger := cronLogger{log}
	c := cron.New(cron.WithLogger(logger), cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	if _, err := c.AddFunc(everyMinute, func() { tickLogged(ctx, jobs, log) }); err != nil {
		return fmt.Errorf("schedule jobs: %w", err)
	}
	tickLogged(ctx, jobs, log)
	c.Start()
	<-ctx.Done()
	<-c.Stop().Done()
	return nil
}

func tickLogged(ctx context.Context, jobs ticker, log *slog.Logger) {
	if ctx.Err() != nil {
		return
	}
	if err := jobs.Tick(ctx); err != nil && ctx.Err() == nil {
		log.Error("scheduler tick failed", "err", err)
	}
}

// cronLogger sends robfig/cron's logging to slog; its routine chatter
// (each wake-up) goes to debug.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, keysAndValues ...any) {
	l.log.Debug("cron: "+msg, keysAndValues...)
}

func (l cronLogger) Error(err error, msg string, keysAndValues ...any) {
	l.log.Error("cron: "+msg, append([]any{"err", err}, keysAndValues...)...)
}

var _ cron.Logger = cronLogger{}
