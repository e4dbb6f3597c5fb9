package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// night is 22:00 in Buenos Aires on e2eStart's Tuesday: outside attended
// hours for a consulta.
var night = time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)

// tsOf is a Slack ts sec seconds after at.
func tsOf(at time.Time, sec int) string { return fmt.Sprintf("%d.%06d", at.Unix()+int64(sec), sec+1) }

// knowledgeConfig is the example config with knowledge.dir on the
// shipped sample articles.
func knowledgeConfig(t *testing.T, f *fakeSlack, replace ...string) string {
	t.Helper()
	dir, err := filepath.Abs("../../knowledge/sample")
	if err != nil {
		t.Fatal(err)
	}
	return slackConfig(t, f, "events", append([]string{"dir: knowledge/sample", "dir: " + dir}, replace...)...)
}

// press presses a button of the bot's through the real interactivity
// endpoint, as user in channel.
func (r *running) press(channel, user, actionID, value string) int {
	r.t.Helper()
	r.triggers++
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.kb." + itoa(int64(r.triggers)), "user": map[string]any{"id": user},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": channel},
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": "1.1"},
		"actions":   []map[string]any{{"action_id": actionID, "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
	})
	return r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), time.Now())
}

// react adds an emoji reaction as user on the message ts of channel.
func (r *running) react(eventID, channel, user, reaction, ts string) int {
	r.t.Helper()
	body := slackfake.EventBody(eventID, time.Now().Unix(), map[string]any{"type": "reaction_added", "user": user, "reaction": reaction,
		"item": map[string]any{"type": "message", "channel": channel, "ts": ts}, "event_ts": ts})
	return r.signedPost("/slack/events", "application/json", body, time.Now())
}

// knowledgeSearch runs `supportbot knowledge search` on the running bot's
// configuration and store, as the desk would beside it.
func knowledgeSearch(t *testing.T, cfg, question string) string {
	t.Helper()
	m, out, _ := testMain()
	m.Stdin = strings.NewReader(question + "\n")
	if err := m.Run(context.Background(), []string{"knowledge", "search", "-config", cfg}); err != nil {
		t.Fatalf("knowledge search: %v", err)
	}
	return out.String()
}

