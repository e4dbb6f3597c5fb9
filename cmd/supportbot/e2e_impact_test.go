package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// oneAgentText is an incident of one agent: MEDIA for the shipped
// classifier, so its answer carries both of the client's buttons.
const oneAgentText = "Un agente no escucha el audio en las llamadas entrantes desde ayer"

var impactButton = regexp.MustCompile(`"action_id":"(impact_[a-z]+)"[^}]*?"value":"(\d+)"|"value":"(\d+)"[^}]*?"action_id":"(impact_[a-z]+)"`)

// impactButtons reads the client's buttons off a posted answer: action id
// to the ticket number it carries.
func impactButtons(c slackfake.Call) map[string]string {
	out := map[string]string{}
	for _, m := range impactButton.FindAllStringSubmatch(c.Form.Get("blocks"), -1) {
		if m[1] != "" {
			out[m[1]] = m[2]
		} else {
			out[m[4]] = m[3]
		}
	}
	return out
}

// impactPayload is a block_actions press of an impact button as Slack
// sends it; trigger names the press, one per press.
func impactPayload(channel, user, action, value, messageTS, trigger string) []byte {
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.impact." + trigger, "user": map[string]any{"id": user},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": channel},
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": messageTS},
		"actions":   []map[string]any{{"action_id": action, "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
	})
	return payload
}

// pressImpact presses an impact button through the signed interactivity
// endpoint.
func (r *running) pressImpact(channel, user, action, value, messageTS string) int {
	r.t.Helper()
	r.triggers++
	body := url.Values{"payload": {string(impactPayload(channel, user, action, value, messageTS, itoa(int64(r.triggers))))}}.Encode()
	return r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(body), time.Now())
}

func (r *running) ticket(id int64) *ticketing.Ticket {
	r.t.Helper()
	var tk *ticketing.Ticket
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		tk, err = tx.Ticket(ctx, "", id)
		return err
	})
	return tk
}

func (r *running) corrections() []ticketing.Correction {
	r.t.Helper()
	var got []ticketing.Correction
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		got, err = tx.Corrections(ctx, "", time.Time{})
		return err
	})
	return got
}

// waitEphemeral waits for the n-th ephemeral answer and returns it.
func waitEphemeral(f *fakeSlack, n int) slackfake.Call {
	f.t.Helper()
	f.waitFor("ephemeral answer", func() bool { return len(f.CallsOf("chat.postEphemeral")) >= n })
	return f.CallsOf("chat.postEphemeral")[n-1]
}

