package app

import (
	"context"
	"errors"

	"supportbot/bot"
	"supportbot/schedules"
)

var (
	_ ticker = tickers(nil)
	_ ticker = (*schedules.Jobs)(nil)
	_ ticker = (*bot.Bot)(nil)
)

// tickers run one after the other on each tick of the schedule; one failing
// does not keep the others from their turn.
type tickers []ticker

func (ts tickers) Tick(ctx context.Context) error {
	var errs []error
	for _, t := range ts {
		errs = append(errs, t.Tick(ctx))
	}
	return errors.Join(errs...)
}

// ticks is what the minute's schedule runs: the scheduler's jobs and the
// router's time-outs (a doubtful critical nobody answered), both on the
// injected clock.
func (a *App) ticks() ticker { return tickers{a.jobs, a.bot} }
