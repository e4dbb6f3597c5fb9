package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/app"
	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// A client's message becomes one ticket and one threaded answer naming it,
// however often Slack delivers the event; the focal point's reply in the
// thread is the first response.
func TestEventsAPITicketLife(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))

	msg := slackfake.Message{EventID: "Ev001", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("event status = %d, want 200\n%s", got, r.logs)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })

	// Slack retries: same event id with X-Slack-Retry-Num, and the twin
	// app_mention-style delivery under another event id with the same ts.
	if got := r.event(msg, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"); got != http.StatusOK {
		t.Errorf("retry status = %d, want 200", got)
	}
	twin := msg
	twin.EventID = "Ev001twin"
	if got := r.event(twin); got != http.StatusOK {
		t.Errorf("twin status = %d, want 200", got)
	}

	tickets := r.tickets("acme")
	if len(tickets) != 1 {
		t.Fatalf("tickets = %d, want 1", len(tickets))
	}
	tk := tickets[0]
	answers := f.Posts(acmeChannel)
	if len(answers) != 1 {
		t.Fatalf("answers = %d, want 1:\n%s", len(answers), f.Dump())
	}
	answer := answers[0].Form
	if got, want := answer.Get("thread_ts"), msg.TS; got != want {
		t.Errorf("answer thread = %q, want %q", got, want)
	}
	for _, want := range []string{"#1", "<@" + focalAR + ">", "vence hoy a las"} {
		if !strings.Contains(answer.Get("text"), want) {
			t.Errorf("answer lacks %q: %s", want, answer.Get("text"))
		}
	}

	reply := slackfake.Message{EventID: "Ev002", Channel: acmeChannel, User: focalAR, TS: tsAt(100),
		ThreadTS: msg.TS, Text: "Hola, ya lo estamos revisando con el equipo de telefonía."}
	if got := r.event(reply); got != http.StatusOK {
		t.Fatalf("reply status = %d", got)
	}
	tk = r.tickets("acme")[0]
	if !tk.Responded() || tk.FirstResponder != focalAR || tk.Status != ticketing.StatusEnCurso {
		t.Errorf("after focal reply: responded=%v by %q status %s, want first response by %s and en_curso",
			tk.Responded(), tk.FirstResponder, tk.Status, focalAR)
	}
}

