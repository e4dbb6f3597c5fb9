package playground

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"supportbot/ticketing"
)

// A client's incident through POST /api/say is answered in its thread with
// a ticket number, as the transcript shows.
func TestAPISayAnswersInThread(t *testing.T) {
	r := newRig(t, Options{})
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	asked := r.find("from the client", func(p Post) bool { return p.Who == acmeUser && p.Text == incident })
	if asked.Where != acmeChannel || asked.TS == "" || asked.Time.IsZero() {
		t.Errorf("the client's post = %+v, want it in %s with a ts and a time", asked, acmeChannel)
	}
	answer := r.find("answering in the thread", func(p Post) bool { return p.Who == botWho && p.Thread == asked.TS })
	if answer.Where != acmeChannel || !strings.Contains(answer.Text, "ticket #1") {
		t.Errorf("the bot's answer = %+v, want ticket #1 in %s", answer, acmeChannel)
	}

	// A WhatsApp contact's message is answered on the phone.
	r.must("/api/say", map[string]string{"as": acmePhone, "where": acmePhone, "text": "hola, un agente no escucha el audio"})
	r.find("on the phone with ticket #2", func(p Post) bool {
		return p.Where == acmePhone && p.Who == botWho && strings.Contains(p.Text, "ticket #2")
	})

	// The desk answers in the mirrored thread; the phone receives it.
	mirror := r.find("mirroring the WhatsApp ticket", func(p Post) bool {
		return p.Who == botWho && p.Where == acmeChannel && p.Thread == "" && p.TS != "" && strings.Contains(p.Text, "Ticket #2")
	})
	r.must("/api/say", map[string]string{"as": focalAR, "where": mirror.Where, "thread": mirror.TS, "text": "Hola Pedro, reiniciá el softphone"})
	r.find("relayed to the phone", func(p Post) bool {
		return p.Where == acmePhone && p.Who == botWho && strings.Contains(p.Text, "reiniciá el softphone")
	})

	// A slash command answers whoever typed it.
	r.must("/api/say", map[string]string{"as": focalAR, "where": acmeChannel, "text": "/soporte estado #1"})
	r.find("answering the command to Lucía only", func(p Post) bool {
		return p.Who == botWho && p.Kind == "ephemeral" && p.For == focalAR && strings.Contains(p.Text, "#1")
	})
}

// Moving the clock runs the scheduled jobs: three hours into a 4 h ALTA
// incident, the focal point is pinged by DM.
func TestAPIClockPings(t *testing.T) {
	r := newRig(t, Options{})
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	r.must("/api/clock", map[string]string{"advance": "3h"})
	if got, want := r.p.Now().Format("2006-01-02T15:04"), "2026-12-09T12:00"; got != want {
		t.Errorf("now = %s, want %s", got, want)
	}
	r.find("pinging Lucía by DM", func(p Post) bool {
		return p.Where == "D"+focalAR && strings.Contains(p.Text, "para responder #1")
	})
	// The ping is the desk's business: in the card's thread too, never in
	// the client's channel.
	r.find("the ping in the card's thread", func(p Post) bool {
		return p.Where != acmeChannel && p.Thread != "" && strings.Contains(p.Text, "para responder #1")
	})
	for _, p := range r.p.Transcript() {
		if p.Where == acmeChannel && strings.Contains(p.Text, "para responder") {
			t.Errorf("the ping reached the client's channel: %+v", p)
		}
	}
	r.must("/api/clock", map[string]string{"to": "2026-12-09T13:30"})
	if got, want := r.p.Now().Format("15:04"), "13:30"; got != want {
		t.Errorf("now = %s, want %s", got, want)
	}
}

