package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// WatchWhatsAppLink adds, read at each scrape, supportbot_whatsapp_link_state
// (1 for the link's current state among states, such as logged_out,
// temporary_ban or client_outdated, 0 for the others) and
// supportbot_whatsapp_phone_last_seen_timestamp_seconds (when the bot's
// phone was last online; WhatsApp unlinks it after about 14 days offline).
// Call it once.
func (m *Metrics) WatchWhatsAppLink(states []string, state func() string, lastSeen func() time.Time) {
	for _, s := range states {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Name: "whatsapp_link_state", ConstLabels: prometheus.Labels{"state": s},
			Help: "1 for the WhatsApp link's current state, by state.",
		}, func() float64 { return boolValue(state() == s) }))
	}
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "whatsapp_phone_last_seen_timestamp_seconds",
		Help: "When the bot's phone was last seen online, as a Unix time.",
	}, func() float64 { return float64(lastSeen().Unix()) }))
}
