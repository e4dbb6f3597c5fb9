package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// pressCSAT presses a rating button through the real interactivity
// endpoint, as user in channel; each press has a trigger of its own.
func (r *running) pressCSAT(channel, user, value, questionTS string) int {
	r.t.Helper()
	r.triggers++
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.csat." + itoa(int64(r.triggers)), "user": map[string]any{"id": user},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": channel},
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": questionTS},
		"actions":   []map[string]any{{"action_id": "ticket_csat", "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
	})
	return r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), time.Now())
}

// csatOf reads a ticket's satisfaction record; nil if never asked.
func (r *running) csatOf(id int64) *ticketing.CSAT {
	r.t.Helper()
	var q *ticketing.CSAT
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		q, err = tx.CSAT(ctx, id)
		if errors.Is(err, ticketing.ErrNotFound) {
			return nil
		}
		return err
	})
	return q
}

func callsWith(calls []slackfake.Call, s string) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range calls {
		if strings.Contains(c.Form.Get("text"), s) {
			out = append(out, c)
		}
	}
	return out
}

// TestSlackCSAT: /soporte conforme closes the ticket and asks, in its
// thread, for a 1–5 rating with buttons; the client's press is stored and
// shown to the focal point; a second press, another client's user and
// staff are refused politely; the client's next thread message is the
// comment.
func TestSlackCSAT(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "EvCsat1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	tk := r.tickets("acme")[0]

	if status, body := r.command(acmeChannel, acmeClient, "conforme #"+itoa(tk.ID)); status != http.StatusOK || !strings.Contains(body, "conformidad") {
		t.Fatalf("conforme = %d %s", status, body)
	}
	f.waitFor("the question", func() bool { return len(callsWith(f.Posts(acmeChannel), "calificarías")) == 1 })
	q := callsWith(f.Posts(acmeChannel), "calificarías")[0]
	if q.Form.Get("thread_ts") != msg.TS {
		t.Errorf("question thread = %q, want the ticket's %q", q.Form.Get("thread_ts"), msg.TS)
	}
	for n := 1; n <= 5; n++ {
		if want := `"value":"` + itoa(tk.ID) + ":" + itoa(int64(n)) + `"`; !strings.Contains(q.Form.Get("blocks"), want) {
			t.Errorf("question lacks the button %s: %s", want, q.Form.Get("blocks"))
		}
	}
	if s := r.csatOf(tk.ID); s == nil || s.Rated() {
		t.Fatalf("stored question = %+v, want asked and unanswered", s)
	}

	value := func(n int) string { return itoa(tk.ID) + ":" + itoa(int64(n)) }
	if got := r.pressCSAT(acmeChannel, acmeClient, value(5), tsAt(50)); got != http.StatusOK {
		t.Fatalf("press status = %d", got)
	}
	// The focal point by DM, and the card's thread on the desk's side.
	f.waitFor("the focal point's notice", func() bool {
		return len(callsWith(f.CallsOf("chat.postMessage"), "con *5 de 5*")) == 2
	})
	for _, c := range callsWith(f.CallsOf("chat.postMessage"), "con *5 de 5*") {
		if c.Form.Get("channel") == acmeChannel {
			t.Errorf("the rating notice reached the client's channel: %s", c.Form.Get("text"))
		}
	}
	f.waitFor("the answered question", func() bool { return len(callsWith(f.CallsOf("chat.update"), "calificaste la ayuda con 5 de 5")) == 1 })

	refusals := []struct {
		name, channel, user, value, want string
	}{
		{"second press", acmeChannel, acmeClient, value(2), "Ya registramos una calificación para el ticket #" + itoa(tk.ID)},
		{"another client's user", andesChannel, andesClient, value(1), "Solo el cliente del ticket"},
		{"staff", acmeChannel, focalAR, value(1), "Solo el cliente del ticket"},
	}
	for i, tt := range refusals {
		if got := r.pressCSAT(tt.channel, tt.user, tt.value, tsAt(50)); got != http.StatusOK {
			t.Errorf("%s: status = %d", tt.name, got)
		}
		f.waitFor(tt.name+"'s answer", func() bool { return len(f.CallsOf("chat.postEphemeral")) >= i+1 })
		e := f.CallsOf("chat.postEphemeral")[i]
		if e.Form.Get("user") != tt.user || !strings.Contains(e.Form.Get("text"), tt.want) {
			t.Errorf("%s: told %s %q, want %q", tt.name, e.Form.Get("user"), e.Form.Get("text"), tt.want)
		}
	}
	s := r.csatOf(tk.ID)
	if s.Rating != 5 || s.RatedBy != acmeClient {
		t.Errorf("rating = %d by %s, want 5 by %s (refused presses change nothing)", s.Rating, s.RatedBy, acmeClient)
	}
	if got := r.audits(ticketing.AuditCSATRated); got != 1 {
		t.Errorf("csat_rated audit lines = %d, want 1", got)
	}

	comment := slackfake.Message{EventID: "EvCsat2", Channel: acmeChannel, User: acmeClient, TS: tsAt(60), ThreadTS: msg.TS,
		Text: "Muy rápidos, la próxima avisen antes del corte"}
	if got := r.event(comment); got != http.StatusOK {
		t.Fatalf("comment status = %d", got)
	}
	f.waitFor("the thanks for the comment", func() bool { return len(callsWith(f.Posts(acmeChannel), "Gracias por tu comentario")) == 1 })
	if s := r.csatOf(tk.ID); s.Comment != comment.Text {
		t.Errorf("comment = %q, want %q", s.Comment, comment.Text)
	}
	if got := len(callsWith(f.Posts(acmeChannel), "ya está cerrado")); got != 0 {
		t.Errorf("the comment was answered as a message on a closed ticket")
	}
	if got := len(r.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1", got)
	}
}

