package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

const (
	deskAgent = "U0SDESK01"
	stranger  = "U0STRANGER"
)

// homeFixture is a running bot with one open ticket per client, each
// answered in its thread, so lines can link to it.
func homeFixture(t *testing.T) (*fakeSlack, *running) {
	t.Helper()
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	for _, m := range []slackfake.Message{
		{EventID: "EvH1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: "No cargan los reportes de la campaña de cobranzas <!channel>"},
		{EventID: "EvH2", Channel: andesChannel, User: andesClient, TS: tsAt(1), Text: "Los agentes de Santiago no pueden loguearse en la consola"},
	} {
		if got := r.event(m); got != http.StatusOK {
			t.Fatalf("event %s status = %d\n%s", m.EventID, got, r.logs)
		}
	}
	eventually(t, "both tickets in their threads", func() bool {
		acme, andes := r.tickets("acme"), r.tickets("andes")
		return len(acme) == 1 && len(andes) == 1 && acme[0].Desk.Thread != "" && andes[0].Desk.Thread != ""
	})
	return f, r
}

// openHome sends app_home_opened for user and returns the view published.
func openHome(t *testing.T, f *fakeSlack, r *running, user string) string {
	t.Helper()
	before := len(f.Views(user))
	body := slackfake.HomeOpened("EvHome"+user+itoa(int64(before)), user, time.Now())
	if got := r.signedPost("/slack/events", "application/json", body, time.Now()); got != http.StatusOK {
		t.Fatalf("app_home_opened status = %d\n%s", got, r.logs)
	}
	f.waitFor("the home view of "+user, func() bool { return len(f.Views(user)) > before })
	return viewText(t, f.Views(user)[before])
}

// viewText is what a published view shows, one string per line: every text
// and every button's action and value.
func viewText(t *testing.T, view string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(view), &v); err != nil {
		t.Fatalf("view is not JSON: %v\n%s", err, view)
	}
	var out []string
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case map[string]any:
			if id, ok := n["action_id"].(string); ok {
				out = append(out, "button "+id+" "+n["value"].(string))
			}
			if s, ok := n["text"].(string); ok {
				out = append(out, s)
			}
			for _, c := range n {
				walk(c)
			}
		case []any:
			for _, c := range n {
				walk(c)
			}
		}
	}
	walk(v)
	return strings.Join(out, "\n")
}

// Staff see their queue with the thread's buttons; the service desk also
// every client's counts.
func TestHomeTabForStaff(t *testing.T) {
	f, r := homeFixture(t)
	acme := r.tickets("acme")[0]
	tests := []struct {
		user      string
		want, not []string
	}{
		// Lucía is ACME's focal point and Andes' backup: both tickets are
		// unassigned in her clients.
		{focalAR, []string{"Mis tickets", "No tenés tickets asignados abiertos.", "Sin asignar y en riesgo",
			"*#1* · ACME Cobranzas · Incidente", "*#2* · Andes Contact Center", "button ticket_take 1", "button ticket_resolve 2",
			"/archives/" + acmeChannel + "/p" + strings.Replace(acme.Desk.Thread, ".", "", 1) + "|ver hilo>",
			"&lt;!channel&gt;", "(hora de Buenos Aires)", "(hora de Santiago)"},
			[]string{"<!channel>", "Clientes"}},
		// The service desk answers for every client: every client's
		// unassigned tickets are in its queue.
		{deskAgent, []string{"Mis tickets", "Clientes", "*ACME Cobranzas*: 1 abierto · 0 incumplidos este mes",
			"*Andes Contact Center*: 1 abierto · 0 incumplidos este mes", "Sin asignar y en riesgo", "*#1* · ACME Cobranzas", "*#2* · Andes Contact Center"}, nil},
	}
	for _, tt := range tests {
		got := openHome(t, f, r, tt.user)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("home of %s lacks %q:\n%s", tt.user, w, got)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("home of %s shows %q:\n%s", tt.user, n, got)
			}
		}
	}
	// Past both deadlines, unanswered: breached this month, and shown so.
	r.clock.Set(e2eStart.Add(5 * time.Hour))
	for user, want := range map[string]string{
		deskAgent: "*ACME Cobranzas*: 1 abierto · 1 incumplido este mes",
		focalAR:   "⚠️ venció hoy a las 14:00 (hora de Buenos Aires)",
	} {
		if got := openHome(t, f, r, user); !strings.Contains(got, want) {
			t.Errorf("home of %s after the deadline lacks %q:\n%s", user, want, got)
		}
	}
}

