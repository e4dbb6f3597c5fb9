package metrics

import (
	"strconv"

	"supportbot/schedules"
	"supportbot/ticketing"
)

var _ schedules.JobsObserver = (*Metrics)(nil)

// PingSent counts a reminder to the focal point at a fraction of the target
// (0.5, 0.75, 0.9 by default).
func (m *Metrics) PingSent(_ *ticketing.Ticket, threshold float64) {
	m.pings.WithLabelValues(strconv.FormatFloat(threshold, 'f', -1, 64)).Inc()
}

// Breached counts a deadline that passed with no staff response. The same
// ticket is counted again as missed when its late first response comes.
func (m *Metrics) Breached(t *ticketing.Ticket) {
	if t == nil {
		return
	}
	m.breaches.WithLabelValues(string(t.Priority)).Inc()
}

// AutoClosed counts a ticket closed after notice for lack of a client reply.
func (m *Metrics) AutoClosed(t *ticketing.Ticket) {
	if t == nil {
		return
	}
	m.autoClosed.WithLabelValues(t.ClientID).Inc()
}

// DigestSent counts a daily digest sent to one member of the support team.
func (m *Metrics) DigestSent(staffID string) {
	m.digests.WithLabelValues(staffID).Inc()
}
