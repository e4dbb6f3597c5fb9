package app

import (
	"context"
	"time"
)

// FlushHomes publishes the Home views owed now, as PublishHomes, and says
// how long until the next owed one may go (zero when none is owed): the
// playground lets its simulated clock run that long so the desk sees its
// Homes change after each step.
func (a *App) FlushHomes(ctx context.Context) time.Duration { return a.home.Flush(ctx) }
