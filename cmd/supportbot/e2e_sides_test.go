package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/store"
	"supportbot/ticketing"
)

// triageChannel is desk.triage_channel in these tests: apart from the
// service desk's alerts, so each side is read on its own.
const triageChannel = "C0TRIAGE"

// staffOnly is what marks a post as the desk's: pings, breaches, who took
// a ticket, escalations, the card itself.
var staffOnly = []string{"⏰", "🔴", "tomó el ticket", "SLA incumplido", "Escalado a", "escaló", "🗂️", "nota interna"}

// staffButtons are the action ids only staff may press.
var staffButtons = []string{"ticket_take", "ticket_resolve", "ticket_escalate"}

// pressButton presses a button through the real interactivity endpoint.
func (r *running) pressButton(channel, user, actionID, value, messageTS string) int {
	r.t.Helper()
	r.triggers++
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.sides." + itoa(int64(r.triggers)), "user": map[string]any{"id": user},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": channel},
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": messageTS},
		"actions":   []map[string]any{{"action_id": actionID, "block_id": "b1", "value": value, "type": "button", "action_ts": "1.2"}},
	})
	return r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), time.Now())
}

// assertClientSideClean fails for any call to the client's channel that
// carries something of the desk's side, text or button.
func assertClientSideClean(t *testing.T, f *fakeSlack, channel string, also ...string) {
	t.Helper()
	for _, method := range []string{"chat.postMessage", "chat.update", "files.completeUploadExternal"} {
		for _, c := range f.CallsOf(method) {
			if c.Form.Get("channel") != channel && !strings.Contains(c.Form.Get("channel_id"), channel) {
				continue
			}
			text := c.Form.Get("text") + c.Form.Get("initial_comment")
			for _, s := range append(append([]string(nil), staffOnly...), also...) {
				if strings.Contains(text, s) {
					t.Errorf("client's channel got %q by %s: %s", s, method, text)
				}
			}
			for _, b := range staffButtons {
				if strings.Contains(c.Form.Get("blocks"), b) {
					t.Errorf("client's channel got the staff button %s by %s: %s", b, method, text)
				}
			}
		}
	}
}

// cardOf finds the one card posted for ticket id in the triage channel.
func cardOf(t *testing.T, f *fakeSlack, id int64) slackfake.Call {
	t.Helper()
	var cards []slackfake.Call
	for _, c := range f.Posts(triageChannel) {
		if c.Form.Get("thread_ts") == "" && strings.Contains(c.Form.Get("text"), "*Ticket #"+itoa(id)+"*") {
			cards = append(cards, c)
		}
	}
	if len(cards) != 1 {
		t.Fatalf("cards of #%d posted %d times, want once:\n%s", id, len(cards), f.Dump())
	}
	return cards[0]
}

// cardTS is the ts Slack gave the card of ticket id.
func (r *running) cardTS(id int64) string {
	r.t.Helper()
	var ref string
	eventually(r.t, "the card's ts", func() bool {
		r.view(func(ctx context.Context, tx ticketing.Tx) error {
			c, err := tx.TicketCard(ctx, id)
			ref = c.Ref
			if err != nil && !strings.Contains(err.Error(), "not found") {
				return err
			}
			return nil
		})
		return ref != ""
	})
	return ref
}

// inThread counts the posts in thread ts of channel that contain s.
func inThread(f *fakeSlack, channel, ts, s string) int {
	n := 0
	for _, c := range f.Posts(channel) {
		if c.Form.Get("thread_ts") == ts && strings.Contains(c.Form.Get("text"), s) {
			n++
		}
	}
	return n
}