// TestSlackImpactCritical: the incident answer carries the client's two
// buttons; staff and another client's person are refused and change
// nothing; the client's press sends the thread to the phone, pages the desk
// and the focal point with the thread's link and files the ticket as
// critical from the press; a second press pages nobody.
func TestSlackImpactCritical(t *testing.T) {
	f := newFakeSlack(t)
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, slackConfig(t, f, "events"), clock)
	defer func() {
		if t.Failed() {
			t.Logf("calls:\n%s\nlogs:\n%s", f.Dump(), r.logs)
		}
	}()
	msg := slackfake.Message{EventID: "EvImp1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: oneAgentText}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	// Andes' person has a case of their own: they are known as Andes'.
	if got := r.event(slackfake.Message{EventID: "EvImp2", Channel: andesChannel, User: andesClient, TS: tsAt(1), Text: "¿Cómo exporto el reporte de llamadas a Excel?"}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the answers", func() bool { return len(f.Posts(acmeChannel)) >= 1 && len(f.Posts(andesChannel)) >= 1 })
	answer := f.Posts(acmeChannel)[0]
	tk := r.tickets("acme")[0]
	if tk.Kind != ticketing.KindIncidente || (tk.Priority != ticketing.PriorityMedia && tk.Priority != ticketing.PriorityBaja) {
		t.Fatalf("the fixture reads as %s %s, want a MEDIA or BAJA incident", tk.Kind, tk.Priority)
	}
	buttons := impactButtons(answer)
	id := itoa(tk.ID)
	if buttons["impact_critical"] != id || buttons["impact_alta"] != id {
		t.Fatalf("answer's impact buttons = %v, want impact_critical and impact_alta on #%s: %s", buttons, id, answer.Form.Get("blocks"))
	}
	for _, label := range []string{"🚨 Está detenida toda la operación", "Nos impide trabajar"} {
		if !strings.Contains(answer.Form.Get("blocks"), label) {
			t.Errorf("answer lacks the button %q", label)
		}
	}
	clock.Advance(30 * time.Minute)
	pressed := clock.Now()

	refusals := []struct {
		name, channel, user, want string
	}{
		{"staff", acmeChannel, focalAR, "/soporte critico #" + id},
		{"another client's person in their channel", andesChannel, andesClient, "No encontramos el ticket #" + id},
		{"another client's person in this channel", acmeChannel, andesClient, "No encontramos el ticket #" + id},
	}
	for i, tt := range refusals {
		if got := r.pressImpact(tt.channel, tt.user, "impact_critical", id, tsAt(2)); got != http.StatusOK {
			t.Errorf("%s: status = %d", tt.name, got)
		}
		e := waitEphemeral(f, i+1)
		if e.Form.Get("user") != tt.user || !strings.Contains(e.Form.Get("text"), tt.want) {
			t.Errorf("%s: told %s %q, want %q", tt.name, e.Form.Get("user"), e.Form.Get("text"), tt.want)
		}
	}
	if got := r.ticket(tk.ID); got.Kind != tk.Kind || got.Priority != tk.Priority || !got.DueAt.Equal(tk.DueAt) {
		t.Fatalf("refused presses changed the ticket: %s %s due %v", got.Kind, got.Priority, got.DueAt)
	}
	if n := len(deskAlerts(f)); n != 0 {
		t.Fatalf("refused presses alerted the desk %d times", n)
	}

	if got := r.pressImpact(acmeChannel, acmeClient, "impact_critical", id, tsAt(2)); got != http.StatusOK {
		t.Fatalf("press status = %d", got)
	}
	f.waitFor("the phones in the thread, the desk and the focal point", func() bool {
		return len(callsWith(f.Posts(acmeChannel), deskPhones[0])) == 1 && len(deskAlerts(f)) == 1 && len(f.Posts("D"+focalAR)) == 1
	})
	if phone := callsWith(f.Posts(acmeChannel), deskPhones[0])[0]; phone.Form.Get("thread_ts") != msg.TS || !strings.Contains(phone.Form.Get("text"), "llamá ahora") {
		t.Errorf("Service Desk answer = %v, want in the thread, 'llamá ahora'", phone.Form)
	}
	link := "/archives/" + acmeChannel + "/p" + strings.Replace(msg.TS, ".", "", 1)
	for _, c := range []slackfake.Call{deskAlerts(f)[0], f.Posts("D" + focalAR)[0]} {
		if text := c.Form.Get("text"); !strings.Contains(text, link) || !strings.Contains(text, "#"+id) {
			t.Errorf("page to %s lacks the thread's link %s: %s", c.Form.Get("channel"), link, text)
		}
	}
	got := r.ticket(tk.ID)
	if got.Kind != ticketing.KindIncidenteCritico || got.Priority != ticketing.PriorityCritica || !got.ClockStart.Equal(pressed) || !got.DueAt.Equal(pressed.Add(2*time.Hour)) {
		t.Errorf("ticket %s %s clock %v due %v, want critical, 2 h from the press at %v", got.Kind, got.Priority, got.ClockStart, got.DueAt, pressed)
	}
	if n := len(r.tickets("acme")); n != 1 {
		t.Errorf("tickets = %d, want the one", n)
	}
	if c := r.corrections(); len(c) != 1 || c[0].Source != ticketing.CorrectionCritical || c[0].By != acmeClient || c[0].Text != oneAgentText {
		t.Errorf("corrections = %+v, want one critico example", c)
	}

	// A second press, and the other button: polite notes, nobody paged.
	for i, action := range []string{"impact_critical", "impact_alta"} {
		r.pressImpact(acmeChannel, acmeClient, action, id, tsAt(2))
		if e := waitEphemeral(f, len(refusals)+1+i); !strings.Contains(e.Form.Get("text"), "ya") {
			t.Errorf("%s again: %q", action, e.Form.Get("text"))
		}
	}
	if n, dm := len(deskAlerts(f)), len(f.Posts("D"+focalAR)); n != 1 || dm != 1 {
		t.Errorf("after a second press: %d desk alerts and %d DMs, want 1 and 1", n, dm)
	}
	if c := r.corrections(); len(c) != 1 {
		t.Errorf("corrections = %d, want 1", len(c))
	}
}

// socketConn takes the bot's Socket Mode connection and says hello.
func socketConn(t *testing.T, f *fakeSlack, r *running) *websocket.Conn {
	t.Helper()
	var conn *websocket.Conn
	select {
	case conn = <-f.conns:
	case <-time.After(e2eWait):
		t.Fatalf("bot did not open a Socket Mode connection\n%s", r.logs)
	}
	if err := conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1}); err != nil {
		t.Fatal(err)
	}
	return conn
}

