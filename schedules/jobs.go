package schedules

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// DefaultWarnAt are the fractions of a response target at which the focal
// point is pinged when config sets none (sla.warn_at).
var DefaultWarnAt = []float64{0.5, 0.75, 0.9}

// JobsConfig wires the scheduler's jobs.
type JobsConfig struct {
	Store  ticketing.Store
	Engine *Engine // nil means NewEngine(nil)
	Clock  ticketing.Clock
	Log    *slog.Logger

	Clients []ticketing.Client
	// Staff gives names and roles; absence is read from the store at each
	// tick, because /soporte ausente changes it at run time.
	Staff []ticketing.Staff
	// WarnAt are the fractions of the target, each in (0, 1), at which the
	// focal point is pinged; empty means DefaultWarnAt.
	WarnAt []float64
	// Desk is the service desk's channel, alerted on breaches. Staff are
	// reached directly on its platform, so its Platform is set even when
	// no channel is.
	Desk ticketing.Conversation
	// NoticeAfter is the client's silence before the auto-close notice;
	// CloseAfter is counted from the notice to the close. Zero means the
	// router's defaults, 72 h and 48 h.
	NoticeAfter, CloseAfter time.Duration
	// DigestAt is the local clock time of the daily digest; zero means 08:00.
	DigestAt time.Duration
	// SendEmptyDigests sends a digest even to a focal point with nothing
	// open, due or breached; by default none is sent.
	SendEmptyDigests bool
	// OnQueued is called after a commit that queued outbox items, to wake
	// the deliverer. It must not block.
	OnQueued func()
	// Observer hears what the jobs did; nil means nobody listens.
	Observer JobsObserver
	// OnAutoClosed runs in the transaction that auto-closed a ticket, after
	// the client was told; the router asks for a rating there when so
	// configured. Its error rolls the close back, to be retried.
	OnAutoClosed func(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) error
	// Triage is desk.triage_channel, whose card threads get the pings and
	// breaches (never the client's thread); zero: Desk.
	Triage ticketing.Conversation
	// OnTicketChanged runs in the transaction of every ticket step, so the
	// router redraws the ticket's card when what it shows changed. Its
	// error rolls the step back, to be retried.
	OnTicketChanged func(ctx context.Context, tx ticketing.Tx, ticketID int64) error
	// ResolutionTargets flag, in the digest, open tickets past their
	// priority's goal to resolution (sla.resolution_targets); nil flags none.
	ResolutionTargets map[ticketing.Priority]time.Duration
	// DeskLanguage is desk.language, what staff read; zero is es-AR.
	DeskLanguage wording.Language
}

// Jobs are the scheduler's state-driven jobs: the deadline watch, the
// notice-then-close of tickets waiting on the client, the end of a
// requerimiento's testing period and the daily digest. Every decision is
// read from the store at each tick and every notification is recorded with
// the outbox items it queues, so a restart neither loses nor repeats one.
type Jobs struct {
	store    ticketing.Store
	engine   *Engine
	clock    ticketing.Clock
	log      *slog.Logger
	clients  map[string]*ticketing.Client
	staff    map[string]ticketing.Staff
	agents   []string
	warnAt   []float64
	desk     ticketing.Conversation
	notice   time.Duration
	close    time.Duration
	onQueued func()
	observer JobsObserver
	onClosed func(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) error
	// triage and onChanged: see JobsConfig.
	triage    ticketing.Conversation
	onChanged func(ctx context.Context, tx ticketing.Tx, ticketID int64) error
	digests   []*digestGroup
	deskLang  wording.Language
	// sendEmpty sends digests that would list nothing.
	sendEmpty bool
	// resolution are the goals to resolution by priority.
	resolution map[ticketing.Priority]time.Duration

	// mu guards digestDone, a memo of digests known to be recorded so a
	// tick skips the store for them; the store stays the truth.
	mu         sync.Mutex
	digestDone map[string]ticketing.Date
}

const defaultDigestAt = 8 * time.Hour

