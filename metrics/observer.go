package metrics

import (
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/ticketing"
)

var (
	_ bot.Observer         = (*Metrics)(nil)
	_ bot.DeliveryObserver = (*Metrics)(nil)
)

// Inbound counts an event as it arrives, duplicates included: the
// duplicate counter tells how many of them were redeliveries.
func (m *Metrics) Inbound(in channels.Inbound) {
	m.inbound.WithLabelValues(string(in.Platform), string(in.Kind)).Inc()
}

// Committed carries no figure of its own; every change it marks is counted
// by the more specific calls.
func (m *Metrics) Committed() {}

func (m *Metrics) TicketOpened(t *ticketing.Ticket) {
	if t == nil {
		return
	}
	m.ticketsOpened.WithLabelValues(t.ClientID, string(t.Kind), string(t.Priority)).Inc()
}

func (m *Metrics) CriticalRefused(clientID string) {
	m.criticalRefusals.WithLabelValues(clientID).Inc()
}

// FirstResponse records how long the client waited and whether the target
// was met; the wait is wall-clock time, what the client lived through, while
// the met/missed verdict follows the attended-hours deadline.
func (m *Metrics) FirstResponse(t *ticketing.Ticket, after time.Duration) {
	if t == nil {
		return
	}
	p := string(t.Priority)
	m.firstResponse.WithLabelValues(p).Observe(max(after, 0).Seconds())
	result := "missed"
	if t.SLAMet() {
		result = "met"
	}
	m.firstResponses.WithLabelValues(p, result).Inc()
}

func (m *Metrics) Duplicate(platform channels.Platform) {
	m.duplicates.WithLabelValues(string(platform)).Inc()
}

func (m *Metrics) Delivered(item ticketing.OutboxItem) {
	m.delivered.WithLabelValues(platformOf(item)).Inc()
}

func (m *Metrics) DeliveryFailed(item ticketing.OutboxItem, _ error) {
	m.deliveryFailures.WithLabelValues(platformOf(item)).Inc()
}

// platformOf labels deliveries by platform alone: an operator asks whether
// Slack is failing, not whether ephemeral posts are.
func platformOf(item ticketing.OutboxItem) string { return string(item.To.Platform) }
