package app

// ticks is what the minute's schedule runs: the scheduler's jobs and the
// router's time-outs (bursts that owe an answer, doubtful criticals nobody
// answered), both on the injected clock.
func (a *App) ticks() ticker { return ticks{a.jobs, a.bot} }