// Requests Slack did not sign, or signed too long ago, are refused before
// anything is stored.
func TestEventsAPIRefusesUnsignedAndStale(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "Ev100", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	body := msg.Body()

	tests := []struct {
		name string
		send func() int
	}{
		{"six minutes old", func() int {
			return r.signedPost("/slack/events", "application/json", body, time.Now().Add(-6*time.Minute))
		}},
		{"wrong signature", func() int {
			return r.signedPost("/slack/events", "application/json", body, time.Now(), "X-Slack-Signature", "v0="+strings.Repeat("ab", 32))
		}},
		{"no signature", func() int {
			resp, err := http.Post(r.base+"/slack/events", "application/json", strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.send(); got != http.StatusUnauthorized {
				t.Errorf("status = %d, want 401", got)
			}
		})
	}
	if got := len(r.tickets("")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
	// Stop first so any delivery pass is over before counting.
	r.stop()
	// The morning digests go out on their own; nothing goes to the client.
	if got := len(f.Posts(acmeChannel)); got != 0 {
		t.Errorf("posts to the client = %d, want none:\n%s", got, f.Dump())
	}
}

// A critical incident is never a ticket from chat: the client gets every
// Service Desk phone, the desk and the focal point hear about it.
func TestEventsAPICriticalIsRefusedToThePhone(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "Ev200", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the refusal and the desk alert", func() bool {
		return len(f.Posts(acmeChannel)) >= 1 && len(f.Posts(deskChannel)) >= 1
	})
	if got := len(r.tickets("acme")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
	refusal := f.Posts(acmeChannel)[0].Form
	if refusal.Get("thread_ts") != msg.TS {
		t.Errorf("refusal not in the client's thread: %v", refusal)
	}
	for _, p := range deskPhones {
		if !strings.Contains(refusal.Get("text"), p) {
			t.Errorf("refusal lacks phone %s: %s", p, refusal.Get("text"))
		}
	}
	if alert := f.Posts(deskChannel)[0].Form.Get("text"); !strings.Contains(alert, "la operación está parada") {
		t.Errorf("desk alert lacks the client's text: %s", alert)
	}
	if got := r.audits("critical_refused"); got != 1 {
		t.Errorf("critical_refused audit lines = %d, want 1", got)
	}
}

func TestEventsAPISuspendedClientGetsNoTicket(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events", "contract: active", "contract: suspended"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "Ev300", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the contract answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	if got := len(r.tickets("acme")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
}

// Client B's people cannot list, see or close client A's ticket by number.
func TestEventsAPITenantIsolation(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "Ev400", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Necesitamos saber cómo exportar el reporte de llamadas del mes"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	tk := r.tickets("acme")
	if len(tk) != 1 {
		t.Fatalf("acme tickets = %d, want 1", len(tk))
	}
	tests := []struct {
		command, want string
	}{
		{"conforme #1", "No encontramos el ticket #1"},
		{"estado", "No hay tickets abiertos"},
	}
	for _, tt := range tests {
		status, body := r.command(andesChannel, andesClient, tt.command)
		if status != http.StatusOK || !strings.Contains(body, tt.want) {
			t.Errorf("/soporte %s = %d %s, want 200 with %q", tt.command, status, body, tt.want)
		}
		if strings.Contains(body, "ACME") || strings.Contains(body, "exportar") {
			t.Errorf("/soporte %s from Andes shows ACME's ticket: %s", tt.command, body)
		}
	}
	// The close attempt from Andes by Slack message in a thread of their own
	// channel with ACME's thread ts must not touch ACME's ticket either.
	cross := slackfake.Message{EventID: "Ev401", Channel: andesChannel, User: andesClient, TS: tsAt(200),
		ThreadTS: msg.TS, Text: "ya está resuelto, gracias"}
	if got := r.event(cross); got != http.StatusOK {
		t.Errorf("cross-thread status = %d", got)
	}
	after := r.tickets("acme")[0]
	if after.Status != tk[0].Status || !after.ClosedAt.IsZero() {
		t.Errorf("ACME ticket changed by Andes: status %s → %s", tk[0].Status, after.Status)
	}
	if got := len(r.tickets("andes")); got > 1 {
		t.Errorf("andes tickets = %d", got)
	}
}

// A 429 from Slack is waited out and the answer still goes out exactly once.
func TestEventsAPIRateLimitedAnswerGoesOutOnce(t *testing.T) {
	f := newFakeSlack(t)
	f.LimitNext(1, acmeChannel)
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, slackConfig(t, f, "events"), clock)
	msg := slackfake.Message{EventID: "Ev500", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Necesitamos saber cómo exportar el reporte de llamadas del mes"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the rate-limited attempt", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	eventually(t, "the retry to be scheduled", func() bool {
		a := r.outboxAttempts(acmeChannel)
		return len(a) == 1 && a[0] == 1
	})
	// Retry-After is 30 s on the bot's clock.
	clock.Advance(31 * time.Second)
	f.waitFor("the delivery after Retry-After", func() bool { return len(f.Posts(acmeChannel)) >= 2 })
	r.stop()
	if got := len(f.Posts(acmeChannel)); got != 2 {
		t.Errorf("attempts = %d, want the 429 and one delivery:\n%s", got, f.Dump())
	}
}

// An answer owed when the bot stops is delivered by the next run, once.
func TestOutboxSurvivesRestart(t *testing.T) {
	f := newFakeSlack(t)
	f.SetFailing(true)
	clock := ticketing.NewManualClock(e2eStart)
	cfg := slackConfig(t, f, "events")
	r := startBot(t, cfg, clock)
	msg := slackfake.Message{EventID: "Ev600", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Necesitamos saber cómo exportar el reporte de llamadas del mes"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("a failed attempt", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	r.stop()
	failed := len(f.Posts(acmeChannel))

	f.SetFailing(false)
	clock.Advance(time.Hour) // past any backoff
	r2 := startBot(t, cfg, clock)
	f.waitFor("the delivery after restart", func() bool { return len(f.Posts(acmeChannel)) > failed })
	r2.stop()
	r3 := startBot(t, cfg, clock)
	r3.stop()
	if got := len(f.Posts(acmeChannel)) - failed; got != 1 {
		t.Errorf("deliveries after restart = %d, want 1:\n%s\n%s\n%s", got, f.Dump(), r2.logs, r3.logs)
	}
}

// The same happy path over Socket Mode: apps.connections.open, hello, an
// events_api envelope acknowledged, the ticket and its answer.
func TestSocketModeTicket(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "socket"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "Ev700", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	socketEvent(t, f, r, "env-1", msg.Body())
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	if got := len(r.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1", got)
	}
	if got := f.Posts(acmeChannel)[0].Form.Get("text"); !strings.Contains(got, "#1") {
		t.Errorf("answer does not name the ticket: %s", got)
	}
	resp, err := http.Get(r.base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var rd app.Readiness
	_ = json.NewDecoder(resp.Body).Decode(&rd)
	resp.Body.Close()
	if !rd.Ready || rd.Slack != "connected" {
		t.Errorf("readyz = %+v, want ready with slack connected", rd)
	}
}

// socketEvent opens the bot's Socket Mode connection as Slack would (hello),
// sends one events_api envelope with payload and waits for its ack.
func socketEvent(t *testing.T, f *fakeSlack, r *running, envelopeID string, payload []byte) {
	t.Helper()
	socketSend(t, socketConn(t, f, r), "events_api", envelopeID, payload)
}
