package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

var errThreadNotStarted = errors.New("ticket thread not started yet")

// Delivery tuning.
const (
	maxAttempts     = 30
	maxBackoff      = 5 * time.Minute
	threadWait      = 2 * time.Second
	deliverBatch    = 100
	defaultInterval = time.Second
	sendTimeout     = 20 * time.Second
)

// DeliveryObserver hears about deliveries, for metrics.
type DeliveryObserver interface {
	Delivered(item ticketing.OutboxItem)
	DeliveryFailed(item ticketing.OutboxItem, err error)
}

type nopDeliveryObserver struct{}

func (nopDeliveryObserver) Delivered(ticketing.OutboxItem)             {}
func (nopDeliveryObserver) DeliveryFailed(ticketing.OutboxItem, error) {}

// Deliverer sends what the outbox owes. Each item is marked sent in its own
// transaction right after the platform accepted it, so after a crash unsent
// replies go out and sent ones are not repeated (a crash in the instant
// between the platform's answer and the commit is the one window in which a
// reply can be sent twice).
type Deliverer struct {
	store    ticketing.Store
	clock    ticketing.Clock
	slack    channels.Sender
	whatsapp channels.Sender
	log      *slog.Logger
	observer DeliveryObserver
	wake     chan struct{}
}

// DelivererConfig wires a Deliverer; a nil sender leaves its items queued.
type DelivererConfig struct {
	Store    ticketing.Store
	Clock    ticketing.Clock
	Slack    channels.Sender
	WhatsApp channels.Sender
	Log      *slog.Logger
	Observer DeliveryObserver
}

func NewDeliverer(cfg DelivererConfig) *Deliverer {
	if cfg.Clock == nil {
		cfg.Clock = ticketing.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Observer == nil {
		cfg.Observer = nopDeliveryObserver{}
	}
	return &Deliverer{store: cfg.Store, clock: cfg.Clock, slack: cfg.Slack, whatsapp: cfg.WhatsApp, log: cfg.Log,
		observer: cfg.Observer, wake: make(chan struct{}, 1)}
}

// Wake asks for a delivery pass now; it never blocks.
func (d *Deliverer) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run delivers until ctx ends: on every Wake and at least every interval.
func (d *Deliverer) Run(ctx context.Context, interval time.Duration) error {
	if interval <= 0 {
		interval = defaultInterval
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-d.wake:
		case <-timer.C:
		}
		if _, err := d.DeliverDue(ctx); err != nil && ctx.Err() == nil {
			d.log.Error("outbox pass failed", "err", err)
		}
		timer.Reset(interval)
	}
}

// Flush delivers until nothing is due or ctx ends; used at shutdown.
func (d *Deliverer) Flush(ctx context.Context) error {
	for ctx.Err() == nil {
		n, err := d.DeliverDue(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
	return ctx.Err()
}

// DeliverDue makes one pass over due items and reports how many it sent.
// Once an item to a recipient fails, later items to the same recipient wait,
// so a conversation is never delivered out of order.
func (d *Deliverer) DeliverDue(ctx context.Context) (int, error) {
	var items []ticketing.OutboxItem
	err := d.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		items, err = tx.PendingOutbox(ctx, d.clock.Now(), deliverBatch)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read outbox: %w", err)
	}
	if len(items) == 0 {
		return 0, nil
	}
	// One commit marks the whole batch as under way: if the process dies
	// mid-send, the next pass knows which replies may have gone out.
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	err = d.store.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkInFlight(ctx, ids, d.clock.Now()) })
	if err != nil {
		return 0, fmt.Errorf("mark outbox in flight: %w", err)
	}
	blocked := map[string]bool{}
	var untried []int64
	sent := 0
	for i, it := range items {
		if ctx.Err() != nil {
			untried = append(untried, ids[i:]...)
			break
		}
		key := string(it.Delivery) + ":" + it.Target
		if blocked[key] {
			untried = append(untried, it.ID)
			continue
		}
		ok, err := d.deliver(ctx, it)
		if err != nil {
			return sent, errors.Join(err, d.clearInFlight(ctx, append(untried, ids[i+1:]...)))
		}
		if ok {
			sent++
		} else {
			blocked[key] = true
		}
	}
	return sent, d.clearInFlight(ctx, untried)
}

// clearInFlight takes the stamp off replies this pass never tried, so
// their next attempt does not look them up for nothing.
func (d *Deliverer) clearInFlight(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	ctx = context.WithoutCancel(ctx)
	if err := d.store.Update(ctx, func(tx ticketing.Tx) error { return tx.ClearInFlight(ctx, ids) }); err != nil {
		return fmt.Errorf("clear outbox in flight: %w", err)
	}
	return nil
}

