package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// doubtfulText has outage evidence short of certain: the shipped classifier
// reads it as a doubtful critical.
const doubtfulText = "El discador no marca desde esta mañana en la campaña de cobranzas"

var criticalValue = regexp.MustCompile(`"value":"(\d+:(?:si|no))"`)

// pressCritical presses one of the question's buttons through the real
// interactivity endpoint, as the client who wrote.
func (r *running) pressCritical(q slackfake.Call, answer string) int {
	r.t.Helper()
	var value string
	for _, m := range criticalValue.FindAllStringSubmatch(q.Form.Get("blocks"), -1) {
		if strings.HasSuffix(m[1], ":"+answer) {
			value = m[1]
		}
	}
	if value == "" {
		r.t.Fatalf("question without a %q button: %s", answer, q.Form.Get("blocks"))
	}
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.critical", "user": map[string]any{"id": acmeClient},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": acmeChannel},
		"container": map[string]any{"type": "message", "channel_id": acmeChannel, "message_ts": tsAt(1)},
		"actions":   []map[string]any{{"action_id": "critical_answer", "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
	})
	return r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), time.Now())
}

func postsContaining(calls []slackfake.Call, s string) int {
	n := 0
	for _, c := range calls {
		if strings.Contains(c.Form.Get("text"), s) {
			n++
		}
	}
	return n
}

// TestSlackDoubtfulCritical: the question comes with its two buttons in the
// client's thread before any ticket; yes goes to the phone, no files the
// incident with the deadline of the original message, and an unanswered
// question is treated as critical by the tick after 5 minutes, across a
// restart.
func TestSlackDoubtfulCritical(t *testing.T) {
	for _, answer := range []string{"si", "no", ""} {
		t.Run("answer "+answer, func(t *testing.T) {
			f := newFakeSlack(t)
			cfg := slackConfig(t, f, "events")
			clock := ticketing.NewManualClock(e2eStart)
			r := startBot(t, cfg, clock)
			msg := slackfake.Message{EventID: "EvDoubt", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: doubtfulText}
			if got := r.event(msg); got != http.StatusOK {
				t.Fatalf("status = %d", got)
			}
			f.waitFor("the question", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
			q := f.Posts(acmeChannel)[0]
			if q.Form.Get("thread_ts") != msg.TS || !strings.Contains(q.Form.Get("text"), "toda la operación") {
				t.Fatalf("question = %v", q.Form)
			}
			for _, label := range []string{"Sí, está detenida toda la operación", "No, es parcial"} {
				if !strings.Contains(q.Form.Get("blocks"), label) {
					t.Errorf("question lacks the button %q: %s", label, q.Form.Get("blocks"))
				}
			}
			if n := len(r.tickets("acme")); n != 0 {
				t.Fatalf("%d tickets before the answer, want none", n)
			}
			clock.Advance(2 * time.Minute)
			if answer == "" {
				r.stop()
				clock.Advance(4 * time.Minute)
				r = startBot(t, cfg, clock) // its first tick finds the question 6 minutes old
			} else if got := r.pressCritical(q, answer); got != http.StatusOK {
				t.Fatalf("button status = %d", got)
			}
			if answer == "no" {
				eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
				tk := r.tickets("acme")[0]
				if tk.Kind != ticketing.KindIncidente || !tk.ReceivedAt.Equal(e2eStart) || !tk.ClockStart.Equal(e2eStart) {
					t.Errorf("ticket %s received %v clock from %v, want incidente from the message at %v", tk.Kind, tk.ReceivedAt, tk.ClockStart, e2eStart)
				}
				f.waitFor("the ticket answer", func() bool { return postsContaining(f.Posts(acmeChannel), "ticket #1") >= 1 })
				if postsContaining(f.Posts(acmeChannel), deskPhones[0]) != 0 {
					t.Errorf("a partial outage was sent to the phone:\n%s", f.Dump())
				}
				return
			}
			defer func() {
				if t.Failed() {
					t.Logf("logs:\n%s", r.logs)
				}
			}()
			f.waitFor("the phone answer and the desk alert", func() bool {
				return postsContaining(f.Posts(acmeChannel), deskPhones[0]) >= 1 && len(f.Posts(deskChannel)) >= 1
			})
			if n := len(r.tickets("acme")); n != 0 {
				t.Errorf("%d tickets, want none", n)
			}
			if answer == "" {
				f.waitFor("the silence alert", func() bool { return postsContaining(f.Posts(deskChannel), "no respondió en 5 minutos") >= 1 })
			}
			if got := r.audits(ticketing.AuditCriticalRefused); got != 1 {
				t.Errorf("critical_refused audit lines = %d, want 1", got)
			}
		})
	}
}

// TestWhatsAppDoubtfulCritical: the same question by WhatsApp, answered
// with 1 or 2, or not at all.
func TestWhatsAppDoubtfulCritical(t *testing.T) {
	for _, answer := range []string{"1", "2", ""} {
		t.Run("answer "+answer, func(t *testing.T) {
			f := newFakeSlack(t)
			cfg := slackConfig(t, f, "events", "enabled: false", "enabled: true")
			clock := ticketing.NewManualClock(e2eStart)
			w := startWhatsAppBotOn(t, f, cfg, clock)
			if !w.receive(waText("3EB0DDD1", acmeContact, doubtfulText)) {
				t.Fatal("adapter did not acknowledge the message")
			}
			q := w.waitWhatsApp(acmeContact, 1)[0]
			if !strings.Contains(q.Text, "toda la operación") || !strings.Contains(q.Text, "1") || !strings.Contains(q.Text, "2") {
				t.Fatalf("question = %q", q.Text)
			}
			if n := len(w.tickets("acme")); n != 0 {
				t.Fatalf("%d tickets before the answer, want none", n)
			}
			clock.Advance(2 * time.Minute)
			sent := 1
			if answer == "" {
				w.stop()
				clock.Advance(4 * time.Minute)
				w = startWhatsAppBotOn(t, f, cfg, clock)
				sent = 0 // a new phone stand-in
			} else if !w.receive(waText("3EB0DDD2", acmeContact, answer)) {
				t.Fatal("adapter did not acknowledge the answer")
			}
			got := w.waitWhatsApp(acmeContact, sent+1)[sent]
			if answer == "2" {
				tks := w.tickets("acme")
				if len(tks) != 1 || tks[0].Kind != ticketing.KindIncidente || !tks[0].ReceivedAt.Equal(e2eStart.Add(time.Minute)) {
					t.Fatalf("tickets = %+v, want one incidente received with the first message", tks)
				}
				if strings.Contains(got.Text, deskPhones[0]) || !strings.Contains(got.Text, "#1") {
					t.Errorf("answer to a partial outage = %q", got.Text)
				}
				return
			}
			if !strings.Contains(got.Text, deskPhones[0]) {
				t.Errorf("answer = %q, want the Service Desk phones", got.Text)
			}
			if n := len(w.tickets("acme")); n != 0 {
				t.Errorf("%d tickets, want none", n)
			}
			f.waitFor("the desk alert", func() bool { return len(f.Posts(deskChannel)) >= 1 })
			if answer == "" && postsContaining(f.Posts(deskChannel), "no respondió en 5 minutos") == 0 {
				f.waitFor("the silence alert", func() bool { return postsContaining(f.Posts(deskChannel), "no respondió en 5 minutos") >= 1 })
			}
		})
	}
}
