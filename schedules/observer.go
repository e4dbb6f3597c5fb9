package schedules

import "supportbot/ticketing"

// JobsObserver hears what the jobs did, for metrics and the demo's
// transcript. Calls come after the change committed and must not block.
type JobsObserver interface {
	// PingSent: a warning at threshold (a fraction of the target) was queued.
	PingSent(t *ticketing.Ticket, threshold float64)
	// Breached: the deadline passed with no first response; escalated.
	Breached(t *ticketing.Ticket)
	// AutoClosed: closed for the client's silence after notice, or a
	// requerimiento accepted at the end of its testing period.
	AutoClosed(t *ticketing.Ticket)
	// DigestSent: a focal point's daily digest was queued.
	DigestSent(staffID string)
}

// NopJobsObserver hears nothing.
type NopJobsObserver struct{}

func (NopJobsObserver) PingSent(*ticketing.Ticket, float64) {}
func (NopJobsObserver) Breached(*ticketing.Ticket)          {}
func (NopJobsObserver) AutoClosed(*ticketing.Ticket)        {}
func (NopJobsObserver) DigestSent(string)                   {}
