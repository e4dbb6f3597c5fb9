package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// errThreadNotStarted is why a reply to a ticket's thread is given up when
// the thread's root post never went out.
var errThreadNotStarted = errors.New("the ticket's thread was never started: its first post was given up")

// Delivery tuning.
const (
	// maxFailures failed attempts give a reply up; rate limits and outages
	// do not count.
	maxFailures        = 30
	maxBackoff         = 5 * time.Minute
	defaultInterval    = time.Second
	defaultSendTimeout = 20 * time.Second
	defaultParallel    = 8
	// recordTimeout bounds writing down an attempt's outcome, which must
	// happen even when the attempt itself ran out of time.
	recordTimeout = 5 * time.Second
	// fileSendTimeout bounds an attempt that carries a file: a 100 MB
	// download and upload take minutes on an ordinary uplink.
	fileSendTimeout = 10 * time.Minute
)

// DeliveryObserver hears about deliveries, for metrics.
type DeliveryObserver interface {
	Delivered(item ticketing.OutboxItem)
	DeliveryFailed(item ticketing.OutboxItem, err error)
}

type nopDeliveryObserver struct{}

func (nopDeliveryObserver) Delivered(ticketing.OutboxItem)             {}
func (nopDeliveryObserver) DeliveryFailed(ticketing.OutboxItem, error) {}

// Deliverer sends what the outbox owes. The store hands out only the first
// owed item of each conversation (thread, chat, DM), so a conversation gets
// its replies in the order they were queued, whatever fails and across
// restarts. Conversations are delivered side by side, each by one worker
// at a time, so one slow or hanging call holds up only its own.
//
// Each item is marked sent in its own transaction right after the platform
// accepted it, so after a crash unsent replies go out and sent ones are not
// repeated (a crash in the instant between the platform's answer and the
// commit is the one window in which a reply can be sent twice; Slack posts
// are looked up before they are sent again).
type Deliverer struct {
	store       ticketing.Store
	clock       ticketing.Clock
	senders     map[ticketing.Platform]channels.Sender
	log         *slog.Logger
	observer    DeliveryObserver
	sendTimeout time.Duration
	parallel    int
	wake        chan struct{}
	deskLang    wording.Language
	onThread    func(ctx context.Context, tx ticketing.Tx, ticketID int64) error
	limits      limits
}

// DelivererConfig wires a Deliverer.
type DelivererConfig struct {
	Store ticketing.Store
	Clock ticketing.Clock
	// Senders deliver each platform's items, registered by platform: a
	// platform without one (or with a nil one) keeps its items queued, as
	// if its link were down, so none is lost before it is wired.
	Senders  map[ticketing.Platform]channels.Sender
	Log      *slog.Logger
	Observer DeliveryObserver
	// SendTimeout bounds one attempt (20 s when zero); an attempt that runs
	// out of time is a failure like any other.
	SendTimeout time.Duration
	// Parallel is how many conversations are delivered at once (8 when zero).
	Parallel int
	// DeskLanguage is desk.language, for the notes staff get about a file
	// that did not get through; zero is es-AR. It takes a restart to change.
	DeskLanguage wording.Language
	// OnThreadStarted, if set, runs in the transaction that records a
	// ticket's thread (a mirror's root post went out), so the ticket's card
	// can link to it.
	OnThreadStarted func(ctx context.Context, tx ticketing.Tx, ticketID int64) error
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
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = defaultSendTimeout
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = defaultParallel
	}
	return &Deliverer{store: cfg.Store, clock: cfg.Clock, senders: maps.Clone(cfg.Senders), log: cfg.Log,
		observer: cfg.Observer, sendTimeout: cfg.SendTimeout, parallel: cfg.Parallel, wake: make(chan struct{}, 1),
		deskLang: cfg.DeskLanguage, onThread: cfg.OnThreadStarted}
}