// TestKnowledgeSuggestionsOnSlack: a consulta at 22:00 reads the suggested
// articles first in its thread, with the button; an incident gets none
// (staff see theirs in the service desk channel); the client's "✅ Esto
// lo resolvió" closes the ticket as self-served, the focal point is told,
// staff may not press it, and the month's report counts it.
func TestKnowledgeSuggestionsOnSlack(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, knowledgeConfig(t, f), ticketing.NewManualClock(night))
	q := slackfake.Message{EventID: "EvKb1", Channel: acmeChannel, User: acmeClient, TS: tsOf(night, 0),
		Text: "¿Cómo exporto el informe de llamadas a una planilla de Excel?"}
	if got := r.event(q); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the consulta's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	ack := f.Posts(acmeChannel)[0]
	text := ack.Form.Get("text")
	if !strings.HasPrefix(text, "Mientras tu focal point te responde, quizás te sirva:") {
		t.Errorf("out of hours the answer starts %q, want the suggestions first", text)
	}
	for _, want := range []string{"Exportar un reporte a Excel o CSV", "https://www.neotel.us/elearning/reportes/exportar", "Registramos tu caso", "fuera del horario"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/en/") {
		t.Errorf("an es-AR client was shown English articles although Spanish ones exist:\n%s", text)
	}
	if ack.Form.Get("thread_ts") != q.TS || !strings.Contains(ack.Form.Get("blocks"), `"action_id":"knowledge_solved"`) {
		t.Errorf("answer thread %q blocks %s, want the thread and the knowledge_solved button", ack.Form.Get("thread_ts"), ack.Form.Get("blocks"))
	}
	consulta := r.tickets("acme")[0]

	inc := slackfake.Message{EventID: "EvKb2", Channel: acmeChannel, User: acmeClient, TS: tsOf(night, 600),
		Text: "Un agente no escucha el audio en las llamadas entrantes desde ayer"}
	if got := r.event(inc); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the incident's answer", func() bool { return len(f.Posts(acmeChannel)) >= 2 })
	if got := f.Posts(acmeChannel)[1].Form.Get("text"); strings.Contains(got, "quizás te sirva") || !strings.Contains(got, "Incidente") {
		t.Errorf("the incident's answer = %q, want no suggestions", got)
	}
	f.waitFor("the staff's suggestions for the incident", func() bool {
		return len(callsWith(f.Posts(deskChannel), "agentes/audio-softphone")) >= 1
	})

	// Staff and another client cannot press the client's button.
	if got := r.press(acmeChannel, focalAR, "knowledge_solved", itoa(consulta.ID)); got != http.StatusOK {
		t.Fatalf("staff press status = %d", got)
	}
	f.waitFor("the staff's refusal", func() bool {
		return len(callsWith(f.CallsOf("chat.postEphemeral"), "Ese botón es para el cliente que hizo la consulta")) == 1
	})
	if got := r.press(andesChannel, andesClient, "knowledge_solved", itoa(consulta.ID)); got != http.StatusOK {
		t.Fatalf("other client's press status = %d", got)
	}
	if got := r.press(acmeChannel, acmeClient, "knowledge_solved", itoa(consulta.ID)); got != http.StatusOK {
		t.Fatalf("press status = %d", got)
	}
	f.waitFor("the focal point's notice", func() bool {
		return len(callsWith(f.CallsOf("chat.postMessage"), "se resolvió sin intervención")) == 1
	})
	var got *ticketing.Ticket
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		got, err = tx.Ticket(ctx, "", consulta.ID)
		return err
	})
	if got.Status != ticketing.StatusCerrado || got.CloseReason != ticketing.CloseReasonSelfServed {
		t.Errorf("ticket = %s (%s), want cerrado as self_served", got.Status, got.CloseReason)
	}
	f.waitFor("the client's thanks", func() bool {
		return len(callsWith(f.Posts(acmeChannel), "lo resolviste con el artículo sugerido")) == 1
	})

	if status, body := r.command(acmeChannel, focalAR, "reporte acme 2026-11"); status != http.StatusOK {
		t.Fatalf("reporte = %d %s", status, body)
	}
	f.waitFor("the report's self-served line", func() bool {
		return len(callsWith(f.Posts(acmeChannel), "Autoservicio (resueltos con un artículo sugerido): 1 de 2 tickets")) == 1
	})
}

