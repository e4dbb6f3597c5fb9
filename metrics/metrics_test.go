package metrics_test

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"supportbot/channels"
	"supportbot/metrics"
	"supportbot/ticketing"
)

var due = time.Date(2026, 11, 24, 17, 0, 0, 0, time.UTC)

func ticket(client string, kind ticketing.Kind, p ticketing.Priority, respondedAt time.Time) *ticketing.Ticket {
	return &ticketing.Ticket{ClientID: client, Kind: kind, Priority: p, DueAt: due, FirstResponseAt: respondedAt}
}

// scrape fetches the handler over HTTP, as Prometheus would, and parses it.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("scrape status = %d", resp.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return fams
}

// find returns the sample of family name whose labels include want, or nil.
func find(fams map[string]*dto.MetricFamily, name string, want map[string]string) *dto.Metric {
	f := fams[name]
	if f == nil {
		return nil
	}
next:
	for _, m := range f.GetMetric() {
		got := map[string]string{}
		for _, l := range m.GetLabel() {
			got[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if got[k] != v {
				continue next
			}
		}
		return m
	}
	return nil
}

func value(m *dto.Metric) float64 {
	switch {
	case m.GetCounter() != nil:
		return m.GetCounter().GetValue()
	case m.GetGauge() != nil:
		return m.GetGauge().GetValue()
	case m.GetUntyped() != nil:
		return m.GetUntyped().GetValue()
	}
	return math.NaN()
}

func TestScrapeAfterScriptedExchange(t *testing.T) {
	backlog := 3
	m := metrics.New(func(context.Context) (int, error) { return backlog, nil })

	m.Inbound(channels.Inbound{Platform: channels.Slack, Kind: channels.KindMessage})
	m.Inbound(channels.Inbound{Platform: channels.Slack, Kind: channels.KindMessage})
	m.Inbound(channels.Inbound{Platform: channels.WhatsApp, Kind: channels.KindMessage})
	m.Inbound(channels.Inbound{Platform: channels.Slack, Kind: channels.KindCommand})
	m.Duplicate(channels.Slack)
	m.Committed()

	alta := ticket("acme", ticketing.KindIncidente, ticketing.PriorityAlta, due.Add(-time.Hour))
	late := ticket("acme", ticketing.KindIncidente, ticketing.PriorityAlta, due.Add(time.Minute))
	consulta := ticket("andes", ticketing.KindConsulta, ticketing.PriorityMedia, time.Time{})
	m.TicketOpened(alta)
	m.TicketOpened(late)
	m.TicketOpened(consulta)
	m.CriticalRefused("acme")
	m.FirstResponse(alta, 3*time.Hour)
	m.FirstResponse(late, 4*time.Hour+time.Minute)

	m.PingSent(consulta, 0.5)
	m.PingSent(consulta, 0.75)
	m.PingSent(late, 0.75)
	m.Breached(late)
	m.AutoClosed(consulta)
	m.DigestSent("U0FOCALAR")

	m.Delivered(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack}, Mode: ticketing.ModePost})
	m.Delivered(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack}, Mode: ticketing.ModeEphemeral})
	m.Delivered(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp}, Mode: ticketing.ModePost})
	m.DeliveryFailed(ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp}, Mode: ticketing.ModePost}, errors.New("offline"))
	m.SetWhatsAppLinked(true)
	m.SetSlackConnected(false)

	fams := scrape(t, m.Handler())
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"supportbot_inbound_events_total", map[string]string{"platform": "slack", "kind": "message"}, 2},
		{"supportbot_inbound_events_total", map[string]string{"platform": "whatsapp", "kind": "message"}, 1},
		{"supportbot_inbound_events_total", map[string]string{"platform": "slack", "kind": "command"}, 1},
		{"supportbot_duplicate_events_total", map[string]string{"platform": "slack"}, 1},
		{"supportbot_duplicate_events_total", map[string]string{"platform": "whatsapp"}, 0},
		{"supportbot_tickets_opened_total", map[string]string{"client": "acme", "kind": "incidente", "priority": "alta"}, 2},
		{"supportbot_tickets_opened_total", map[string]string{"client": "andes", "kind": "consulta", "priority": "media"}, 1},
		{"supportbot_critical_refusals_total", map[string]string{"client": "acme"}, 1},
		{"supportbot_first_responses_total", map[string]string{"priority": "alta", "sla": "met"}, 1},
		{"supportbot_first_responses_total", map[string]string{"priority": "alta", "sla": "missed"}, 1},
		{"supportbot_first_responses_total", map[string]string{"priority": "critica", "sla": "met"}, 0},
		{"supportbot_sla_breaches_total", map[string]string{"priority": "alta"}, 1},
		{"supportbot_sla_breaches_total", map[string]string{"priority": "baja"}, 0},
		{"supportbot_sla_pings_total", map[string]string{"threshold": "0.5"}, 1},
		{"supportbot_sla_pings_total", map[string]string{"threshold": "0.75"}, 2},
		{"supportbot_tickets_autoclosed_total", map[string]string{"client": "andes"}, 1},
		{"supportbot_digests_sent_total", map[string]string{"staff": "U0FOCALAR"}, 1},
		{"supportbot_outbox_delivered_total", map[string]string{"platform": "slack"}, 2},
		{"supportbot_outbox_delivered_total", map[string]string{"platform": "whatsapp"}, 1},
		{"supportbot_outbox_delivery_failures_total", map[string]string{"platform": "whatsapp"}, 1},
		{"supportbot_outbox_delivery_failures_total", map[string]string{"platform": "slack"}, 0},
		{"supportbot_outbox_backlog", nil, 3},
		{"supportbot_whatsapp_linked", nil, 1},
		{"supportbot_slack_connected", nil, 0},
	}
	for _, tt := range tests {
		s := find(fams, tt.name, tt.labels)
		if s == nil {
			t.Errorf("%s%v: no such series", tt.name, tt.labels)
			continue
		}
		if got := value(s); got != tt.want {
			t.Errorf("%s%v = %v, want %v", tt.name, tt.labels, got, tt.want)
		}
	}

	// The gauge is read at scrape time, not at registration.
	backlog = 7
	if got := value(find(scrape(t, m.Handler()), "supportbot_outbox_backlog", nil)); got != 7 {
		t.Errorf("backlog after change = %v, want 7", got)
	}
}

