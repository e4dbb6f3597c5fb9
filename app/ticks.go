package app

import "context"

// ticks is what the minute's schedule runs: the scheduler's jobs with
// retention and the WhatsApp link's check (as a reload last set them), and
// the router's time-outs (bursts that owe an answer, doubtful criticals
// nobody answered), all on the injected clock.
func (a *App) ticks() ticker { return ticks{a.live, currentBotTicker{a}} }

// currentBotTicker ticks the bot events meet now, which a reload swaps.
type currentBotTicker struct{ a *App }

func (t currentBotTicker) Tick(ctx context.Context) error { return t.a.currentBot().Tick(ctx) }
