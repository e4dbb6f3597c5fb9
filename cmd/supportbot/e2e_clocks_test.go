package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// e2eAt is the bot's clock sec seconds after e2eStart, matching tsAt.
func e2eAt(sec int) time.Time { return e2eStart.Add(time.Duration(sec) * time.Second) }

// clocksTicket opens acme's ticket at e2eStart and gives it its first
// response from the focal point five minutes later.
func clocksTicket(t *testing.T, r *running, f *fakeSlack) (root string) {
	t.Helper()
	root = tsAt(0)
	msg := slackfake.Message{EventID: "EvOpen", Channel: acmeChannel, User: acmeClient, TS: root,
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("event status = %d\n%s", got, r.logs)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	r.clock.Set(e2eAt(300))
	reply := slackfake.Message{EventID: "EvFirst", Channel: acmeChannel, User: focalAR, TS: tsAt(300), ThreadTS: root,
		Text: "Hola, ya lo estamos revisando."}
	if got := r.event(reply); got != http.StatusOK {
		t.Fatalf("reply status = %d", got)
	}
	if tk := r.tickets("acme")[0]; !tk.Responded() {
		t.Fatalf("no first response after the focal point's reply: %+v", tk)
	}
	return root
}

// clientWrites posts the client's message in the ticket's thread at sec.
func clientWrites(t *testing.T, r *running, root string, sec int, text string) {
	t.Helper()
	r.clock.Set(e2eAt(sec))
	msg := slackfake.Message{EventID: "EvClient" + tsAt(sec), Channel: acmeChannel, User: acmeClient, TS: tsAt(sec), ThreadTS: root, Text: text}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("client message status = %d", got)
	}
}

// nextPing marks a next-response ping (a breach reads otherwise).
const nextPing = "para responder el nuevo mensaje del cliente en #1 de ACME Cobranzas (ALTA): vence"

func allPosts(f *fakeSlack) []slackfake.Call { return f.CallsOf("chat.postMessage") }

// A client who writes again after the first response starts a
// next-response clock (one for two messages); the scheduler pings the focal
// point on the ladder and escalates the breach once, and the next staff
// reply settles it, late.
func TestEventsAPINextResponsePingAndBreach(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, cfg, clock)
	root := clocksTicket(t, r, f)

	clientWrites(t, r, root, 1800, "¿Alguna novedad? Siguen sin cargar.")
	clientWrites(t, r, root, 2400, "Ahora tampoco cargan los de ayer.")
	tk := r.tickets("acme")[0]
	if tk.Priority != ticketing.PriorityAlta {
		t.Fatalf("ticket priority %s, want alta (an hours target the test can time)", tk.Priority)
	}
	target := tk.DueAt.Sub(tk.ReceivedAt)
	// Slack's ts carries the message's own microseconds.
	since := tk.AwaitingSince.Truncate(time.Second)
	if !since.Equal(e2eAt(1800)) || !tk.NextDueAt.Equal(tk.AwaitingSince.Add(target)) {
		t.Fatalf("awaiting since %v due %v; want the first message's clock, %v due %v", tk.AwaitingSince, tk.NextDueAt, e2eAt(1800), e2eAt(1800).Add(target))
	}

	// At 95% of the target every threshold is crossed: one ping, the 90% one.
	r.stop()
	clock.Set(tk.AwaitingSince.Add(target * 95 / 100))
	r = startBot(t, cfg, clock)
	f.waitFor("the next-response ping", func() bool {
		return postsContaining(allPosts(f), nextPing) >= 2
	})
	var dm, thread int
	for _, c := range allPosts(f) {
		if !strings.Contains(c.Form.Get("text"), nextPing) {
			continue
		}
		// The ping is the desk's: the card's thread in the triage channel
		// (here the service desk's) gets it, the client's channel never.
		switch {
		case c.Form.Get("channel") == acmeChannel:
			t.Errorf("a ping reached the client's channel: %s", c.Form.Get("text"))
		case c.Form.Get("channel") == deskChannel && c.Form.Get("thread_ts") != "":
			thread++
			if !strings.Contains(c.Form.Get("text"), "<@"+focalAR+">") {
				t.Errorf("thread ping does not mention the focal point: %s", c.Form.Get("text"))
			}
		case c.Form.Get("channel") != deskChannel:
			dm++
		}
	}
	if dm != 1 || thread != 1 {
		t.Errorf("pings: %d DMs and %d in the card's thread, want 1 and 1:\n%s", dm, thread, f.Dump())
	}

	r.stop()
	clock.Set(tk.NextDueAt.Add(10 * time.Minute))
	r = startBot(t, cfg, clock)
	f.waitFor("the breach at the desk", func() bool {
		return postsContaining(f.Posts(deskChannel), "respuesta siguiente") >= 1
	})
	if got := r.audits(ticketing.AuditNextBreached); got != 1 {
		t.Errorf("next-response breach audit lines = %d, want 1", got)
	}
	if got := postsContaining(allPosts(f), nextPing); got != 2 {
		t.Errorf("pings after the breach tick = %d, want still 2 (each recorded once)", got)
	}

	clock.Set(tk.NextDueAt.Add(20 * time.Minute))
	answer := slackfake.Message{EventID: "EvAnswer", Channel: acmeChannel, User: focalAR, TS: tsAt(int(tk.NextDueAt.Add(20 * time.Minute).Sub(e2eStart).Seconds())),
		ThreadTS: root, Text: "Ya quedó, era el filtro de fechas."}
	if got := r.event(answer); got != http.StatusOK {
		t.Fatalf("answer status = %d", got)
	}
	if tk := r.tickets("acme")[0]; tk.AwaitingAnswer() {
		t.Errorf("still awaiting an answer after the focal point's reply: since %v", tk.AwaitingSince)
	}
	var clocks []ticketing.NextResponse
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		clocks, err = tx.NextResponses(ctx, "acme", e2eStart, e2eStart.Add(48*time.Hour))
		return err
	})
	if len(clocks) != 1 || clocks[0].AnsweredBy != focalAR || clocks[0].Met() || !clocks[0].Answered() {
		t.Errorf("next-response clocks = %+v, want one, answered late by %s", clocks, focalAR)
	}
}