// Wake asks for a delivery pass now; it never blocks.
func (d *Deliverer) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run delivers until ctx ends: on every Wake, when the soonest owed item
// falls due, and at least every interval. Sends under way when ctx ends
// are finished first (each within its timeout).
func (d *Deliverer) Run(ctx context.Context, interval time.Duration) error {
	if interval <= 0 {
		interval = defaultInterval
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	sleep := time.NewTimer(interval)
	defer sleep.Stop()
	for {
		wait := interval
		if _, err := d.pass(ctx, tick.C); err != nil && ctx.Err() == nil {
			d.log.Error("outbox pass failed", "err", err)
		} else if ctx.Err() == nil {
			wait = d.nextWait(ctx, interval)
		}
		sleep.Reset(wait)
		select {
		case <-ctx.Done():
			return nil
		case <-d.wake:
		case <-sleep.C:
		}
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

// DeliverDue delivers what is due until nothing more is, and reports how
// many items it sent. It returns once its workers are done.
func (d *Deliverer) DeliverDue(ctx context.Context) (int, error) {
	return d.pass(ctx, nil)
}

// outcome is what a worker reports when its attempt is over.
type outcome struct {
	conversation string
	sent         bool
	err          error
}

// pass keeps up to d.parallel workers busy, one per conversation, looking
// for due items again whenever a worker finishes, on Wake and on tick. It
// ends when no worker is busy and nothing more is due; once ctx ends it
// starts nothing new and waits for the workers under way.
func (d *Deliverer) pass(ctx context.Context, tick <-chan time.Time) (int, error) {
	busy := map[string]bool{}
	done := make(chan outcome)
	stop, stopped := ctx.Done(), false
	var errs []error
	sent := 0
	look := true
	for {
		if look && !stopped && ctx.Err() == nil && len(errs) == 0 {
			if err := d.start(ctx, busy, done); err != nil {
				errs = append(errs, err)
			}
		}
		look = false
		if len(busy) == 0 {
			return sent, errors.Join(errs...)
		}
		settle := func(o outcome) {
			delete(busy, o.conversation)
			if o.sent {
				sent++
			}
			if o.err != nil {
				errs = append(errs, o.err)
			}
			look = true
		}
		select {
		case o := <-done:
			settle(o)
		case <-d.wake:
			look = true
		case <-tick:
			look = true
		case <-stop:
			stop, stopped = nil, true
		}
		// What else finished or was queued meanwhile is taken in before
		// looking again: under load a burst of them costs one read.
	more:
		for {
			select {
			case o := <-done:
				settle(o)
			case <-d.wake:
				look = true
			default:
				break more
			}
		}
	}
}

// start hands the due heads of idle conversations to new workers. Each busy
// conversation holds at most one due head, so d.parallel heads are enough
// to fill every free slot.
func (d *Deliverer) start(ctx context.Context, busy map[string]bool, done chan<- outcome) error {
	if len(busy) >= d.parallel {
		return nil
	}
	// Items held back for a rate limit leave the due ones, so looking
	// again finds others; a few looks bound the work of one call.
	for range maxLooks {
		var items []ticketing.OutboxItem
		err := d.store.View(ctx, func(tx ticketing.Tx) error {
			var err error
			items, err = tx.DueOutbox(ctx, d.clock.Now(), d.parallel)
			return err
		})
		if err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		items = slices.DeleteFunc(items, func(it ticketing.OutboxItem) bool { return busy[it.Conversation] })
		items, held, err := d.hold(ctx, items)
		if err != nil {
			return err
		}
		for _, it := range items {
			if len(busy) >= d.parallel {
				break
			}
			if busy[it.Conversation] {
				continue
			}
			busy[it.Conversation] = true
			go func() {
				sent, err := d.attempt(ctx, it)
				done <- outcome{conversation: it.Conversation, sent: sent, err: err}
			}()
		}
		if held == 0 || len(busy) >= d.parallel {
			return nil
		}
	}
	return nil
}

// maxLooks bounds the reads of one start.
const maxLooks = 4

func (d *Deliverer) senderFor(it ticketing.OutboxItem) channels.Sender {
	return d.senders[it.To.Platform]
}

// attempt tries one item once and records the outcome; true means it was
// delivered, an error that the outcome could not be recorded.
func (d *Deliverer) attempt(ctx context.Context, it ticketing.OutboxItem) (bool, error) {
	// An earlier attempt the process did not live to record may have gone out.
	uncertain := !it.InFlightAt.IsZero()
	sender := d.senderFor(it)
	if sender == nil {
		return false, d.retry(ctx, it, channels.ErrNotConnected, 0, uncertain)
	}
	if it.Card != ticketing.CardNone {
		placed, err := d.placeOnCard(ctx, it)
		if errors.Is(err, errCardNotPosted) {
			return false, d.giveUp(ctx, it, err)
		}
		if err != nil {
			return false, err
		}
		it = placed
	}
	if it.InDeskThread {
		thread, err := d.ticketThread(ctx, it.TicketID)
		if err != nil && !errors.Is(err, ticketing.ErrNotFound) {
			return false, err
		}
		if thread == "" {
			// The root post goes before its replies, so it will not come:
			// posting at the top level instead would break the thread.
			return false, d.giveUp(ctx, it, errThreadNotStarted)
		}
		it.To.Thread, it.InDeskThread = thread, false
	}
	// Stamped before the send, so after a crash the next attempt knows it
	// may have gone out.
	err := d.store.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkInFlight(ctx, []int64{it.ID}, d.clock.Now()) })
	if err != nil {
		return false, fmt.Errorf("mark outbox %d in flight: %w", it.ID, err)
	}
	// A send under way is finished even at shutdown: abandoning it after
	// the platform got it would leave it owed, and sent twice later.
	timeout := d.sendTimeout
	if it.File != nil {
		timeout = max(timeout, fileSendTimeout)
	}
	sendCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	ref, found, err := d.findInterrupted(sendCtx, sender, it)
	if err != nil {
		return false, d.retry(ctx, it, err, 0, true)
	}
	if !found {
		ref, err = sender.Send(sendCtx, it)
	}
	if err != nil {
		return false, d.failed(ctx, it, err)
	}
	return true, d.delivered(ctx, it, ref)
}

// failed records a send the platform did not accept.
func (d *Deliverer) failed(ctx context.Context, it ticketing.OutboxItem, err error) error {
	d.observer.DeliveryFailed(it, err)
	var rl *channels.RateLimitError
	var perm *channels.PermanentError
	switch {
	case errors.As(err, &rl):
		d.limits.limited(it, d.clock.Now().Add(rl.RetryAfter))
		return d.retry(ctx, it, err, rl.RetryAfter, false)
	case errors.Is(err, channels.ErrNotConnected):
		return d.retry(ctx, it, err, 0, false)
	case errors.As(err, &perm):
		return d.giveUp(ctx, it, err)
	}
	// No answer, or an error after the request left (a timeout, a 500):
	// the reply may have gone out.
	return d.retry(ctx, it, err, 0, true)
}

func (d *Deliverer) delivered(ctx context.Context, it ticketing.OutboxItem, ref string) error {
	ctx, cancel := recordContext(ctx)
	defer cancel()
	err := d.store.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.MarkSent(ctx, it.ID, d.clock.Now(), ref); err != nil {
			return err
		}
		if it.SetsThread && it.TicketID != 0 && ref != "" {
			if err := tx.SetTicketThread(ctx, it.TicketID, ref); err != nil || d.onThread == nil {
				return err
			}
			return d.onThread(ctx, tx, it.TicketID)
		}
		if it.Card == ticketing.CardPost && it.TicketID != 0 && ref != "" {
			return tx.SetCardRef(ctx, it.TicketID, ref)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record delivery %d: %w", it.ID, err)
	}
	d.observer.Delivered(it)
	return nil
}

// recordContext is for writing down an attempt's outcome: it outlives both
// the attempt's timeout and shutdown, briefly.
func recordContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
}