// deferred counts the replies to target tried and still owed.
func (r *running) deferred(target string) int {
	r.t.Helper()
	db, err := store.Open(context.Background(), r.dbPath)
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM outbox WHERE target = ? AND attempts > 0
		AND sent_at IS NULL AND dead_at IS NULL`, target).Scan(&n); err != nil {
		r.t.Fatal(err)
	}
	return n
}

// notesOf lists the internal notes stored on ticket id.
func (r *running) notesOf(id int64) []ticketing.Message {
	r.t.Helper()
	var out []ticketing.Message
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		ms, err := tx.Messages(ctx, id)
		for _, m := range ms {
			if m.AuthorKind == ticketing.AuthorNote {
				out = append(out, m)
			}
		}
		return err
	})
	return out
}

// A Slack ticket walked from open to CSAT: the client's thread gets only
// client-facing posts (no ping, breach, note or staff button), the card in
// the triage channel is posted once and rewritten in place (through a 429
// too), and its thread gets the pings, the breach, who took it and the
// note, which is never relayed.
func TestSlackTicketKeepsTheTwoSidesApart(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events", `triage_channel: ""`, "triage_channel: "+triageChannel)
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, cfg, clock)
	root := tsAt(0)
	open := slackfake.Message{EventID: "EvSidesOpen", Channel: acmeChannel, User: acmeClient, TS: root,
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(open); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the acknowledgement and the card", func() bool {
		return len(f.Posts(acmeChannel)) >= 1 && len(f.Posts(triageChannel)) >= 1
	})
	tk := r.tickets("acme")[0]
	card := cardOf(t, f, tk.ID)
	for _, b := range staffButtons {
		if !strings.Contains(card.Form.Get("blocks"), b) {
			t.Errorf("the card lacks the button %s: %s", b, card.Form.Get("blocks"))
		}
	}
	cardTS := r.cardTS(tk.ID)

	// A note in the card's thread is kept on the ticket and sent nowhere.
	const noteText = "Revisé el trunk: parece del proveedor, no lo digamos todavía"
	note := slackfake.Message{EventID: "EvSidesNote", Channel: triageChannel, User: focalAR, TS: tsAt(60), ThreadTS: cardTS, Text: noteText}
	if got := r.event(note); got != http.StatusOK {
		t.Fatalf("note status = %d", got)
	}
	if notes := r.notesOf(tk.ID); len(notes) != 1 || notes[0].Text != noteText {
		t.Fatalf("notes on #%d = %+v, want the one written", tk.ID, notes)
	}

	// A ping at 95% of the deadline, then the breach, in the card's thread.
	r.stop()
	clock.Set(tk.ClockStart.Add(tk.DueAt.Sub(tk.ClockStart) * 95 / 100))
	r = startBot(t, cfg, clock)
	f.waitFor("the ping in the card's thread", func() bool { return inThread(f, triageChannel, cardTS, "⏰") >= 1 })
	r.stop()
	clock.Set(tk.DueAt.Add(10 * time.Minute))
	r = startBot(t, cfg, clock)
	f.waitFor("the breach in the card's thread", func() bool { return inThread(f, triageChannel, cardTS, "🔴") >= 1 })
	f.waitFor("the card redrawn as overdue", func() bool {
		return len(callsWith(f.CallsOf("chat.update"), "⚠️ Venció")) >= 1
	})

	// Taken from the card while Slack rate limits chat.update: the card is
	// rewritten once the limit is over, in place.
	f.LimitNextUpdates(1)
	if got := r.pressButton(triageChannel, focalAR, "ticket_take", itoa(tk.ID), cardTS); got != http.StatusOK {
		t.Fatalf("take status = %d", got)
	}
	f.waitFor("the rate-limited rewrite", func() bool { return len(callsWith(f.CallsOf("chat.update"), "Lo tiene: <@"+focalAR+">")) >= 1 })
	// The card's thread waits behind its card: nothing overtakes the
	// rewrite Slack asked to wait for.
	if n := inThread(f, triageChannel, cardTS, "tomó el ticket"); n != 0 {
		t.Errorf("who took it was posted before the card's rewrite (%d)", n)
	}
	eventually(t, "the rewrite's retry to be scheduled", func() bool { return r.deferred(triageChannel) == 1 })
	clock.Advance(31 * time.Second)
	f.waitFor("the rewrite after Retry-After", func() bool {
		return len(callsWith(f.CallsOf("chat.update"), "Lo tiene: <@"+focalAR+">")) >= 2
	})
	f.waitFor("who took it, in the card's thread", func() bool { return inThread(f, triageChannel, cardTS, "tomó el ticket") == 1 })

	// The answer, the resolution typed in the triage channel, conformity
	// and the rating all go to the client's thread.
	clock.Advance(time.Minute)
	answer := slackfake.Message{EventID: "EvSidesAnswer", Channel: acmeChannel, User: focalAR, TS: tsAt(5 * 3600), ThreadTS: root,
		Text: "Hola, ya lo estamos revisando."}
	if got := r.event(answer); got != http.StatusOK {
		t.Fatalf("answer status = %d", got)
	}
	if status, body := r.command(triageChannel, focalAR, "resolver #"+itoa(tk.ID)+" Era el filtro de fechas del reporte"); status != http.StatusOK || !strings.Contains(body, "#"+itoa(tk.ID)) {
		t.Fatalf("resolver from the triage channel = %d %s", status, body)
	}
	f.waitFor("the resolution in the client's thread", func() bool { return inThread(f, acmeChannel, root, "Era el filtro de fechas") == 1 })
	if status, _ := r.command(acmeChannel, acmeClient, "conforme #"+itoa(tk.ID)); status != http.StatusOK {
		t.Fatalf("conforme status = %d", status)
	}
	f.waitFor("the rating question", func() bool { return inThread(f, acmeChannel, root, "calificarías") == 1 })
	if got := r.pressCSAT(acmeChannel, acmeClient, itoa(tk.ID)+":5", tsAt(50)); got != http.StatusOK {
		t.Fatalf("press status = %d", got)
	}
	f.waitFor("the card closed", func() bool { return len(callsWith(f.CallsOf("chat.update"), "· cerrado")) >= 1 })

	assertClientSideClean(t, f, acmeChannel, noteText)
	for _, c := range f.CallsOf("chat.postMessage") {
		if strings.Contains(c.Form.Get("text"), noteText) {
			t.Errorf("the note was posted to %s: %s", c.Form.Get("channel"), c.Form.Get("text"))
		}
	}
	// One card: every rewrite is in place, of the card's own message.
	cardOf(t, f, tk.ID)
	for _, c := range f.CallsOf("chat.update") {
		if c.Form.Get("channel") == triageChannel && c.Form.Get("ts") != cardTS {
			t.Errorf("chat.update of %s, want only the card %s", c.Form.Get("ts"), cardTS)
		}
	}
	if t.Failed() {
		t.Logf("calls:\n%s", f.Dump())
	}
}

// A WhatsApp ticket walked from open to CSAT: the contact's phone gets
// only client-facing messages; the pings, the breach and the internal
// note stay on the desk's side, and the note is never relayed.
func TestWhatsAppTicketKeepsTheTwoSidesApart(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events", "enabled: false", "enabled: true", `triage_channel: ""`, "triage_channel: "+triageChannel)
	clock := ticketing.NewManualClock(e2eStart)
	w := startWhatsAppBotOn(t, f, cfg, clock)
	w.receive(waText("3EB0S1DE1", acmeContact, "Los reportes de la campaña de cobranzas no cargan desde esta mañana"))
	// Each run has a phone of its own: what the earlier ones sent is kept.
	earlier := w.waitWhatsApp(acmeContact, 1)
	tk := w.tickets("acme")[0]
	f.waitFor("the card", func() bool { return len(f.Posts(triageChannel)) >= 1 })
	cardOf(t, f, tk.ID)
	cardTS := w.cardTS(tk.ID)
	eventually(t, "the mirror's thread", func() bool { return w.tickets("acme")[0].Desk.Thread != "" })
	mirror := w.tickets("acme")[0].Desk
	// Once the mirror's thread exists, the card links to it.
	f.waitFor("the card linking the mirror", func() bool {
		return len(callsWith(f.CallsOf("chat.update"), "/archives/"+acmeChannel+"/p"+strings.Replace(mirror.Thread, ".", "", 1))) >= 1
	})

	const noteText = "Nota: el contacto ya reportó esto en octubre, mirar el caso viejo"
	note := slackfake.Message{EventID: "EvWASidesNote", Channel: triageChannel, User: focalAR, TS: tsAt(60), ThreadTS: cardTS, Text: noteText}
	if got := w.event(note); got != http.StatusOK {
		t.Fatalf("note status = %d", got)
	}
	if notes := w.notesOf(tk.ID); len(notes) != 1 {
		t.Fatalf("notes on #%d = %+v, want one", tk.ID, notes)
	}

	w.stop()
	clock.Set(tk.ClockStart.Add(tk.DueAt.Sub(tk.ClockStart) * 95 / 100))
	w = startWhatsAppBotOn(t, f, cfg, clock)
	earlier = append(earlier, w.phone.Sent()...)
	f.waitFor("the ping in the card's thread", func() bool { return inThread(f, triageChannel, cardTS, "⏰") >= 1 })
	earlier = append(earlier, w.phone.Sent()...)
	w.stop()
	clock.Set(tk.DueAt.Add(10 * time.Minute))
	w = startWhatsAppBotOn(t, f, cfg, clock)
	f.waitFor("the breach in the card's thread", func() bool { return inThread(f, triageChannel, cardTS, "🔴") >= 1 })
	earlier = append(earlier, w.phone.Sent()...)
	if len(earlier) != 1 {
		t.Errorf("the contact got %d messages by the breach, want the acknowledgement alone: %+v", len(earlier), earlier)
	}

	reply := slackfake.Message{EventID: "EvWASidesAnswer", Channel: mirror.Address, User: focalAR, TS: tsAt(5 * 3600), ThreadTS: mirror.Thread,
		Text: "Hola Ana, ya lo estamos revisando."}
	if got := w.event(reply); got != http.StatusOK {
		t.Fatalf("answer status = %d", got)
	}
	if got := w.waitWhatsApp(acmeContact, 1)[0].Text; !strings.Contains(got, "ya lo estamos revisando") {
		t.Errorf("relayed answer = %q", got)
	}
	if status, _ := w.command(triageChannel, focalAR, "resolver #"+itoa(tk.ID)+" Era el filtro de fechas del reporte"); status != http.StatusOK {
		t.Fatalf("resolver status = %d", status)
	}
	if got := w.waitWhatsApp(acmeContact, 2)[1].Text; !strings.Contains(got, "Era el filtro de fechas") {
		t.Errorf("resolution = %q", got)
	}
	w.receive(waText("3EB0S1DE2", acmeContact, "conforme "+itoa(tk.ID)))
	w.waitWhatsApp(acmeContact, 3)
	w.waitWhatsApp(acmeContact, 4)
	w.receive(waText("3EB0S1DE3", acmeContact, "5"))
	sent := w.waitWhatsApp(acmeContact, 5)
	if !strings.Contains(sent[4].Text, "5 de 5") {
		t.Errorf("after the rating the contact read %q", sent[4].Text)
	}
	sent = append(earlier, sent...)
	for i, m := range sent {
		for _, s := range append(append([]string(nil), staffOnly...), noteText, "Tomar") {
			if strings.Contains(m.Text, s) {
				t.Errorf("WhatsApp message %d to the contact carries %q: %s", i, s, m.Text)
			}
		}
	}
	for _, c := range f.CallsOf("chat.postMessage") {
		if strings.Contains(c.Form.Get("text"), noteText) {
			t.Errorf("the note was posted to %s", c.Form.Get("channel"))
		}
	}
	assertClientSideClean(t, f, acmeChannel, noteText)
	if t.Failed() {
		t.Logf("calls:\n%s", f.Dump())
	}
}
