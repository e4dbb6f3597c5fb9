package schedules

import (
	"maps"
	"time"

	"supportbot/ticketing"
)

// Engine computes response deadlines from the configured targets. It is
// safe for concurrent use.
type Engine struct {
	targets map[ticketing.Priority]ticketing.Target
	// next are the next-response targets; nil uses targets, and nextOff
	// starts no next-response clock at all.
	next    map[ticketing.Priority]ticketing.Target
	nextOff bool
}

// NextResponsePolicy is config's sla.next_response: Off starts no clock;
// Targets override the response targets for the priorities they name.
type NextResponsePolicy struct {
	Off     bool
	Targets map[ticketing.Priority]ticketing.Target
}

// WithNextResponse is a copy of e timing next responses by p.
func (e *Engine) WithNextResponse(p NextResponsePolicy) *Engine {
	c := &Engine{targets: e.targets, nextOff: p.Off}
	if len(p.Targets) > 0 {
		c.next = maps.Clone(e.targets)
		maps.Copy(c.next, p.Targets)
	}
	return c
}

// NextResponseDeadline is the next-response clock of a client message
// received at: the same deadline engine as the first response, with the
// next-response target. ok is false when next responses are off.
func (e *Engine) NextResponseDeadline(client ticketing.Client, kind ticketing.Kind, priority ticketing.Priority, at time.Time) (clockStart, due time.Time, ok bool) {
	if e.nextOff {
		return time.Time{}, time.Time{}, false
	}
	next := e
	if e.next != nil {
		next = &Engine{targets: e.next}
	}
	clockStart, due = next.deadline(CalendarFor(client, kind), kind, priority, at)
	return clockStart, due, !clockStart.IsZero()
}

// NewEngine uses targets over ticketing.DefaultTargets(): a priority missing
// from targets keeps its default, and nil means all defaults.
func NewEngine(targets map[ticketing.Priority]ticketing.Target) *Engine {
	m := ticketing.DefaultTargets()
	maps.Copy(m, targets)
	return &Engine{targets: m}
}

// EffectivePriority is the priority a ticket is timed with: a critical
// incident is always critica.
func EffectivePriority(kind ticketing.Kind, p ticketing.Priority) ticketing.Priority {
	if kind == ticketing.KindIncidenteCritico {
		return ticketing.PriorityCritica
	}
	return p
}

// Target is the response target for a ticket of kind and priority; an empty
// or unknown priority gets media's.
func (e *Engine) Target(kind ticketing.Kind, p ticketing.Priority) ticketing.Target {
	if t, ok := e.targets[EffectivePriority(kind, p)]; ok {
		return t
	}
	return e.targets[ticketing.PriorityMedia]
}

// Calendar is the calendar a ticket of kind runs on for client.
func (e *Engine) Calendar(client ticketing.Client, kind ticketing.Kind) *Calendar {
	return CalendarFor(client, kind)
}

// Deadline is when the ticket's clock starts (receivedAt if attended then,
// else the next opening) and when its first response is due, both in the
// client's location. Hour targets count attended time; day targets land on
// the clock start's local time on the Nth next working day.
func (e *Engine) Deadline(client ticketing.Client, kind ticketing.Kind, priority ticketing.Priority, receivedAt time.Time) (clockStart, due time.Time) {
	return e.deadline(CalendarFor(client, kind), kind, priority, receivedAt)
}

func (e *Engine) deadline(c *Calendar, kind ticketing.Kind, priority ticketing.Priority, receivedAt time.Time) (clockStart, due time.Time) {
	clockStart = c.NextOpening(receivedAt)
	if clockStart.IsZero() {
		return clockStart, clockStart
	}
	t := e.Target(kind, priority)
	if t.BusinessDays > 0 {
		return clockStart, c.AddWorkingDays(clockStart, t.BusinessDays)
	}
	return clockStart, c.Add(clockStart, t.OpenTime)
}

// IsOpen reports whether a ticket of kind is attended for client at t.
func (e *Engine) IsOpen(client ticketing.Client, kind ticketing.Kind, at time.Time) bool {
	return CalendarFor(client, kind).IsOpen(at)
}

// NextOpening is at itself if attended, else when attention next starts.
func (e *Engine) NextOpening(client ticketing.Client, kind ticketing.Kind, at time.Time) time.Time {
	return CalendarFor(client, kind).NextOpening(at)
}

// Elapsed is the fraction of the target used at instant at, measured in
// attended time between clock start and due: 0 up to the clock start, 1 at
// the due time, and past 1 once overdue (1.5 is half a target late), so a
// scheduler compares it with its warning thresholds and with 1 for a breach.
// A zero target is wholly used from its clock start.
func (e *Engine) Elapsed(client ticketing.Client, kind ticketing.Kind, priority ticketing.Priority, receivedAt, at time.Time) float64 {
	c := CalendarFor(client, kind)
	start, due := e.deadline(c, kind, priority, receivedAt)
	if !at.After(start) {
		return 0
	}
	total := c.OpenTimeBetween(start, due)
	if total <= 0 {
		return 1
	}
	return float64(c.OpenTimeBetween(start, at)) / float64(total)
}

// OpenTimeBetween is the attended time between from and to for a ticket of
// kind, for reports.
func (e *Engine) OpenTimeBetween(client ticketing.Client, kind ticketing.Kind, from, to time.Time) time.Duration {
	return CalendarFor(client, kind).OpenTimeBetween(from, to)
}