func TestFirstResponseHistogram(t *testing.T) {
	m := metrics.New(nil)
	for _, after := range []time.Duration{30 * time.Second, 10 * time.Minute, 3 * time.Hour, 5 * 24 * time.Hour} {
		m.FirstResponse(ticket("acme", ticketing.KindIncidente, ticketing.PriorityAlta, due), after)
	}
	h := find(scrape(t, m.Handler()), "supportbot_first_response_seconds", map[string]string{"priority": "alta"}).GetHistogram()
	if h == nil {
		t.Fatal("no histogram for priority alta")
	}
	if got, want := h.GetSampleCount(), uint64(4); got != want {
		t.Errorf("count = %d, want %d", got, want)
	}
	wantSum := (30*time.Second + 10*time.Minute + 3*time.Hour + 5*24*time.Hour).Seconds()
	if got := h.GetSampleSum(); got != wantSum {
		t.Errorf("sum = %v, want %v", got, wantSum)
	}
	cumulative := map[float64]uint64{60: 1, 900: 2, 4 * 3600: 3, 3 * 24 * 3600: 3}
	for _, b := range h.GetBucket() {
		if want, ok := cumulative[b.GetUpperBound()]; ok && b.GetCumulativeCount() != want {
			t.Errorf("bucket le=%v = %d, want %d", b.GetUpperBound(), b.GetCumulativeCount(), want)
		}
	}
	// The text format adds the +Inf bucket.
	if got, want := len(h.GetBucket()), len(metrics.FirstResponseBuckets)+1; got != want {
		t.Errorf("%d buckets, want %d", got, want)
	}
}

func TestBacklogErrorIsNaN(t *testing.T) {
	m := metrics.New(func(context.Context) (int, error) { return 0, errors.New("database is locked") })
	m.SetLogger(slog.New(slog.DiscardHandler))
	s := find(scrape(t, m.Handler()), "supportbot_outbox_backlog", nil)
	if s == nil {
		t.Fatal("backlog series missing when the store fails")
	}
	if got := value(s); !math.IsNaN(got) {
		t.Errorf("backlog on store error = %v, want NaN", got)
	}
}

func TestNoBacklogFuncNoSeries(t *testing.T) {
	m := metrics.New(nil)
	if s := find(scrape(t, m.Handler()), "supportbot_outbox_backlog", nil); s != nil {
		t.Errorf("backlog series without a backlog func: %v", s)
	}
}

func TestNilTicketsAreIgnored(t *testing.T) {
	m := metrics.New(nil)
	m.TicketOpened(nil)
	m.FirstResponse(nil, time.Minute)
	m.Breached(nil)
	m.AutoClosed(nil)
	n, err := testutil.GatherAndCount(m.Registry(), "supportbot_tickets_opened_total", "supportbot_tickets_autoclosed_total")
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d series after nil tickets, want 0", n)
	}
}

func TestSeriesPassLint(t *testing.T) {
	m := metrics.New(func(context.Context) (int, error) { return 0, nil })
	m.TicketOpened(ticket("acme", ticketing.KindIncidente, ticketing.PriorityAlta, time.Time{}))
	problems, err := testutil.GatherAndLint(m.Registry())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Metric, "supportbot_") {
			t.Errorf("%s: %s", p.Metric, p.Text)
		}
	}
}
