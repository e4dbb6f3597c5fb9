package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// evilSlack is what Slack delivers when a client writes @channel, @here, a
// disguised link, an ampersand (Slack sends it as an entity) and a mention.
const evilSlack = "<!channel> <!here> <https://evil.example/login|Reingresá acá tu clave> &amp; <@U123>"

// A critical outage written as a thread reply goes to the phone, and none of
// the client's markup reaches Slack as markup: not in the answers, the desk
// alert, the focal point's DM nor /soporte estado.
func TestEventsAPICriticalFollowUpWithClientMarkup(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	root := slackfake.Message{EventID: "Ev500", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Un agente no puede escuchar las grabaciones de ayer " + evilSlack}
	if got := r.event(root); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	reply := slackfake.Message{EventID: "Ev501", Channel: acmeChannel, User: acmeClient, TS: tsAt(60), ThreadTS: root.TS,
		Text: "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada " + evilSlack}
	if got := r.event(reply); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the phones answer, the desk alert and the DM", func() bool {
		return len(f.Posts(acmeChannel)) >= 2 && len(f.Posts(deskChannel)) >= 1 && len(f.CallsOf("chat.postMessage")) >= 4
	})
	if got := len(r.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1", got)
	}
	if got := r.audits("critical_refused"); got != 1 {
		t.Errorf("critical_refused audit lines = %d, want 1", got)
	}
	answer := f.Posts(acmeChannel)[1].Form
	if answer.Get("thread_ts") != root.TS || !strings.Contains(answer.Get("text"), deskPhones[0]) {
		t.Errorf("phones answer not in the ticket's thread: %v", answer)
	}
	alert := f.Posts(deskChannel)[0].Form.Get("text")
	if !strings.Contains(alert, "#1") || !strings.Contains(alert, "&lt;!channel&gt;") {
		t.Errorf("desk alert lacks the ticket or the escaped client text: %s", alert)
	}

	_, body := r.command(acmeChannel, acmeClient, "estado")
	var estado struct{ Text string }
	if err := json.Unmarshal([]byte(body), &estado); err != nil || !strings.Contains(estado.Text, "#1") {
		t.Fatalf("estado answer %q: %v", body, err)
	}
	shown := []string{"estado: " + estado.Text}
	// Block sections repeat the text; the text field is the one to read,
	// since JSON writes < as \u003c.
	for _, c := range f.CallsOf("chat.postMessage") {
		shown = append(shown, c.Form.Get("channel")+": "+c.Form.Get("text"))
	}
	for _, s := range shown {
		for _, bad := range []string{"<!", "<http", "<@U123>"} {
			if strings.Contains(s, bad) {
				t.Errorf("client markup %q reached Slack:\n%s", bad, s)
			}
		}
	}
}