// socketSend sends one envelope and waits for its ack.
func socketSend(t *testing.T, conn *websocket.Conn, kind, envelopeID string, payload []byte) {
	t.Helper()
	if err := conn.WriteJSON(map[string]any{"type": kind, "envelope_id": envelopeID, "payload": json.RawMessage(payload), "retry_attempt": 0}); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(e2eWait))
	var ack struct {
		EnvelopeID string `json:"envelope_id"`
	}
	if err := conn.ReadJSON(&ack); err != nil || ack.EnvelopeID != envelopeID {
		t.Fatalf("ack = %+v, %v; want %s", ack, err, envelopeID)
	}
}

// TestSocketModeImpactAlta: over Socket Mode, "it stops us from working"
// raises the incident to ALTA with its deadline from the press, tells the
// focal point and keeps a labelled example; a second press tells nobody.
func TestSocketModeImpactAlta(t *testing.T) {
	f := newFakeSlack(t)
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, slackConfig(t, f, "socket"), clock)
	defer func() {
		if t.Failed() {
			t.Logf("calls:\n%s\nlogs:\n%s", f.Dump(), r.logs)
		}
	}()
	conn := socketConn(t, f, r)
	msg := slackfake.Message{EventID: "EvImpS1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: oneAgentText}
	socketSend(t, conn, "events_api", "env-1", msg.Body())
	f.waitFor("the answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	answer := f.Posts(acmeChannel)[0]
	tk := r.tickets("acme")[0]
	id := itoa(tk.ID)
	if impactButtons(answer)["impact_alta"] != id {
		t.Fatalf("answer without impact_alta for #%s: %s", id, answer.Form.Get("blocks"))
	}
	clock.Advance(time.Hour)
	pressed := clock.Now()
	socketSend(t, conn, "interactive", "env-2", impactPayload(acmeChannel, acmeClient, "impact_alta", id, tsAt(2), "s1"))
	f.waitFor("the thread and the focal point told", func() bool {
		return len(callsWith(f.Posts(acmeChannel), "prioridad ALTA")) == 1 && len(f.Posts("D"+focalAR)) == 1
	})
	got := r.ticket(tk.ID)
	// ALTA is 4 attended hours: from Tuesday 11:00 in Buenos Aires, 15:00.
	if got.Priority != ticketing.PriorityAlta || !got.ClockStart.Equal(pressed) || !got.DueAt.Equal(pressed.Add(4*time.Hour)) {
		t.Errorf("ticket %s clock %v due %v, want alta from the press %v, due 4 h later", got.Priority, got.ClockStart, got.DueAt, pressed)
	}
	if dm := f.Posts("D" + focalAR)[0].Form.Get("text"); !strings.Contains(dm, "ALTA") || !strings.Contains(dm, "#"+id) {
		t.Errorf("focal point told %q", dm)
	}
	if n := len(deskAlerts(f)); n != 0 {
		t.Errorf("the desk was alerted %d times for an ALTA", n)
	}
	if c := r.corrections(); len(c) != 1 || c[0].Source != ticketing.CorrectionPriority || c[0].Priority != ticketing.PriorityAlta || c[0].By != acmeClient {
		t.Errorf("corrections = %+v, want one prioridad alta example", c)
	}

	socketSend(t, conn, "interactive", "env-3", impactPayload(acmeChannel, acmeClient, "impact_alta", id, tsAt(2), "s2"))
	if e := waitEphemeral(f, 1); !strings.Contains(e.Form.Get("text"), "ya tiene prioridad ALTA") {
		t.Errorf("second press: %q", e.Form.Get("text"))
	}
	if dm := len(f.Posts("D" + focalAR)); dm != 1 {
		t.Errorf("DMs after a second press = %d, want 1", dm)
	}
}

// waTextAt is waText written at a given instant.
func waTextAt(id, phone, body string, at time.Time) any {
	m := waText(id, phone, body)
	m.Info.Timestamp = at
	return m
}

// TestWhatsAppCriticoEndToEnd: the contact's answer tells of CRITICO;
// "Crítico" takes their incident to the Service Desk from when they wrote
// it, the desk hears; a second CRITICO pages nobody.
func TestWhatsAppCriticoEndToEnd(t *testing.T) {
	w := startWhatsAppBot(t)
	defer func() {
		if t.Failed() {
			t.Logf("calls:\n%s\nlogs:\n%s", w.f.Dump(), w.logs)
		}
	}()
	w.receive(waText("3EB0CC01", acmeContact, oneAgentText))
	answer := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(answer.Text, "CRITICO") {
		t.Errorf("answer does not tell of CRITICO: %s", answer.Text)
	}
	w.clock.Advance(20 * time.Minute)
	wrote := w.clock.Now().Truncate(time.Second)
	w.receive(waTextAt("3EB0CC02", acmeContact, "Crítico", wrote))
	phone := w.waitWhatsApp(acmeContact, 2)[1]
	if !strings.Contains(phone.Text, deskPhones[0]) {
		t.Errorf("contact was not sent to the phone: %s", phone.Text)
	}
	w.f.waitFor("the desk alert", func() bool { return len(deskAlerts(w.f)) == 1 })
	if alert := deskAlerts(w.f)[0].Form.Get("text"); !strings.Contains(alert, acmeContact) || !strings.Contains(alert, "#1") {
		t.Errorf("desk alert = %q", alert)
	}
	tks := w.tickets("acme")
	if len(tks) != 1 || tks[0].Kind != ticketing.KindIncidenteCritico || !tks[0].ClockStart.Equal(wrote) {
		t.Fatalf("tickets = %+v, want the one critical from %v", tks, wrote)
	}

	w.receive(waText("3EB0CC03", acmeContact, "CRITICO"))
	if again := w.waitWhatsApp(acmeContact, 3)[2]; !strings.Contains(again.Text, "ya está en la Mesa de Ayuda") {
		t.Errorf("second CRITICO answer = %q", again.Text)
	}
	if n := len(deskAlerts(w.f)); n != 1 {
		t.Errorf("desk alerts after a second CRITICO = %d, want 1", n)
	}

}

// TestWhatsAppCriticoWithoutIncident: CRITICO from a contact with no open
// incident is the client saying their operation stopped: the critical
// rule answers it with the phones and the desk hears; no ticket.
func TestWhatsAppCriticoWithoutIncident(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0CD01", acmeContact, "CRÍTICO"))
	if got := w.waitWhatsApp(acmeContact, 1)[0]; !strings.Contains(got.Text, deskPhones[0]) {
		t.Errorf("answer = %q, want the phones", got.Text)
	}
	w.f.waitFor("the desk alert", func() bool { return len(deskAlerts(w.f)) == 1 })
	if n := len(w.tickets("acme")); n != 0 {
		t.Errorf("tickets = %d, want none", n)
	}
	if got := w.audits(ticketing.AuditCriticalRefused); got != 1 {
		t.Errorf("critical_refused audit lines = %d, want 1", got)
	}
}

// deskAlerts are the bot's pages in the service desk channel: its
// top-level posts other than the tickets' staff cards, which share that
// channel when desk.triage_channel is unset (the cards' threads carry the
// ticket's internal history, not pages).
func deskAlerts(f *fakeSlack) []slackfake.Call {
	var out []slackfake.Call
	for _, p := range f.Posts(deskChannel) {
		if p.Form.Get("thread_ts") != "" || strings.HasPrefix(p.Form.Get("text"), "🗂️") {
			continue
		}
		out = append(out, p)
	}
	return out
}
