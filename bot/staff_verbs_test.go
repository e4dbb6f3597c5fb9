package bot_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// threadPosts are the Slack posts of one flush in a ticket's thread.
func threadPosts(items []ticketing.OutboxItem, channel, thread string) []string {
	var out []string
	for _, it := range items {
		if it.To.Address == channel && it.To.Thread == thread {
			out = append(out, it.Text)
		}
	}
	return out
}

func TestStaffVerbsChangeTheTicket(t *testing.T) {
	tests := []struct {
		name    string
		command string
		check   func(t *testing.T, tk *ticketing.Ticket)
		// reply and thread are what the staff member and the client's
		// thread are told (thread empty: nothing); triage, if set, what
		// the card's thread is told.
		reply, thread, triage string
		audit                 ticketing.AuditAction
	}{
		{
			name: "escalar", command: "escalar #1 n3",
			check: func(t *testing.T, tk *ticketing.Ticket) {
				if tk.Status != ticketing.StatusEscalado || tk.Escalation != ticketing.EscalationN3 {
					t.Errorf("status %s escalation %q, want escalado to n3", tk.Status, tk.Escalation)
				}
			},
			reply: "Escalaste el ticket #1", triage: "escaló el ticket #1 a nivel III", audit: ticketing.AuditEscalated,
		},
		{
			name: "prioridad", command: "prioridad #1 baja",
			check: func(t *testing.T, tk *ticketing.Ticket) {
				if tk.Priority != ticketing.PriorityBaja {
					t.Errorf("priority %s, want baja", tk.Priority)
				}
			},
			reply: "ahora es", thread: "ahora es", audit: ticketing.AuditPriorityChanged,
		},
		{
			name: "tipo", command: "tipo #1 requerimiento",
			check: func(t *testing.T, tk *ticketing.Ticket) {
				if tk.Kind != ticketing.KindRequerimiento || tk.Priority != ticketing.PriorityMedia {
					t.Errorf("kind %s priority %s, want requerimiento with the default priority", tk.Kind, tk.Priority)
				}
			},
			reply: "ahora es", thread: "ahora es", audit: ticketing.AuditKindChanged,
		},
		{
			name: "mover", command: "mover #1 esperando_cliente",
			check: func(t *testing.T, tk *ticketing.Ticket) {
				if tk.Status != ticketing.StatusEsperandoCliente {
					t.Errorf("status %s, want esperando_cliente", tk.Status)
				}
			},
			reply: "Ticket #1", thread: "Ticket #1", audit: ticketing.AuditMoved,
		},
	}
	// Staff act alike from the client's channel and from the triage channel.
	for _, where := range []string{"CACME", triageChannel} {
		for _, tt := range tests {
			t.Run(tt.name+" in "+where, func(t *testing.T) {
				h := newHarness(t)
				h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
				h.flush()
				h.takeTriaged()
				h.clock.Advance(10 * time.Minute)
				r := h.handle(command(where, "UFOCAL", tt.command))
				if !strings.Contains(r.Text, tt.reply) {
					t.Errorf("reply %q lacks %q", r.Text, tt.reply)
				}
				tt.check(t, h.ticket(1))
				slack, _ := h.flush()
				posts := threadPosts(slack, "CACME", "100.1")
				switch {
				case tt.thread == "" && len(posts) != 0:
					t.Errorf("client's thread got %q, want nothing", posts)
				case tt.thread != "" && (len(posts) != 1 || !strings.Contains(posts[0], tt.thread)):
					t.Errorf("thread posts %q, want one with %q", posts, tt.thread)
				}
				if tt.triage != "" {
					card := h.card(1)
					notes := threadPosts(h.takeTriaged(), triageChannel, card.Ref)
					if len(notes) != 1 || !strings.Contains(notes[0], tt.triage) {
						t.Errorf("card thread posts %q, want one with %q", notes, tt.triage)
					}
				}
				if got := len(h.audits(tt.audit)); got != 1 {
					t.Errorf("%s audit lines = %d, want 1", tt.audit, got)
				}
			})
		}
	}
}