// A staff button pressed through POST /api/press takes the ticket through
// the app's interactivity endpoint.
func TestAPIPressTakes(t *testing.T) {
	r := newRig(t, Options{})
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	card := r.find("the desk's card with a Tomar button", isCard)
	for _, p := range r.p.Transcript() {
		if p.Where == acmeChannel && hasButton(p, "ticket_take") {
			t.Errorf("a staff button in the client's channel: %+v", p)
		}
	}
	r.must("/api/press", map[string]string{"as": focalAR, "where": card.Where, "ts": card.TS, "action_id": "ticket_take", "value": "1"})
	tk, err := r.p.app.Ticket(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Assignee != focalAR || tk.Status != ticketing.StatusEnCurso {
		t.Errorf("ticket #1 assignee %q status %s, want %s en_curso", tk.Assignee, tk.Status, focalAR)
	}
	r.find("telling who took it", func(p Post) bool { return p.Who == botWho && strings.Contains(p.Text, "tomó el ticket #1") })

	// A button on a Home works too.
	home := r.find("Lucía's Home", func(p Post) bool { return p.Where == "home:"+focalAR })
	if hasButton(home, "ticket_take") {
		t.Errorf("Lucía's Home still offers to take #1:\n%s", home.Text)
	}
}

// isCard is a ticket's staff card: a bot post outside any client channel
// and any Home that offers to take the ticket.
func isCard(p Post) bool {
	return p.Who == botWho && p.Where != acmeChannel && !strings.HasPrefix(p.Where, "home:") && hasButton(p, "ticket_take")
}

func hasButton(p Post, action string) bool {
	for _, b := range p.Buttons {
		if b.ActionID == action {
			return true
		}
	}
	return false
}

// What the API refuses, it refuses with 400 (413 for a large body) and says
// why; nothing reaches the bot.
func TestAPIRefusesBadInput(t *testing.T) {
	r := newRig(t, Options{})
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	before := len(r.transcript())
	tests := []struct {
		name, path string
		body       any
		code       int
		says       string
	}{
		{"unknown user", "/api/say", map[string]string{"as": "U0NOBODY", "where": acmeChannel, "text": "hola"}, 400, "unknown user"},
		{"unknown channel", "/api/say", map[string]string{"as": focalAR, "where": "C0NOWHERE", "text": "hola"}, 400, "unknown channel"},
		{"another client's channel", "/api/say", map[string]string{"as": acmeUser, "where": "C0ANDES", "text": "hola"}, 400, "writes in C0ACME only"},
		{"unknown thread", "/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "thread": "1.2", "text": "hola"}, 400, "no message"},
		{"empty text", "/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": "  "}, 400, "empty"},
		{"unknown number", "/api/say", map[string]string{"as": "+14155550000", "where": "+14155550000", "text": "hola"}, 400, "unknown WhatsApp number"},
		{"number to a channel", "/api/say", map[string]string{"as": acmePhone, "where": acmeChannel, "text": "hola"}, 400, "same number"},
		{"not JSON", "/api/say", `{"as":`, 400, "request body"},
		{"unknown field", "/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": "hola", "channel": "x"}, 400, "unknown field"},
		{"too large", "/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": strings.Repeat("a", maxAPIBody)}, 413, "too large"},
		{"no such button", "/api/press", map[string]string{"as": focalAR, "where": acmeChannel, "ts": "1.2", "action_id": "ticket_take"}, 400, "no post"},
		{"press as nobody", "/api/press", map[string]string{"as": "U0NOBODY", "where": acmeChannel, "ts": "1.2", "action_id": "ticket_take"}, 400, "unknown user"},
		{"someone else's Home", "/api/press", map[string]string{"as": acmeUser, "where": "home:" + focalAR, "action_id": "ticket_take"}, 400, "own Home"},
		{"clock backwards", "/api/clock", map[string]string{"to": "2026-12-01T09:00"}, 400, "only goes forward"},
		{"clock nonsense", "/api/clock", map[string]string{"advance": "soon"}, 400, "duration"},
		{"clock both", "/api/clock", map[string]string{"advance": "1h", "to": "2026-12-10T09:00"}, 400, "not both"},
		{"clock nothing", "/api/clock", map[string]string{}, 400, "advance"},
		{"clock too far", "/api/clock", map[string]string{"advance": "40d"}, 400, "31 days"},
		{"writing in a DM", "/api/say", map[string]string{"as": focalAR, "where": "D" + focalAR, "text": "hola"}, 400, "DM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := r.post(tt.path, tt.body)
			if code != tt.code || !strings.Contains(out, tt.says) {
				t.Errorf("got %d %s, want %d saying %q", code, out, tt.code, tt.says)
			}
		})
	}
	// Only JSON: a form another site posts to loopback is refused.
	res, err := http.Post(r.url+"/api/say", "text/plain", strings.NewReader(`{"as":"U0ACMEUSER","where":"C0ACME","text":"hola"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain say = %d, want 415", res.StatusCode)
	}
	if after := len(r.transcript()); after != before {
		t.Errorf("refused requests changed the transcript: %d posts, then %d", before, after)
	}
}

// "Until the next event" runs the clock until the bot posts something.
func TestAPIClockUntilNext(t *testing.T) {
	r := newRig(t, Options{})
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	before, at := len(r.transcript()), r.p.Now()
	r.must("/api/clock", map[string]string{"advance": "next"})
	after := r.transcript()
	if len(after) <= before || !r.p.Now().After(at) {
		t.Fatalf("after next: %d posts (from %d), now %s (from %s)\n%s", len(after), before, r.p.Now(), at, dump(after))
	}
	if last := after[len(after)-1]; last.Who != botWho || last.Time.Before(at) {
		t.Errorf("the last post %+v is not the bot's, after %s", last, at)
	}
}
