package ticketing

import "time"

// NextResponse is one next-response clock: a client message that, after
// the first response, waited for a staff answer. A ticket has at most one
// unanswered at a time (the store enforces it): further client messages
// before the answer join the clock the first of them started.
type NextResponse struct {
	TicketID   int64
	ClientID   string
	Priority   Priority
	Since      time.Time
	ClockStart time.Time
	DueAt      time.Time
	// AnsweredAt and AnsweredBy are zero while no staff answer came.
	AnsweredAt time.Time
	AnsweredBy string
}

// Answered reports whether staff answered the waiting message.
func (n NextResponse) Answered() bool { return !n.AnsweredAt.IsZero() }

// Met reports whether the answer came by the due time.
func (n NextResponse) Met() bool { return n.Answered() && !n.AnsweredAt.After(n.DueAt) }

// Resolution is a resolved ticket's time to resolution: the attended time
// (open measures it) from its clock start to its resolution, less the time
// it spent waiting on the client. ok is false for a ticket not resolved.
func (t *Ticket) Resolution(open func(from, to time.Time) time.Duration) (d time.Duration, ok bool) {
	if t.ResolvedAt.IsZero() || t.ClockStart.IsZero() {
		return 0, false
	}
	if !t.ResolvedAt.After(t.ClockStart) {
		return 0, true
	}
	return max(open(t.ClockStart, t.ResolvedAt)-t.PausedFor, 0), true
}