// `/soporte esperando` pauses the resolution clock until the client writes
// again; the monthly report's time to resolution leaves the pause out.
func TestEventsAPIWaitingPausesResolution(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, cfg, clock)
	root := clocksTicket(t, r, f)

	clock.Set(e2eAt(600))
	status, body := r.command(acmeChannel, focalAR, "esperando #1 Necesitamos el número de campaña <@U0AGENT01>")
	if status != http.StatusOK || !strings.Contains(body, "queda esperando al cliente") {
		t.Fatalf("esperando = %d %s", status, body)
	}
	f.waitFor("the client's notice", func() bool { return postsContaining(f.Posts(acmeChannel), "Necesitamos el número de campaña") >= 1 })
	for _, c := range f.Posts(acmeChannel) {
		if text := c.Form.Get("text"); strings.Contains(text, "Necesitamos el número de campaña") {
			if c.Form.Get("thread_ts") != root || strings.Contains(text, "<@") {
				t.Errorf("notice in thread %q with a mention: %s", c.Form.Get("thread_ts"), text)
			}
		}
	}
	if tk := r.tickets("acme")[0]; tk.Status != ticketing.StatusEsperandoCliente || r.audits(ticketing.AuditWaiting) != 1 {
		t.Fatalf("after esperando: status %s, %d audit lines; want esperando_cliente and 1", tk.Status, r.audits(ticketing.AuditWaiting))
	}
	// A client in another channel may not use the command.
	if _, body := r.command(acmeChannel, acmeClient, "esperando #1"); !strings.Contains(body, "comando del equipo de soporte") {
		t.Errorf("client's esperando answered %q", body)
	}

	clientWrites(t, r, root, 4200, "El número de campaña es 4471.")
	tk := r.tickets("acme")[0]
	if tk.Status != ticketing.StatusEnCurso || tk.PausedFor != time.Hour {
		t.Fatalf("after the client's answer: status %s paused %v; want en_curso and 1h", tk.Status, tk.PausedFor)
	}

	clock.Set(e2eAt(6000))
	if status, body := r.command(acmeChannel, focalAR, "resolver #1 Corregimos el filtro de la campaña 4471."); status != http.StatusOK {
		t.Fatalf("resolver = %d %s", status, body)
	}
	tk = r.tickets("acme")[0]
	// 100 attended minutes from the clock start, 60 of them waiting.
	const wantHours = "0.67"
	m, out, _ := testMain()
	m.Clock = clock
	if err := m.runReport(context.Background(), []string{"-month", "2026-11", "-format", "csv", "-config", cfg}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := records[0]
	col := func(name string) int { return slices.Index(header, name) }
	got := map[string]string{}
	for _, rec := range records[1:] {
		if rec[col("client_id")] == "acme" && (rec[col("priority")] == "total" || rec[col("priority")] == string(tk.Priority)) {
			got[rec[col("priority")]] = rec[col("resolved")] + " " + rec[col("resolution_median_attended_hours")]
		}
	}
	want := map[string]string{"total": "1 " + wantHours, string(tk.Priority): "1 " + wantHours}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("report %s resolved and median = %q, want %q", k, got[k], w)
		}
	}
}

