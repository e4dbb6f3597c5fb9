package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// A critical outage goes to the phone wherever the client writes it: a new
// message or a follow-up in an open ticket, on Slack or on WhatsApp.
func TestCriticalIsDetectedOnEveryClientMessage(t *testing.T) {
	const waPhone = "+5491155550101"
	cases := []struct {
		name string
		// open, when set, opens the ticket the critical message follows up.
		open     func(h *harness)
		critical func(h *harness, n int) channels.Inbound
		// answered reports whether an item is the phones answer to the client.
		answered func(it ticketing.OutboxItem) bool
		followUp bool
	}{
		{
			name: "slack top-level",
			critical: func(h *harness, n int) channels.Inbound {
				return slackMsg("CACME", "UCLIENT", "100.1", "ahora está todo caído")
			},
			answered: func(it ticketing.OutboxItem) bool { return it.To.Address == "CACME" && it.To.Thread == "100.1" },
		},
		{
			name: "slack thread reply by the client's staff",
			open: func(h *harness) { h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda")) },
			critical: func(h *harness, n int) channels.Inbound {
				return threadReply("CACME", "UCLIENT2", "100.1", "100."+string(rune('2'+n)), "ahora está todo caído, ningún agente puede trabajar")
			},
			answered: func(it ticketing.OutboxItem) bool { return it.To.Address == "CACME" && it.To.Thread == "100.1" },
			followUp: true,
		},
		{
			name:     "whatsapp first message",
			critical: func(h *harness, n int) channels.Inbound { return waMsg(waPhone, "WC1", "ahora está todo caído") },
			answered: func(it ticketing.OutboxItem) bool { return it.To.Address == waPhone },
		},
		{
			name: "whatsapp follow-up",
			open: func(h *harness) { h.handle(waMsg(waPhone, "WO1", "el discador no anda")) },
			critical: func(h *harness, n int) channels.Inbound {
				return waMsg(waPhone, "WC"+string(rune('1'+n)), "ahora está todo caído, ningún agente puede trabajar")
			},
			answered: func(it ticketing.OutboxItem) bool { return it.To.Address == waPhone },
			followUp: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			if c.open != nil {
				c.open(h)
				h.flush()
			}
			h.handle(c.critical(h, 0))
			slack, wa := h.flush()
			all := append(append([]ticketing.OutboxItem(nil), slack...), wa...)

			wantTickets := 0
			ref := ""
			if c.followUp {
				wantTickets, ref = 1, "ticket #1"
			}
			if got := len(h.tickets("acme")); got != wantTickets {
				t.Errorf("tickets = %d, want %d", got, wantTickets)
			}
			var answer, desk, focal bool
			for _, it := range all {
				switch {
				case c.answered(it) && strings.Contains(it.Text, phones[0]) && strings.Contains(it.Text, phones[1]):
					answer = true
				case it.To.Address == "CDESK":
					desk = strings.Contains(it.Text, "incidente crítico") && strings.Contains(it.Text, ref) && strings.Contains(it.Text, "todo caído")
				case it.Route() == slackDM && it.To.Address == "UFOCAL":
					focal = strings.Contains(it.Text, ref) && strings.Contains(it.Text, "todo caído")
				}
			}
			if !answer || !desk || !focal {
				t.Errorf("phones answer=%v desk alert=%v focal DM=%v (mentioning %q), want all:\n%s", answer, desk, focal, ref, texts(all))
			}
			audits := h.audits("critical_refused")
			wantID := int64(0)
			if c.followUp {
				wantID = 1
			}
			if len(audits) != 1 || audits[0].TicketID != wantID {
				t.Errorf("critical_refused audits = %+v, want one for ticket %d", audits, wantID)
			}
			if !c.followUp {
				return
			}
			if msgs := h.messages(1); len(msgs) != 2 || !strings.Contains(msgs[1].Text, "todo caído") || msgs[1].AuthorKind != ticketing.AuthorClient {
				t.Errorf("the critical follow-up is not stored on the ticket: %+v", msgs)
			}

			// The same outage written again soon pages no one again; later it does.
			h.clock.Advance(10 * time.Minute)
			h.handle(c.critical(h, 1))
			slack, _ = h.flush()
			if strings.Contains(texts(slack), "CDESK") || len(h.audits("critical_refused")) != 1 {
				t.Errorf("a repeat within minutes paged again:\n%s", texts(slack))
			}
			h.clock.Advance(30 * time.Minute)
			h.handle(c.critical(h, 2))
			slack, _ = h.flush()
			if !strings.Contains(texts(slack), "CDESK") || len(h.audits("critical_refused")) != 2 {
				t.Errorf("a repeat after the quiet period did not page:\n%s", texts(slack))
			}
			if got := len(h.messages(1)); got != 4 {
				t.Errorf("messages on the ticket = %d, want 4", got)
			}
		})
	}
}

func (h *harness) messages(ticketID int64) []ticketing.Message {
	h.t.Helper()
	var out []ticketing.Message
	err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		out, err = tx.Messages(context.Background(), ticketID)
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}