// giveUp takes an item out of the queue for good, with the reason; the
// conversation's next item becomes due.
func (d *Deliverer) giveUp(ctx context.Context, it ticketing.OutboxItem, cause error) error {
	d.log.Warn("reply given up", "id", it.ID, "route", it.Route(), "target", it.To.Address, "ticket", it.TicketID,
		"attempts", it.Attempts+1, "err", cause)
	ctx, cancel := recordContext(ctx)
	defer cancel()
	if err := d.store.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.MarkDead(ctx, it.ID, d.clock.Now(), cause.Error()); err != nil {
			return err
		}
		return d.tellFileLost(ctx, tx, it, cause)
	}); err != nil {
		return fmt.Errorf("give up outbox %d: %w", it.ID, err)
	}
	return nil
}

// tellFileLost tells a ticket's thread that a file could not be relayed
// (too large once fetched, expired at its source, refused), so staff share
// it another way; a text lost is the log's business alone.
func (d *Deliverer) tellFileLost(ctx context.Context, tx ticketing.Tx, it ticketing.OutboxItem, cause error) error {
	if it.File == nil || it.TicketID == 0 {
		return nil
	}
	t, err := tx.Ticket(ctx, "", it.TicketID)
	if errors.Is(err, ticketing.ErrNotFound) || err == nil && t.Desk.IsZero() {
		return nil
	}
	if err != nil {
		return err
	}
	l := d.deskLang
	why := l.Say("file.undelivered.fetch")
	if errors.Is(cause, channels.ErrFileTooLarge) {
		why = l.Say("file.undelivered.size")
	}
	now := d.clock.Now()
	note := ticketing.OutboxItem{To: t.Desk, Mode: ticketing.ModePost, InDeskThread: t.Desk.Thread == "", TicketID: t.ID,
		Text:      l.Say("file.undelivered", fileLabel(l, *it.File), why),
		CreatedAt: now, NextAttemptAt: now}
	// Staff are told on the desk's side: the ticket's card thread.
	card, err := tx.TicketCard(ctx, t.ID)
	if err != nil && !errors.Is(err, ticketing.ErrNotFound) {
		return err
	}
	if card.Channel != "" {
		note.To, note.InDeskThread, note.Card = ticketing.Conversation{Platform: t.Desk.Platform, Address: card.Channel}, false, ticketing.CardThread
	}
	if err := tx.Enqueue(ctx, &note); err != nil && !errors.Is(err, ticketing.ErrDuplicate) {
		return err
	}
	return nil
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
		d.log.Info("interrupted delivery had gone through; recorded, not resent", "id", it.ID, "route", it.Route(), "ref", ref)
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
		thread = t.Desk.Thread
		return nil
	})
	return thread, err
}