// NewJobs checks the configuration and builds the jobs.
func NewJobs(cfg JobsConfig) (*Jobs, error) {
	if cfg.Store == nil {
		return nil, errors.New("jobs: no store")
	}
	warnAt, err := checkWarnAt(cfg.WarnAt)
	if err != nil {
		return nil, err
	}
	if end := hoursOf(CoverageCommercial).close; cfg.DigestAt < 0 || cfg.DigestAt >= end {
		return nil, fmt.Errorf("jobs: digest time %s is not a clock time before the end of commercial hours (%s)", cfg.DigestAt, end)
	}
	if cfg.Engine == nil {
		cfg.Engine = NewEngine(nil)
	}
	if cfg.Clock == nil {
		cfg.Clock = ticketing.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.NoticeAfter <= 0 {
		cfg.NoticeAfter = ticketing.DefaultNoticeAfter
	}
	if cfg.CloseAfter <= 0 {
		cfg.CloseAfter = ticketing.DefaultCloseAfter
	}
	if cfg.DigestAt == 0 {
		cfg.DigestAt = defaultDigestAt
	}
	if cfg.OnQueued == nil {
		cfg.OnQueued = func() {}
	}
	if cfg.Observer == nil {
		cfg.Observer = NopJobsObserver{}
	}
	j := &Jobs{
		store: cfg.Store, engine: cfg.Engine, clock: cfg.Clock, log: cfg.Log,
		clients: map[string]*ticketing.Client{}, staff: map[string]ticketing.Staff{},
		warnAt: warnAt, desk: cfg.Desk, notice: cfg.NoticeAfter, close: cfg.CloseAfter,
		onQueued: cfg.OnQueued, observer: cfg.Observer, onClosed: cfg.OnAutoClosed, digestDone: map[string]ticketing.Date{},
		deskLang: cfg.DeskLanguage, triage: cfg.Triage, onChanged: cfg.OnTicketChanged,
	}
	if j.triage.IsZero() {
		j.triage = cfg.Desk
	}
	for i := range cfg.Clients {
		c := cfg.Clients[i]
		if c.Location == nil {
			c.Location = time.UTC
		}
		j.clients[c.ID] = &c
	}
	for _, s := range cfg.Staff {
		j.staff[s.ID] = s
	}
	j.agents = ticketing.AgentIDs(cfg.Staff)
	j.digests = digestGroups(cfg.Clients, cfg.DigestAt)
	j.sendEmpty = cfg.SendEmptyDigests
	j.resolution = maps.Clone(cfg.ResolutionTargets)
	return j, nil
}

func checkWarnAt(in []float64) ([]float64, error) {
	if len(in) == 0 {
		return slices.Clone(DefaultWarnAt), nil
	}
	out := slices.Clone(in)
	for _, w := range out {
		if !(w > 0 && w < 1) {
			return nil, fmt.Errorf("jobs: warning threshold %v is not a fraction of the target between 0 and 1", w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Tick does, once, all the work due at Clock.Now(): it is what the cron
// schedule runs every minute, and what tests call directly.
func (j *Jobs) Tick(ctx context.Context) error {
	// The store keeps instants to the millisecond; working at that precision
	// makes an instant computed now equal the same instant read back later.
	now := j.clock.Now().Truncate(time.Millisecond)
	return errors.Join(j.runDue(ctx, now), j.runDigests(ctx, now))
}

// dueBatch bounds one read of due tickets; a tick reads again while a batch
// comes back full.
const dueBatch = 200

// retryAfter is when a ticket whose step failed is looked at again, so one
// bad ticket neither spins a tick nor starves the others of their turn.
const retryAfter = time.Minute

// runDue steps every ticket whose next action is due, found through the
// next-action index so the cost follows the work due, not the backlog.
func (j *Jobs) runDue(ctx context.Context, now time.Time) error {
	tried := map[int64]bool{}
	var errs []error
	for {
		var due []*ticketing.Ticket
		err := j.store.View(ctx, func(tx ticketing.Tx) error {
			var err error
			due, err = tx.DueTickets(ctx, now, dueBatch)
			return err
		})
		if err != nil {
			return errors.Join(append(errs, fmt.Errorf("read due tickets: %w", err))...)
		}
		fresh := 0
		for _, t := range due {
			if tried[t.ID] {
				continue
			}
			tried[t.ID], fresh = true, fresh+1
			if err := j.stepTicket(ctx, t.ID, now); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				j.log.Error("scheduler step failed; retrying later", "ticket", t.ID, "err", err)
				errs = append(errs, fmt.Errorf("ticket %d: %w", t.ID, err))
				j.postpone(ctx, t.ID, now.Add(retryAfter))
			}
		}
		if len(due) < dueBatch || fresh == 0 {
			return errors.Join(errs...)
		}
	}
}

// postpone moves a failed ticket's next action on; if even that fails the
// ticket is simply retried at the next tick.
func (j *Jobs) postpone(ctx context.Context, id int64, at time.Time) {
	err := j.store.Update(ctx, func(tx ticketing.Tx) error {
		t, err := tx.Ticket(ctx, "", id)
		if err != nil {
			return err
		}
		t.NextActionAt = at
		return tx.UpdateTicket(ctx, t)
	})
	if err != nil {
		j.log.Warn("could not postpone ticket after a failed step", "ticket", id, "err", err)
	}
}

// stepTicket does one ticket's due work in one transaction: what it
// notifies, the records that make each notification happen once, the
// ticket's change and its next action all commit together.
func (j *Jobs) stepTicket(ctx context.Context, id int64, now time.Time) error {
	return ticketing.UpdateThen(ctx, j.store, func(tx ticketing.Tx, after *ticketing.AfterCommit) error {
		t, err := tx.Ticket(ctx, "", id)
		if err != nil {
			return err
		}
		// The list was read outside this transaction: the router may have
		// moved the ticket on since.
		if t.NextActionAt.IsZero() || t.NextActionAt.After(now) {
			return nil
		}
		c, ok := j.clients[t.ClientID]
		if !ok {
			j.log.Warn("ticket of a client no longer configured; nothing scheduled for it", "ticket", t.ID, "client", t.ClientID)
			t.NextActionAt = time.Time{}
			return tx.UpdateTicket(ctx, t)
		}
		s := &step{j: j, ctx: ctx, tx: tx, t: t, c: c, cal: j.engine.Calendar(*c, t.Kind), now: now, after: after}
		next, err := s.run()
		if err != nil {
			return err
		}
		if s.queued {
			after.Then(j.onQueued)
		}
		t.NextActionAt = next
		if err := tx.UpdateTicket(ctx, t); err != nil {
			return err
		}
		if j.onChanged == nil {
			return nil
		}
		return j.onChanged(ctx, tx, t.ID)
	})
}

// step is one ticket's pass inside its transaction.
type step struct {
	j   *Jobs
	ctx context.Context
	tx  ticketing.Tx
	t   *ticketing.Ticket
	c   *ticketing.Client
	cal *Calendar
	now time.Time

	queued bool
	// after runs once the transaction committed: observers must not hear
	// of a change that was rolled back.
	after *ticketing.AfterCommit
}

// run does what is due and returns the ticket's next real event.
func (s *step) run() (time.Time, error) {
	t := s.t
	if t.Status == ticketing.StatusCerrado {
		return time.Time{}, nil
	}
	if !t.Responded() {
		return s.watch()
	}
	var next time.Time
	var err error
	switch {
	case t.Status.WaitingOnClient():
		next, err = s.waitOnClient()
	case t.Kind == ticketing.KindRequerimiento && t.Status == ticketing.StatusEntregado:
		next, err = s.testingPeriod()
	default:
		// A wait on the client that ended by a path that did not clear it.
		t.WaitingSince = time.Time{}
	}
	if err != nil || !t.AwaitingAnswer() || !t.Status.Open() {
		return next, err
	}
	answer, err := s.watchDeadline(s.nextDeadline())
	return earliest(next, answer), err
}

// earliest is the sooner of two instants, a zero one meaning none.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// closeGrace lets work that fell due in the last minutes of a working day
// go out at closing time, e.g. a deadline at 19:00 or a tick that ran late.
const closeGrace = 5 * time.Minute

// attended reports whether people may be notified now: only while the
// ticket's calendar is open, so nobody is woken at 03:00 for a ticket on
// commercial hours.
func (s *step) attended() bool {
	return s.cal.IsOpen(s.now) || s.cal.IsOpen(s.now.Add(-closeGrace))
}

// deferred is when work found outside attended hours is done: the next
// opening.
func (s *step) deferred() time.Time {
	next := s.cal.NextOpening(s.now)
	if next.IsZero() {
		s.j.log.Error("calendar never opens; ticket left unscheduled", "ticket", s.t.ID, "client", s.c.ID)
	}
	return next
}
