package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// After a scripted exchange, /metrics tells the story in the named series.
func TestMetricsAfterAnExchange(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	incident := slackfake.Message{EventID: "EvM1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	critical := slackfake.Message{EventID: "EvM2", Channel: acmeChannel, User: acmeClient, TS: tsAt(10),
		Text: "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada"}
	reply := slackfake.Message{EventID: "EvM3", Channel: acmeChannel, User: focalAR, TS: tsAt(600), ThreadTS: incident.TS,
		Text: "Ya lo estamos viendo."}
	for _, m := range []slackfake.Message{incident, incident, critical, reply} {
		if got := r.event(m); got != http.StatusOK {
			t.Fatalf("event %s = %d", m.EventID, got)
		}
	}
	f.waitFor("the answers", func() bool { return len(f.Posts(acmeChannel)) >= 2 })

	resp, err := http.Get(r.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	body := string(raw)
	for _, want := range []string{
		`supportbot_tickets_opened_total{client="acme",kind="incidente",priority="alta"} 1`,
		`supportbot_critical_refusals_total{client="acme"} 1`,
		`supportbot_first_response_seconds_count{priority="alta"} 1`,
		`supportbot_first_responses_total{priority="alta",sla="met"} 1`,
		`supportbot_inbound_events_total{kind="message",platform="slack"} 4`,
		`supportbot_duplicate_events_total{platform="slack"} 1`,
		`supportbot_outbox_backlog `,
		`supportbot_outbox_delivered_total{platform="slack"}`,
		`supportbot_slack_connected 1`,
		`supportbot_whatsapp_linked 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if t.Failed() {
		t.Logf("/metrics:\n%s", body)
	}
}
