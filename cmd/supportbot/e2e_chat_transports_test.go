package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/channels/whatsapp/cloud/graphfake"
)

// chatLink is a WhatsApp transport as the shared router tests see it: a
// contact writes, the contact reads. The bot behind it must behave the same
// whichever transport carries the messages.
type chatLink interface {
	bot() *running
	slack() *fakeSlack
	// write delivers a contact's message with the given WhatsApp id.
	write(id, phone, text string)
	// read waits until n messages went to phone and returns their texts.
	read(phone string, n int) []string
}

type linkedLink struct{ w *waBot }

func (l linkedLink) bot() *running     { return l.w.running }
func (l linkedLink) slack() *fakeSlack { return l.w.f }
func (l linkedLink) write(id, phone, text string) {
	msg := waText(id, phone, text)
	msg.Info.Timestamp = l.w.clock.Now()
	if !l.w.receive(msg) {
		l.w.t.Fatalf("message %s not acknowledged", id)
	}
}
func (l linkedLink) read(phone string, n int) []string {
	var out []string
	for _, m := range l.w.waitWhatsApp(phone, n) {
		out = append(out, m.Text)
	}
	return out
}

type cloudLink struct{ c *cloudBot }

func (l cloudLink) bot() *running     { return l.c.running }
func (l cloudLink) slack() *fakeSlack { return l.c.f }
func (l cloudLink) write(id, phone, text string) {
	l.c.deliver(graphfake.Text(id, phone, text, l.c.clock.Now().Unix()))
}
func (l cloudLink) read(phone string, n int) []string {
	var out []string
	for _, m := range l.c.waitSent(phone, n) {
		out = append(out, m.Text)
	}
	return out
}

var chatLinks = []struct {
	name  string
	start func(t *testing.T) chatLink
}{
	{"linked", func(t *testing.T) chatLink { return linkedLink{startWhatsAppBot(t)} }},
	{"cloud", func(t *testing.T) chatLink { return cloudLink{startCloudBot(t)} }},
}

// TestChatTransportsRouteAlike runs one table of router behaviours over
// both WhatsApp transports.
func TestChatTransportsRouteAlike(t *testing.T) {
	const stranger = "+5491166660000"
	tests := []struct {
		name string
		run  func(t *testing.T, l chatLink)
	}{
		{"approved contact opens one ticket, even when delivered twice", func(t *testing.T, l chatLink) {
			l.write("ID0001", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")
			l.write("ID0001", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")
			if got := l.read(acmeContact, 1)[0]; !strings.Contains(got, "#1") {
				t.Errorf("answer %q does not name the ticket", got)
			}
			if got := len(l.bot().tickets("acme")); got != 1 {
				t.Errorf("tickets = %d, want 1", got)
			}
		}},
		{"staff answer in the thread reaches the contact", func(t *testing.T, l chatLink) {
			l.write("ID0002", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")
			l.read(acmeContact, 1)
			r := l.bot()
			eventually(t, "the ticket's thread", func() bool { ts := r.tickets("acme"); return len(ts) == 1 && ts[0].Desk.Thread != "" })
			reply := slackfake.Message{EventID: "EvSHARED1", Channel: acmeChannel, User: focalAR, TS: tsAt(300),
				ThreadTS: r.tickets("acme")[0].Desk.Thread, Text: "Hola Ana, reiniciá el softphone"}
			if got := r.event(reply); got != http.StatusOK {
				t.Fatalf("staff reply = %d", got)
			}
			if got := l.read(acmeContact, 2)[1]; !strings.Contains(got, "reiniciá el softphone") {
				t.Errorf("relay = %q", got)
			}
		}},
		{"unknown number answered once, nothing stored", func(t *testing.T, l chatLink) {
			for i, text := range []string{"hola", "tengo un problema con el discador", "¿hay alguien?"} {
				l.write("ID001"+string(rune('0'+i)), stranger, text)
			}
			l.read(stranger, 1)
			r := l.bot()
			eventually(t, "the outbox to drain", func() bool { return backlog(t, r.dbPath) == 0 })
			if got := len(l.read(stranger, 1)); got != 1 {
				t.Errorf("answers to the stranger = %d, want 1", got)
			}
			if got := len(r.tickets("")); got != 0 {
				t.Errorf("tickets = %d, want none", got)
			}
		}},
		{"critical message gets the Service Desk and no ticket", func(t *testing.T, l chatLink) {
			l.write("ID0020", acmeContact, "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada")
			got := l.read(acmeContact, 1)[0]
			for _, p := range deskPhones {
				if !strings.Contains(got, p) {
					t.Errorf("answer lacks %s: %s", p, got)
				}
			}
			l.slack().waitFor("the desk alert", func() bool { return len(l.slack().Posts(deskChannel)) >= 1 })
			if n := len(l.bot().tickets("acme")); n != 0 {
				t.Errorf("tickets = %d, want none", n)
			}
		}},
		{"a burst is one case", func(t *testing.T, l chatLink) {
			l.write("ID0030", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")
			l.bot().clock.Advance(30 * time.Second)
			l.write("ID0031", acmeContact, "Es el interno 204")
			l.read(acmeContact, 1)
			r := l.bot()
			eventually(t, "the outbox to drain", func() bool { return backlog(t, r.dbPath) == 0 })
			if got := len(r.tickets("acme")); got != 1 {
				t.Errorf("tickets = %d, want one for the burst", got)
			}
		}},
	}
	for _, link := range chatLinks {
		for _, tt := range tests {
			t.Run(link.name+"/"+tt.name, func(t *testing.T) { tt.run(t, link.start(t)) })
		}
	}
}
