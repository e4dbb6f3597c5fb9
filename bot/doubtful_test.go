package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// TestDoubtfulCritical: a message with outage evidence short of certain gets
// one question before any ticket, on Slack (buttons) and WhatsApp (1/2);
// yes and silence go to the phone, no files the incident with the deadline
// of the original message.
func TestDoubtfulCritical(t *testing.T) {
	const text = "el discador no marca desde esta mañana"
	tests := []struct {
		name     string
		platform channels.Platform
		answer   string // "si", "no", or "" for silence
		wantKind ticketing.Kind
	}{
		{"slack yes", channels.Slack, "si", ""},
		{"slack no", channels.Slack, "no", ticketing.KindIncidente},
		{"slack silence", channels.Slack, "", ""},
		{"whatsapp yes", channels.WhatsApp, "1", ""},
		{"whatsapp no", channels.WhatsApp, "2 no, es parcial", ticketing.KindIncidente},
		{"whatsapp silence", channels.WhatsApp, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			received := h.clock.Now()
			var asked ticketing.OutboxItem
			if tt.platform == channels.Slack {
				h.handle(slackMsg("CACME", "UCLIENT", "100.1", text))
				sl, _ := h.flush()
				asked = sl[0]
			} else {
				h.handle(waMsg(acme.Contacts[0], "wa1", text))
				_, wa := h.flush()
				asked = wa[0]
			}
			if !strings.Contains(asked.Text, "toda la operación") || len(h.tickets("acme")) != 0 {
				t.Fatalf("first answer %q with %d tickets, want the question and none", asked.Text, len(h.tickets("acme")))
			}
			if tt.platform == channels.Slack {
				if len(asked.Buttons) != 2 || asked.Buttons[0].Label != "Sí, está detenida toda la operación" || asked.Buttons[1].Label != "No, es parcial" {
					t.Fatalf("buttons = %+v", asked.Buttons)
				}
			} else if !strings.Contains(asked.Text, "1* Sí / *2* No") && !strings.Contains(asked.Text, "1 Sí / 2 No") {
				t.Fatalf("WhatsApp question %q lacks the 1/2 menu", asked.Text)
			}

			h.clock.Advance(2 * time.Minute)
			if err := h.bot.Tick(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := len(h.audits(ticketing.AuditCriticalAnswered)); n != 0 {
				t.Fatalf("a tick before 5 minutes settled %d questions", n)
			}
			switch {
			case tt.answer == "":
				h.clock.Advance(3 * time.Minute)
				if err := h.bot.Tick(context.Background()); err != nil {
					t.Fatal(err)
				}
			case tt.platform == channels.Slack:
				value := asked.Buttons[0].Value
				if tt.answer == "no" {
					value = asked.Buttons[1].Value
				}
				h.handle(channelsAction("CACME", "UCLIENT", "critical_answer", value))
			default:
				h.handle(waMsg(acme.Contacts[0], "wa2", tt.answer))
			}
			sl, wa := h.flush()
			all := append(sl, wa...)
			tks := h.tickets("acme")
			if tt.wantKind == "" {
				if len(tks) != 0 {
					t.Fatalf("%d tickets, want none (critical)", len(tks))
				}
				if !sentContaining(all, phones[0]) || len(h.audits(ticketing.AuditCriticalRefused)) != 1 {
					t.Errorf("no phone answer or critical_refused audit; sent:\n%s", dumpItems(all))
				}
				if tt.answer == "" && !sentContaining(sl, "no respondió en 5 minutos") {
					t.Errorf("desk not alerted of the silence; sent:\n%s", dumpItems(sl))
				}
			} else {
				if len(tks) != 1 || tks[0].Kind != tt.wantKind || tks[0].Priority != ticketing.PriorityAlta {
					t.Fatalf("tickets = %+v, want one %s alta", tks, tt.wantKind)
				}
				if !tks[0].ReceivedAt.Equal(received) || !tks[0].DueAt.Equal(received.Add(4*time.Hour)) {
					t.Errorf("ticket received %v due %v, want the original message's %v and %v", tks[0].ReceivedAt, tks[0].DueAt, received, received.Add(4*time.Hour))
				}
				if sentContaining(all, phones[0]) {
					t.Errorf("a partial outage was sent to the phone:\n%s", dumpItems(all))
				}
				// The desk reads why on the card's thread; the client does not.
				if triaged := h.takeTriaged(); !sentContaining(triaged, "Parecía un incidente crítico") {
					t.Errorf("the card's thread was not told of the doubtful critical:\n%s", dumpItems(triaged))
				}
				if sentContaining(all, "Parecía un incidente crítico") {
					t.Errorf("the doubtful-critical note reached the client's side:\n%s", dumpItems(all))
				}
			}
			// Answering again, or a later tick, changes nothing.
			h.clock.Advance(10 * time.Minute)
			if err := h.bot.Tick(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := len(h.audits(ticketing.AuditCriticalAnswered)); n != 1 {
				t.Errorf("%d answers recorded, want 1", n)
			}
		})
	}
}

func sentContaining(items []ticketing.OutboxItem, s string) bool {
	for _, it := range items {
		if strings.Contains(it.Text, s) {
			return true
		}
	}
	return false
}

func dumpItems(items []ticketing.OutboxItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(string(it.To.Platform) + " " + it.To.Address + ": " + it.Text + "\n")
	}
	return b.String()
}
