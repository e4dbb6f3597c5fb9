package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"supportbot/ticketing"
)

// limits remembers the destinations (a Slack channel, a WhatsApp number)
// whose platform refused a send for its rate limit, until when. While one
// runs, the other conversations of that destination are not attempted but
// postponed to its end: each attempt would only be refused again, and after
// an outage, with hundreds of conversations owed in a few channels, those
// refusals would crowd out the sends that can go through.
type limits struct {
	mu    sync.Mutex
	until map[string]time.Time
}

func destination(it ticketing.OutboxItem) string {
	return string(it.To.Platform) + ":" + it.To.Address
}

// limited records a refusal of it's destination until until.
func (l *limits) limited(it ticketing.OutboxItem, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.until == nil {
		l.until = map[string]time.Time{}
	}
	if until.After(l.until[destination(it)]) {
		l.until[destination(it)] = until
	}
}

// holds reports until when it's destination is limited, if it is at now;
// ended limits are forgotten.
func (l *limits) holds(it ticketing.OutboxItem, now time.Time) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	until, ok := l.until[destination(it)]
	if ok && !until.After(now) {
		delete(l.until, destination(it))
		return time.Time{}, false
	}
	return until, ok
}

// hold takes the items whose destination is rate limited now out of items
// and postpones them in the store to the limit's end, so the next look for
// due items finds the others.
func (d *Deliverer) hold(ctx context.Context, items []ticketing.OutboxItem) ([]ticketing.OutboxItem, int, error) {
	now := d.clock.Now()
	held := map[time.Time][]int64{}
	free := items[:0:0]
	for _, it := range items {
		if until, ok := d.limits.holds(it, now); ok {
			held[until] = append(held[until], it.ID)
			continue
		}
		free = append(free, it)
	}
	if len(held) == 0 {
		return free, 0, nil
	}
	n := 0
	err := d.store.Update(ctx, func(tx ticketing.Tx) error {
		for until, ids := range held {
			if err := tx.PostponeOutbox(ctx, ids, until); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("hold rate-limited replies: %w", err)
	}
	for _, ids := range held {
		n += len(ids)
	}
	return free, n, nil
}

// nextWait is how long Run sleeps after a pass: until the soonest owed item
// falls due, within interval (which also covers a clock that is not the
// system's). A short floor keeps a store that keeps answering "due now"
// from spinning the loop.
func (d *Deliverer) nextWait(ctx context.Context, interval time.Duration) time.Duration {
	var next time.Time
	var ok bool
	err := d.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		next, ok, err = tx.NextOutboxAttempt(ctx)
		return err
	})
	if err != nil || !ok {
		return interval
	}
	return min(max(next.Sub(d.clock.Now()), minWait), interval)
}

// minWait is the shortest sleep between two passes of Run.
const minWait = 5 * time.Millisecond