// retry schedules the next attempt: after wait when the platform said how
// long, else with exponential backoff. An item that keeps failing is given
// up, but waiting out a rate limit or an outage is not failing: those never
// count toward giving up. mayHaveSent keeps the in-flight stamp, so the next
// attempt looks for this one before sending again.
func (d *Deliverer) retry(ctx context.Context, it ticketing.OutboxItem, cause error, wait time.Duration, mayHaveSent bool) error {
	var rl *channels.RateLimitError
	deferred := errors.As(cause, &rl) || errors.Is(cause, channels.ErrNotConnected)
	if !deferred && it.Failures+1 >= maxFailures {
		return d.giveUp(ctx, it, cause)
	}
	if wait <= 0 {
		n := it.Failures
		if deferred {
			n = it.Attempts
		}
		wait = min(time.Second<<min(n, 20), maxBackoff)
	}
	next := d.clock.Now().Add(wait)
	d.log.Debug("reply delivery deferred", "id", it.ID, "route", it.Route(), "attempt", it.Attempts+1, "wait", wait, "err", cause)
	ctx, cancel := recordContext(ctx)
	defer cancel()
	err := d.store.Update(ctx, func(tx ticketing.Tx) error {
		mark := tx.MarkFailed
		if deferred {
			mark = tx.MarkDeferred
		}
		if err := mark(ctx, it.ID, next, cause.Error()); err != nil || mayHaveSent {
			return err
		}
		return tx.ClearInFlight(ctx, []int64{it.ID})
	})
	if err != nil {
		return fmt.Errorf("record failed delivery %d: %w", it.ID, err)
	}
	return nil
}