func (d *Deliverer) senderFor(it ticketing.OutboxItem) channels.Sender {
	if it.Delivery == ticketing.DeliverWhatsApp {
		return d.whatsapp
	}
	return d.slack
}

// deliver tries one item; false means it is still owed.
func (d *Deliverer) deliver(ctx context.Context, it ticketing.OutboxItem) (bool, error) {
	sender := d.senderFor(it)
	if sender == nil {
		return false, d.retry(ctx, it, channels.ErrNotConnected, 0)
	}
	if it.ThreadTS == ticketing.InTicketThread {
		thread, err := d.ticketThread(ctx, it.TicketID)
		if err != nil {
			return false, err
		}
		switch {
		case thread != "":
			it.ThreadTS = thread
		case it.Attempts < 5:
			// The thread's root post is not delivered yet.
			return false, d.retry(ctx, it, errThreadNotStarted, threadWait)
		default:
			it.ThreadTS = ""
		}
	}
	// A send already under way is finished even at shutdown: abandoning it
	// after the platform got it would leave it owed, and sent twice later.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendTimeout)
	defer cancel()
	ref, found, err := d.findInterrupted(ctx, sender, it)
	if err != nil {
		return false, d.retry(ctx, it, err, 0)
	}
	if !found {
		ref, err = sender.Send(ctx, it)
	}
	if err != nil {
		d.observer.DeliveryFailed(it, err)
		var rl *channels.RateLimitError
		var perm *channels.PermanentError
		switch {
		case errors.As(err, &rl):
			return false, d.retry(ctx, it, err, rl.RetryAfter)
		case errors.As(err, &perm):
			d.log.Warn("reply can never be delivered", "id", it.ID, "delivery", it.Delivery, "target", it.Target, "err", err)
			return false, d.store.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkDead(ctx, it.ID, d.clock.Now(), err.Error()) })
		}
		return false, d.retry(ctx, it, err, 0)
	}
	err = d.store.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.MarkSent(ctx, it.ID, d.clock.Now(), ref); err != nil {
			return err
		}
		if it.SetsThread && it.TicketID != 0 && ref != "" {
			return tx.SetTicketThread(ctx, it.TicketID, ref)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("record delivery %d: %w", it.ID, err)
	}
	d.observer.Delivered(it)
	return true, nil
}

// findInterrupted asks the platform whether an attempt the process did not
// live to record went through.
func (d *Deliverer) findInterrupted(ctx context.Context, sender channels.Sender, it ticketing.OutboxItem) (string, bool, error) {
	finder, ok := sender.(channels.Finder)
	if it.InFlightAt.IsZero() || !ok {
		return "", false, nil
	}
	ref, found, err := finder.FindSent(ctx, it)
	if found {
		d.log.Info("interrupted delivery had gone through; recorded, not resent", "id", it.ID, "delivery", it.Delivery, "ref", ref)
	}
	return ref, found, err
}

func (d *Deliverer) ticketThread(ctx context.Context, ticketID int64) (string, error) {
	var thread string
	err := d.store.View(ctx, func(tx ticketing.Tx) error {
		t, err := tx.Ticket(ctx, "", ticketID)
		if err != nil {
			return err
		}
		thread = t.SlackThreadTS
		return nil
	})
	return thread, err
}

// retry schedules the next attempt: after wait when the platform said how
// long, else with exponential backoff. An item that keeps failing is given
// up, but waiting out a rate limit or an outage is not failing: those never
// count toward giving up.
func (d *Deliverer) retry(ctx context.Context, it ticketing.OutboxItem, cause error, wait time.Duration) error {
	now := d.clock.Now()
	var rl *channels.RateLimitError
	mayGiveUp := !errors.As(cause, &rl) && !errors.Is(cause, channels.ErrNotConnected)
	// Refused before anything went out: no need to look it up next time.
	notSent := !mayGiveUp || errors.Is(cause, errThreadNotStarted)
	if wait <= 0 {
		wait = min(time.Second<<min(it.Attempts, 20), maxBackoff)
	}
	d.log.Debug("reply delivery deferred", "id", it.ID, "delivery", it.Delivery, "attempt", it.Attempts+1, "wait", wait, "err", cause)
	return d.store.Update(ctx, func(tx ticketing.Tx) error {
		if mayGiveUp && it.Attempts+1 >= maxAttempts {
			return tx.MarkDead(ctx, it.ID, now, cause.Error())
		}
		if err := tx.MarkFailed(ctx, it.ID, now.Add(wait), cause.Error()); err != nil || !notSent {
			return err
		}
		return tx.ClearInFlight(ctx, []int64{it.ID})
	})
}