// A client user sees their own client's tickets only, and how to ask for
// help; someone of no known client, the how-to alone.
func TestHomeTabIsolation(t *testing.T) {
	f, r := homeFixture(t)
	type want struct{ acmeTicket, andesTicket, howTo, buttons bool }
	tests := []struct {
		user string
		want want
	}{
		{acmeClient, want{acmeTicket: true, howTo: true}},
		{andesClient, want{andesTicket: true, howTo: true}},
		{stranger, want{howTo: true}},
	}
	for _, tt := range tests {
		text := openHome(t, f, r, tt.user)
		got := want{
			acmeTicket:  strings.Contains(text, "#1") || strings.Contains(text, "ACME") || strings.Contains(text, "cobranzas"),
			andesTicket: strings.Contains(text, "#2") || strings.Contains(text, "Andes") || strings.Contains(text, "loguearse"),
			howTo:       strings.Contains(text, "¿Cómo pedir ayuda?") && strings.Contains(text, deskPhones[0]),
			buttons:     strings.Contains(text, "button "),
		}
		if got != tt.want {
			t.Errorf("home of %s = %+v, want %+v:\n%s", tt.user, got, tt.want, text)
		}
	}
}

// Taking a ticket on the Home tab works as in its thread, and republishes
// the Home of everyone who opened it and owns the ticket.
func TestHomeTabRefreshesWhenTaken(t *testing.T) {
	f, r := homeFixture(t)
	openHome(t, f, r, focalAR)
	openHome(t, f, r, andesClient)
	openHome(t, f, r, acmeClient)
	// Past the per-person spacing of publishes.
	r.clock.Set(e2eStart.Add(time.Minute))
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.home", "user": map[string]any{"id": focalAR},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App,
		"container": map[string]any{"type": "view", "view_id": "V" + focalAR},
		"view":      map[string]any{"id": "V" + focalAR, "type": "home"},
		"actions":   []map[string]any{{"action_id": "ticket_take", "block_id": "b2", "value": "2", "type": "button", "action_ts": "1.3"}},
	})
	body := []byte(url.Values{"payload": {string(payload)}}.Encode())
	if got := r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", body, time.Now()); got != http.StatusOK {
		t.Fatalf("press status = %d\n%s", got, r.logs)
	}
	if tk := r.tickets("andes")[0]; tk.Assignee != focalAR || tk.Status != ticketing.StatusEnCurso {
		t.Fatalf("ticket #2 assignee %q status %s, want %s and en_curso\n%s", tk.Assignee, tk.Status, focalAR, r.logs)
	}
	f.waitFor("both homes republished", func() bool {
		return len(f.Views(focalAR)) == 2 && len(f.Views(andesClient)) == 2 && len(f.CallsOf("conversations.open")) > 0
	})
	mine, _, _ := strings.Cut(viewText(t, f.Views(focalAR)[1]), "Sin asignar y en riesgo")
	if !strings.Contains(mine, "*#2* · Andes Contact Center") || strings.Contains(mine, "button ticket_take 2") {
		t.Errorf("Lucía's tickets after taking #2 lack it, or offer to take it again:\n%s", mine)
	}
	if got := viewText(t, f.Views(andesClient)[1]); !strings.Contains(got, "en curso") {
		t.Errorf("Andes' home after #2 was taken lacks its new state:\n%s", got)
	}
	if n := len(f.Views(acmeClient)); n != 1 {
		t.Errorf("ACME's home published %d times, want 1: #2 is not theirs", n)
	}
	// Who took it is the desk's business: the card's thread is told, the
	// client's channel is not.
	f.waitFor("the card's thread told #2 was taken", func() bool {
		for _, p := range f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "tomó el ticket #2") {
				return true
			}
		}
		return false
	})
	if postsContaining(f.Posts(andesChannel), "tomó el ticket") != 0 {
		t.Errorf("the client's channel was told who took #2:\n%s", f.Dump())
	}
}

// Over Socket Mode, app_home_opened is acknowledged and the view published
// the same way.
func TestHomeTabOverSocketMode(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "socket"), ticketing.NewManualClock(e2eStart))
	socketEvent(t, f, r, "env-home", slackfake.HomeOpened("EvHomeSocket", stranger, time.Now()))
	f.waitFor("the home view", func() bool { return len(f.Views(stranger)) == 1 })
	if got := viewText(t, f.Views(stranger)[0]); !strings.Contains(got, "¿Cómo pedir ayuda?") || strings.Contains(got, "#") {
		t.Errorf("stranger's home over socket mode:\n%s", got)
	}
}
