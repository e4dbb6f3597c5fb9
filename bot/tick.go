package bot

import (
	"context"
	"errors"
)

// Tick does what the router owes with time alone, on the injected clock:
// answers to bursts that opened no case, and doubtful criticals nobody
// answered. The app runs it with the scheduler's tick every minute; one
// part failing does not keep the other from its turn.
func (b *Bot) Tick(ctx context.Context) error {
	return errors.Join(b.tickBursts(ctx), b.tickQuestions(ctx))
}
