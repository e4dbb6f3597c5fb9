package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// Hostile and broken requests to the real endpoints: each gets the right
// status, and the store holds only what legitimate traffic put there.
func TestAbuseOfTheSlackEndpoints(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))

	// One legitimate ticket of ACME to aim at.
	legit := slackfake.Message{EventID: "EvLegit", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	legitBody := legit.Body()
	if got := r.event(legit); got != http.StatusOK {
		t.Fatalf("legit event = %d", got)
	}
	f.waitFor("the legit answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	before := r.tickets("acme")[0]

	messageTo := func(id, channel, user, text string) []byte {
		return slackfake.Message{EventID: id, Channel: channel, User: user, TS: tsAt(len(id)), Text: text}.Body()
	}
	action := func(channel, user, value string) []byte {
		payload, _ := json.Marshal(map[string]any{
			"type": "block_actions", "trigger_id": "1337.42." + user, "user": map[string]any{"id": user},
			"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": channel},
			"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": tsAt(1)},
			"actions":   []map[string]any{{"action_id": "ticket_resolve", "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
		})
		return []byte(url.Values{"payload": {string(payload)}}.Encode())
	}
	command := func(channel, user, text string) []byte {
		return []byte(url.Values{"command": {"/soporte"}, "text": {text}, "user_id": {user}, "channel_id": {channel},
			"team_id": {slackfake.Team}, "api_app_id": {slackfake.App}, "trigger_id": {"t." + user + "." + text}}.Encode())
	}
	// Signed with the right secret, but for another installation of the app.
	elsewhere := func(body []byte, ours, theirs string) []byte {
		return bytes.ReplaceAll(body, []byte(ours), []byte(theirs))
	}
	resolve := fmt.Sprintf("resolver #%d listo", before.ID)
	takeover := messageTo("EvForeign", acmeChannel, acmeClient, "El discador no marca en ninguna campaña")
	const form = "application/x-www-form-urlencoded"
	invalidUTF8 := slackfake.Message{EventID: "EvUTF8", Channel: andesChannel, User: andesClient, TS: tsAt(5),
		Text: "el reporte de llamadas \xff\xfe no exporta"}.Body()

	tests := []struct {
		name        string
		path, ctype string
		body        []byte
		signedAt    time.Time
		secret      string
		want        int
		wantInBody  string
	}{
		{name: "forged signature", path: "/slack/events", body: messageTo("EvForged", acmeChannel, acmeClient, "soy otro"), secret: "not-the-secret", want: 401},
		{name: "replayed after 5 minutes", path: "/slack/events", body: legitBody, signedAt: time.Now().Add(-10 * time.Minute), want: 401},
		{name: "signed from the future", path: "/slack/events", body: legitBody, signedAt: time.Now().Add(10 * time.Minute), want: 401},
		{name: "replayed within 5 minutes", path: "/slack/events", body: legitBody, want: 200},
		{name: "body over 1 MiB", path: "/slack/events", body: []byte(`{"type":"event_callback","x":"` + strings.Repeat("a", 1<<20) + `"}`), want: 413},
		{name: "invalid JSON", path: "/slack/events", body: []byte(`{"type":"event_callback",`), want: 400},
		{name: "unknown channel and team", path: "/slack/events", body: messageTo("EvStranger", "C0NOBODY", "U0STRANGER", "El discador no marca"), want: 200},
		{name: "invalid UTF-8", path: "/slack/events", body: invalidUTF8, want: 200},
		{name: "staff verb from a client", path: "/slack/commands", ctype: form, body: command(acmeChannel, acmeClient, fmt.Sprintf("resolver #%d listo", before.ID)), want: 200, wantInBody: "equipo de soporte"},
		{name: "conforme on another client's ticket", path: "/slack/commands", ctype: form, body: command(andesChannel, andesClient, fmt.Sprintf("conforme #%d", before.ID)), want: 200, wantInBody: "No encontramos"},
		{name: "button for another client's ticket", path: "/slack/interactivity", ctype: form, body: action(andesChannel, andesClient, fmt.Sprint(before.ID)), want: 200},
		{name: "button with a garbage value", path: "/slack/interactivity", ctype: form, body: action(acmeChannel, focalAR, "'; DROP TABLE tickets; --"), want: 200},
		{name: "interactivity without payload", path: "/slack/interactivity", ctype: form, body: []byte("payload=%7Bnot+json"), want: 400},
		{name: "command without a command", path: "/slack/commands", ctype: form, body: []byte("text=estado"), want: 400},
		{name: "event for another workspace", path: "/slack/events", body: elsewhere(takeover, slackfake.Team, "T0OTHER"), want: 403},
		{name: "event for another app", path: "/slack/events", body: elsewhere(takeover, slackfake.App, "A0OTHER"), want: 403},
		{name: "command for another workspace", path: "/slack/commands", ctype: form, body: elsewhere(command(acmeChannel, focalAR, resolve), slackfake.Team, "T0OTHER"), want: 403},
		{name: "command for another app", path: "/slack/commands", ctype: form, body: elsewhere(command(acmeChannel, focalAR, resolve), slackfake.App, "A0OTHER"), want: 403},
		{name: "button for another workspace", path: "/slack/interactivity", ctype: form, body: elsewhere(action(acmeChannel, focalAR, fmt.Sprint(before.ID)), slackfake.Team, "T0OTHER"), want: 403},
		{name: "button for another app", path: "/slack/interactivity", ctype: form, body: elsewhere(action(acmeChannel, focalAR, fmt.Sprint(before.ID)), slackfake.App, "A0OTHER"), want: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctype := tt.ctype
			if ctype == "" {
				ctype = "application/json"
			}
			at := tt.signedAt
			if at.IsZero() {
				at = time.Now()
			}
			hdr := []string{}
			if tt.secret != "" {
				ts := fmt.Sprint(at.Unix())
				hdr = append(hdr, "X-Slack-Signature", slackfake.Signature(tt.secret, ts, tt.body))
			}
			got, body := r.signedPostBody(tt.path, ctype, tt.body, at, hdr...)
			if got != tt.want {
				t.Errorf("status = %d, want %d (%s)", got, tt.want, body)
			}
			if !strings.Contains(body, tt.wantInBody) {
				t.Errorf("answer = %q, want it to contain %q", body, tt.wantInBody)
			}
		})
	}

	// What is stored: ACME's one ticket, untouched; Andes' one ticket from
	// the message with broken UTF-8, stored as valid text.
	acme := r.tickets("acme")
	if len(acme) != 1 {
		t.Fatalf("acme tickets = %d, want 1", len(acme))
	}
	if after := acme[0]; after.Status != before.Status || !after.ResolvedAt.IsZero() || !after.ClosedAt.IsZero() {
		t.Errorf("ACME's ticket changed: %s → %s", before.Status, after.Status)
	}
	andes := r.tickets("andes")
	if len(andes) != 1 || !utf8.ValidString(andes[0].Subject) {
		t.Errorf("andes tickets = %+v, want one with valid UTF-8", andes)
	}
	if got := len(r.tickets("")); got != 2 {
		t.Errorf("all tickets = %d, want 2", got)
	}
}