// A ticket set esperando that the client never answers still gets the
// notice, then the close.
func TestEventsAPIWaitingNoticeThenClose(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	clock := ticketing.NewManualClock(e2eStart)
	r := startBot(t, cfg, clock)
	clocksTicket(t, r, f)
	clock.Set(e2eAt(600))
	if status, body := r.command(acmeChannel, focalAR, "esperando #1 ¿Qué navegador usan?"); status != http.StatusOK {
		t.Fatalf("esperando = %d %s", status, body)
	}
	r.stop()
	clock.Set(e2eAt(600).Add(72*time.Hour + 5*time.Minute)) // Friday 10:15
	r = startBot(t, cfg, clock)
	f.waitFor("the notice", func() bool { return postsContaining(f.Posts(acmeChannel), "seguimos esperando tu respuesta") >= 1 })
	r.stop()
	clock.Set(time.Date(2026, 11, 30, 11, 5, 0, 0, time.UTC)) // Monday 08:05 in Buenos Aires
	r = startBot(t, cfg, clock)
	f.waitFor("the close", func() bool { return postsContaining(f.Posts(acmeChannel), "cerrado por falta de respuesta") >= 1 })
	if tk := r.tickets("acme")[0]; tk.Status != ticketing.StatusCerrado || tk.CloseReason != ticketing.CloseReasonNoReply {
		t.Errorf("ticket %s (%s), want closed for no reply", tk.Status, tk.CloseReason)
	}
}

// A priority change while the client waits re-dates the next-response
// clock, still from the message that waits, on the new priority's target.
func TestNextResponseFollowsAPriorityChange(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	root := clocksTicket(t, r, f)
	clientWrites(t, r, root, 1800, "¿Alguna novedad? Siguen sin cargar.")
	before := r.tickets("acme")[0]
	if code, body := r.command(acmeChannel, focalAR, fmt.Sprintf("prioridad #%d baja", before.ID)); code != http.StatusOK {
		t.Fatalf("prioridad = %d %s", code, body)
	}
	after := r.tickets("acme")[0]
	if after.Priority != ticketing.PriorityBaja || !after.AwaitingSince.Equal(before.AwaitingSince) {
		t.Fatalf("after the change: priority %s, awaiting since %v; want baja, %v", after.Priority, after.AwaitingSince, before.AwaitingSince)
	}
	if !after.NextDueAt.After(before.NextDueAt) {
		t.Errorf("next response due %v after going from alta to baja, want later than %v", after.NextDueAt, before.NextDueAt)
	}
	var clocks []ticketing.NextResponse
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		clocks, err = tx.NextResponses(ctx, "acme", e2eStart, e2eStart.Add(24*time.Hour))
		return err
	})
	if len(clocks) != 1 || clocks[0].Priority != ticketing.PriorityBaja || !clocks[0].DueAt.Equal(after.NextDueAt) {
		t.Errorf("stored clocks = %+v, want one baja due %v", clocks, after.NextDueAt)
	}
}