// TestWhatsAppCSAT: "conforme N" closes the contact's ticket and asks for
// a number; "5!" is the rating, the next message the comment, and neither
// opens a ticket; after them a new problem opens one as usual.
func TestWhatsAppCSAT(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0C5A1", acmeContact, "Los reportes de la campaña de cobranzas no cargan desde esta mañana"))
	w.waitWhatsApp(acmeContact, 1)
	tk := w.tickets("acme")[0]

	w.receive(waText("3EB0C5A2", acmeContact, "conforme "+itoa(tk.ID)))
	w.waitWhatsApp(acmeContact, 2) // the pacing gap passes between two messages
	sent := w.waitWhatsApp(acmeContact, 3)
	if !strings.Contains(sent[1].Text, "conformidad") || !strings.Contains(sent[2].Text, "Respondé con un número del 1 al 5") {
		t.Fatalf("after conforme the contact read %q then %q, want the close and the question", sent[1].Text, sent[2].Text)
	}

	w.receive(waText("3EB0C5A3", acmeContact, "5!"))
	if got := w.waitWhatsApp(acmeContact, 4)[3].Text; !strings.Contains(got, "Registramos tu calificación: 5 de 5") {
		t.Errorf("after the rating the contact read %q", got)
	}
	w.receive(waText("3EB0C5A4", acmeContact, "Excelente la atención de Lucía"))
	if got := w.waitWhatsApp(acmeContact, 5)[4].Text; !strings.Contains(got, "Gracias por tu comentario") {
		t.Errorf("after the comment the contact read %q", got)
	}
	s := w.csatOf(tk.ID)
	if s == nil || s.Rating != 5 || s.RatedBy != acmeContact || s.Comment != "Excelente la atención de Lucía" {
		t.Fatalf("stored answer = %+v, want 5 by %s with the comment", s, acmeContact)
	}
	if got := len(w.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d after the rating and comment, want still 1", got)
	}
	w.f.waitFor("the focal point's notices", func() bool {
		return len(callsWith(w.f.CallsOf("chat.postMessage"), "con *5 de 5*")) >= 1 &&
			len(callsWith(w.f.CallsOf("chat.postMessage"), "Comentario de")) >= 1
	})

	// A problem that cannot be the whole operation: "el discador no levanta
	// las campañas" would rightly get the critical question first.
	w.receive(waText("3EB0C5A5", acmeContact, "Ahora el reporte de pausas no exporta a Excel"))
	w.waitWhatsApp(acmeContact, 6)
	if got := len(w.tickets("acme")); got != 2 {
		t.Errorf("tickets = %d after a new problem, want 2", got)
	}
}