// TestKnowledgeKnownFixes: `/soporte guardar #N` on a resolved ticket and
// 📖 by staff on a staff answer each store a desk article that search finds
// at once; guardar refuses an unresolved ticket, and publicar shows it to
// clients.
func TestKnowledgeKnownFixes(t *testing.T) {
	f := newFakeSlack(t)
	cfg := knowledgeConfig(t, f)
	r := startBot(t, cfg, ticketing.NewManualClock(e2eStart))
	q := slackfake.Message{EventID: "EvFix1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Consulta: ¿qué puede hacer que el softphone de un operador quede registrando y no le entren llamadas? Queremos saber qué revisar de nuestro lado."}
	if got := r.event(q); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	tk := r.tickets("acme")[0]
	if _, body := r.command(acmeChannel, focalAR, "guardar #"+itoa(tk.ID)); !strings.Contains(body, "guardalo cuando esté resuelto") {
		t.Errorf("guardar on an open ticket = %q, want a refusal", body)
	}
	answer := slackfake.Message{EventID: "EvFix2", Channel: acmeChannel, User: focalAR, TS: tsAt(60), ThreadTS: q.TS,
		Text: "Es el firewall de ustedes: abran el puerto SIP UDP 5060 y el rango RTP UDP 10000 a 20000 hacia la plataforma."}
	if got := r.event(answer); got != http.StatusOK {
		t.Fatalf("answer status = %d", got)
	}
	if status, body := r.command(acmeChannel, focalAR, "resolver #"+itoa(tk.ID)+" Con los puertos abiertos el softphone registra bien."); status != http.StatusOK {
		t.Fatalf("resolver = %d %s", status, body)
	}
	_, body := r.command(acmeChannel, focalAR, "guardar #"+itoa(tk.ID)+" Softphone queda registrando")
	if !strings.Contains(body, "desk/1") {
		t.Fatalf("guardar = %q, want desk/1", body)
	}
	if _, again := r.command(acmeChannel, focalAR, "guardar #"+itoa(tk.ID)); !strings.Contains(again, "ya estaba guardado") {
		t.Errorf("guardar twice = %q, want already saved", again)
	}

	// 📖 by staff on the staff answer saves it; by the client it does nothing.
	if got := r.react("EvFix3", acmeChannel, acmeClient, "book", answer.TS); got != http.StatusOK {
		t.Fatalf("client reaction status = %d", got)
	}
	if got := r.react("EvFix4", acmeChannel, focalAR, "book", answer.TS); got != http.StatusOK {
		t.Fatalf("staff reaction status = %d", got)
	}
	f.waitFor("the saved answer's notice", func() bool {
		return len(callsWith(f.CallsOf("chat.postMessage"), "`desk/2`")) == 1
	})
	var list []ticketing.DeskArticle
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		list, err = tx.ListDeskArticles(ctx)
		return err
	})
	if len(list) != 2 || list[1].Answer != answer.Text || list[1].Author != focalAR || list[0].Title != "Softphone queda registrando" || list[0].Published {
		t.Fatalf("desk articles = %+v, want the resolution and the 📖 answer, staff-only", list)
	}

	out := knowledgeSearch(t, cfg, "¿qué puertos del firewall hay que abrir para el softphone?")
	if !strings.Contains(out, `"id":"desk/1"`) || !strings.Contains(out, `"id":"desk/2"`) {
		t.Errorf("knowledge search = %s, want both desk articles", out)
	}

	// Published, a known fix is suggested to the next client who asks.
	if _, body := r.command(acmeChannel, focalAR, "publicar desk/2"); !strings.Contains(body, "desk/2") {
		t.Fatalf("publicar = %q", body)
	}
	q2 := slackfake.Message{EventID: "EvFix5", Channel: andesChannel, User: andesClient, TS: tsAt(300),
		Text: "Una consulta: ¿qué puertos del firewall tenemos que abrir para que funcione el softphone?"}
	if got := r.event(q2); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the second client's answer", func() bool { return len(f.Posts(andesChannel)) >= 1 })
	text := f.Posts(andesChannel)[0].Form.Get("text")
	if !strings.Contains(text, "abran el puerto SIP UDP 5060") || strings.Contains(text, "registrando y no le entren") {
		t.Errorf("second client read %q, want the published answer and never the first client's words", text)
	}
}

// TestKnowledgeSuggestionsOnWhatsApp: a contact's consulta at night reads
// the suggestions first, told to reply "resuelto"; "resuelto" closes the
// ticket as self-served and the focal point hears of it.
func TestKnowledgeSuggestionsOnWhatsApp(t *testing.T) {
	f := newFakeSlack(t)
	cfg := knowledgeConfig(t, f, "enabled: false", "enabled: true")
	w := startWhatsAppBotOn(t, f, cfg, ticketing.NewManualClock(night))
	msg := waText("3EB0KB01", acmeContact, "Se me olvidó la clave de un operador, ¿cómo la restablezco?")
	msg.Info.Timestamp = night
	if !w.receive(msg) {
		t.Fatal("adapter did not acknowledge the message")
	}
	sent := w.waitWhatsApp(acmeContact, 1)
	text := sent[0].Text
	if !strings.HasPrefix(text, "Mientras tu focal point te responde, quizás te sirva:") ||
		!strings.Contains(text, "Restablecer la contraseña de un agente") || !strings.Contains(text, "respondé *resuelto*") {
		t.Fatalf("the contact read %q, want the suggestions first and how to say it solved it", text)
	}
	tk := w.tickets("acme")[0]

	solved := waText("3EB0KB02", acmeContact, "Resuelto")
	solved.Info.Timestamp = night.Add(5 * time.Minute)
	w.receive(solved)
	if got := w.waitWhatsApp(acmeContact, 2)[1].Text; !strings.Contains(got, "lo resolviste con el artículo sugerido") {
		t.Errorf("after resuelto the contact read %q", got)
	}
	w.f.waitFor("the focal point's notice", func() bool {
		return len(callsWith(w.f.CallsOf("chat.postMessage"), "se resolvió sin intervención")) == 1
	})
	var got *ticketing.Ticket
	w.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		got, err = tx.Ticket(ctx, "", tk.ID)
		return err
	})
	if got.CloseReason != ticketing.CloseReasonSelfServed {
		t.Errorf("ticket closed as %q, want self_served", got.CloseReason)
	}
}