func TestStaffVerbsRefuseWhatTheyCannotDo(t *testing.T) {
	tests := []struct{ command, want string }{
		{"escalar #1 n9", "¿A quién escalamos?"},
		{"prioridad #1 critica", "no válida"},
		{"prioridad #1", "Uso:"},
		{"tipo #1 incidente_critico", "no válido"},
		{"mover #1 resuelto", "/soporte resolver"},
		{"mover #1 volando", "desconocido"},
		{"mover #1 cerrado", "no puede pasar a cerrado"},
		{"escalar #99 n2", "#99"},
	}
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	for _, tt := range tests {
		r := h.handle(command("CACME", "UFOCAL", tt.command))
		if !strings.Contains(r.Text, tt.want) {
			t.Errorf("%s: reply %q lacks %q", tt.command, r.Text, tt.want)
		}
	}
	if tk := h.ticket(1); tk.Status != ticketing.StatusNuevo || tk.Priority != ticketing.PriorityAlta || tk.Kind != ticketing.KindIncidente {
		t.Errorf("a refused verb changed the ticket: %s %s %s", tk.Status, tk.Kind, tk.Priority)
	}
}

func TestEscalarButtonEscalatesToLevelTwo(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.flush()
	press := channels.Inbound{Platform: channels.Slack, Kind: channels.KindAction, EventID: "act-1", Channel: "CACME",
		UserID: "UFOCAL", ActionID: "ticket_escalate", ActionValue: "1"}
	r := h.handle(press)
	if !strings.Contains(r.Text, "Escalaste el ticket #1") {
		t.Errorf("reply %q", r.Text)
	}
	if tk := h.ticket(1); tk.Status != ticketing.StatusEscalado || tk.Escalation != ticketing.EscalationN2 {
		t.Errorf("status %s escalation %q, want escalado to n2", tk.Status, tk.Escalation)
	}
	// The same press delivered again changes nothing more.
	h.handle(press)
	if got := len(h.audits(ticketing.AuditEscalated)); got != 1 {
		t.Errorf("escalated audit lines = %d, want 1", got)
	}
	// A client pressing it in their own channel is not staff.
	h.clock.Advance(3 * time.Minute) // a new case, not the first one's burst
	h.handle(slackMsg("CACME", "UCLIENT", "200.1", "el discador no anda"))
	h.handle(channels.Inbound{Platform: channels.Slack, Kind: channels.KindAction, EventID: "act-2", Channel: "CACME",
		UserID: "UCLIENT", ActionID: "ticket_escalate", ActionValue: "2"})
	if tk := h.ticket(2); tk.Status == ticketing.StatusEscalado {
		t.Error("a client escalated a ticket with the staff button")
	}
}

func TestCheckReactionConfirmsAResolvedTicket(t *testing.T) {
	tests := []struct {
		name, user, channel, reaction string
		resolved, wantClosed          bool
	}{
		{"the client's ✅ on a resolved ticket", "UCLIENT", "CACME", "white_check_mark", true, true},
		{"another emoji", "UCLIENT", "CACME", "thumbsup", true, false},
		{"staff's ✅ is not the client's conformity", "UFOCAL", "CACME", "white_check_mark", true, false},
		{"✅ before the resolution", "UCLIENT", "CACME", "white_check_mark", false, false},
		{"✅ from another client's channel", "UCLIENT", "CBETA", "white_check_mark", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			if tt.resolved {
				h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))
			}
			h.flush()
			h.handle(channels.Inbound{Platform: channels.Slack, Kind: channels.KindReaction, EventID: "react-1",
				Channel: tt.channel, UserID: tt.user, Reaction: tt.reaction, ThreadTS: "100.1"})
			tk := h.ticket(1)
			if got := tk.Status == ticketing.StatusCerrado; got != tt.wantClosed {
				t.Errorf("closed = %v (status %s), want %v", got, tk.Status, tt.wantClosed)
			}
			if tt.wantClosed && tk.CloseReason.Auto() {
				t.Errorf("close reason %q reads as an auto-close", tk.CloseReason)
			}
		})
	}
}

// resolver on a kind that moves through stages answers with the next
// legal steps and the verb that takes them, and changes nothing.
func TestResolveOnAStagedKindNamesMover(t *testing.T) {
	for _, kind := range []string{"requerimiento", "funcionalidad"} {
		t.Run(kind, func(t *testing.T) {
			h := newHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			h.handle(command("CACME", "UFOCAL", "tipo #1 "+kind))
			before := h.ticket(1).Status
			r := h.handle(command(triageChannel, "UFOCAL", "resolver #1 listo"))
			for _, want := range []string{"/soporte mover #1", "próximos pasos", "`en_curso`"} {
				if !strings.Contains(r.Text, want) {
					t.Errorf("reply %q lacks %q", r.Text, want)
				}
			}
			if got := h.ticket(1).Status; got != before {
				t.Errorf("status %s after a refused resolver, want %s", got, before)
			}
		})
	}
}
