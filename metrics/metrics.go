// Package metrics exposes what the bot does as Prometheus series. It keeps
// its own registry, so tests and a second instance in one process never
// collide on the global one.
package metrics

import (
	"context"
	"log/slog"
	"math"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"supportbot/channels"
	"supportbot/ticketing"
)

const namespace = "supportbot"

// backlogTimeout bounds the store query behind each scrape, so a locked
// store slows a scrape down instead of hanging it.
const backlogTimeout = 2 * time.Second

// FirstResponseBuckets run from one minute to three days: below a minute is
// the bot, not a person, and past three days is the 4-business-day target
// running over a weekend.
var FirstResponseBuckets = []float64{
	60, 5 * 60, 15 * 60, 30 * 60,
	3600, 2 * 3600, 4 * 3600, 8 * 3600,
	24 * 3600, 2 * 24 * 3600, 3 * 24 * 3600,
}

// Metrics holds every series the bot exports. It is safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry
	log *slog.Logger

	inbound          *prometheus.CounterVec
	duplicates       *prometheus.CounterVec
	ticketsOpened    *prometheus.CounterVec
	criticalRefusals *prometheus.CounterVec
	firstResponse    *prometheus.HistogramVec
	firstResponses   *prometheus.CounterVec
	breaches         *prometheus.CounterVec
	pings            *prometheus.CounterVec
	autoClosed       *prometheus.CounterVec
	digests          *prometheus.CounterVec
	delivered        *prometheus.CounterVec
	deliveryFailures *prometheus.CounterVec
	whatsAppLinked   prometheus.Gauge
	slackConnected   prometheus.Gauge
	role             *prometheus.GaugeVec
}

// New registers every series on a fresh registry. backlog, if not nil, is
// asked for the number of undelivered replies at each scrape.
func New(backlog func(ctx context.Context) (int, error)) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry(), log: slog.Default()}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, labels)
		m.reg.MustRegister(c)
		return c
	}
	gauge := func(name, help string) prometheus.Gauge {
		g := prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: name, Help: help})
		m.reg.MustRegister(g)
		return g
	}

	m.inbound = counter("inbound_events_total", "Events received from chat platforms, by platform and kind.", "platform", "kind")
	m.duplicates = counter("duplicate_events_total", "Redelivered events recognised and ignored, by platform.", "platform")
	m.ticketsOpened = counter("tickets_opened_total", "Tickets opened, by client, kind and priority.", "client", "kind", "priority")
	m.criticalRefusals = counter("critical_refusals_total", "Critical incidents sent to the Service Desk instead of opening a chat ticket, by client.", "client")
	m.firstResponse = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Name: "first_response_seconds",
		Help:    "Wall-clock time from the client's message to the first staff response, by priority.",
		Buckets: FirstResponseBuckets,
	}, []string{"priority"})
	m.reg.MustRegister(m.firstResponse)
	m.firstResponses = counter("first_responses_total", "First staff responses, by priority and whether they met the target (sla=met|missed).", "priority", "sla")
	m.breaches = counter("sla_breaches_total", "Response deadlines that passed with no staff response, by priority.", "priority")
	m.pings = counter("sla_pings_total", "Reminders sent to focal points before a deadline, by fraction of the target used.", "threshold")
	m.autoClosed = counter("tickets_autoclosed_total", "Tickets closed after notice for lack of a client reply, by client.", "client")
	m.digests = counter("digests_sent_total", "Daily digests sent to support staff, by staff member.", "staff")
	m.delivered = counter("outbox_delivered_total", "Owed replies delivered, by platform.", "platform")
	m.deliveryFailures = counter("outbox_delivery_failures_total", "Failed delivery attempts of owed replies, by platform.", "platform")
	m.whatsAppLinked = gauge("whatsapp_linked", "1 while the bot's WhatsApp number is linked and connected.")
	m.slackConnected = gauge("slack_connected", "1 while the bot is connected to Slack.")
	m.role = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: namespace, Name: "role",
		Help: "1 for this replica's role: leader (runs the scheduled jobs, delivers the outbox, holds WhatsApp) or follower."}, []string{"role"})
	m.reg.MustRegister(m.role)

	if backlog != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Name: "outbox_backlog",
			Help: "Owed replies not yet delivered.",
		}, func() float64 { return m.readBacklog(backlog) }))
	}
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	// Known label values start at zero, so a rate() or an alert on a series
	// works before its first event instead of seeing no series at all.
	for _, p := range []channels.Platform{channels.Slack, channels.WhatsApp} {
		m.duplicates.WithLabelValues(string(p))
		m.delivered.WithLabelValues(string(p))
		m.deliveryFailures.WithLabelValues(string(p))
	}
	for _, p := range ticketing.Priorities {
		m.breaches.WithLabelValues(string(p))
		m.firstResponses.WithLabelValues(string(p), "met")
		m.firstResponses.WithLabelValues(string(p), "missed")
	}
	return m
}

// SetLogger replaces slog.Default for the few things metrics log.
func (m *Metrics) SetLogger(l *slog.Logger) {
	if l != nil {
		m.log = l
	}
}

// Registry is the registry the series live on, for tests and for callers
// that add their own collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// SetWhatsAppLinked records whether the WhatsApp link is up.
func (m *Metrics) SetWhatsAppLinked(up bool) { m.whatsAppLinked.Set(boolValue(up)) }

// Roles of a replica.
var roles = []string{"leader", "follower"}

// SetRole records this replica's role, one of "leader" or "follower".
func (m *Metrics) SetRole(role string) {
	for _, r := range roles {
		m.role.WithLabelValues(r).Set(boolValue(r == role))
	}
}

// SetSlackConnected records whether the Slack connection is up.
func (m *Metrics) SetSlackConnected(up bool) { m.slackConnected.Set(boolValue(up)) }

// readBacklog reports NaN when the store cannot answer: a stale or zero
// figure would tell an alert that replies are flowing when nobody knows.
func (m *Metrics) readBacklog(backlog func(ctx context.Context) (int, error)) float64 {
	ctx, cancel := context.WithTimeout(context.Background(), backlogTimeout)
	defer cancel()
	n, err := backlog(ctx)
	if err != nil {
		m.log.Warn("metrics: outbox backlog unavailable", "err", err)
		return math.NaN()
	}
	return float64(n)
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
