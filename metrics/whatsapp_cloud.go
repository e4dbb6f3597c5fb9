package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// CloudHealth is what the WhatsApp Cloud transport reports at each scrape.
type CloudHealth struct {
	LastWebhook, LastSendError time.Time
	Paused                     bool
}

// WatchWhatsAppCloud adds, read at each scrape,
// supportbot_whatsapp_cloud_last_webhook_timestamp_seconds (a number that
// hears nothing from Meta for long has a broken webhook subscription),
// supportbot_whatsapp_cloud_last_send_error_timestamp_seconds and
// supportbot_whatsapp_cloud_paused (1 while the whole number backs off
// after Meta's rate limit). Call it once.
func (m *Metrics) WatchWhatsAppCloud(health func() CloudHealth) {
	unix := func(t time.Time) float64 {
		if t.IsZero() {
			return 0
		}
		return float64(t.Unix())
	}
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "whatsapp_cloud_last_webhook_timestamp_seconds",
		Help: "When the last signed webhook from Meta arrived, as a Unix time (0: none yet).",
	}, func() float64 { return unix(health().LastWebhook) }))
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "whatsapp_cloud_last_send_error_timestamp_seconds",
		Help: "When the Graph API last refused or failed a send, as a Unix time (0: never).",
	}, func() float64 { return unix(health().LastSendError) }))
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "whatsapp_cloud_paused",
		Help: "1 while the WhatsApp number backs off after Meta's rate limit.",
	}, func() float64 { return boolValue(health().Paused) }))
}
