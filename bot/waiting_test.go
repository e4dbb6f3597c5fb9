package bot_test

import (
	"strings"
	"testing"
	"time"

	slackchannel "supportbot/channels/slack"
	"supportbot/ticketing"
)

// `/soporte esperando` tells a WhatsApp contact what is needed, on
// WhatsApp, quoted; the contact's next message resumes the ticket, and the
// wait counts as paused time. A reopened resolution pauses too.
func TestWaitingOnAWhatsAppClient(t *testing.T) {
	h := newHarness(t)
	h.handle(waMsg("+5491155550101", "WA1", "el discador no anda desde las 9"))
	h.flush()
	thread := h.ticket(1).Desk.Thread
	h.clock.Advance(5 * time.Minute)
	h.handle(threadReply("CACME", "UFOCAL", thread, "300.1", "Hola Juan, lo revisamos"))
	h.flush()

	h.clock.Advance(5 * time.Minute)
	r := h.handle(command("CACME", "UFOCAL", "esperando #1 mandanos una captura <@UBACKUP> <https://x.example|acá>"))
	if !strings.Contains(r.Text, "queda esperando al cliente") {
		t.Fatalf("reply = %q", r.Text)
	}
	slack, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "mandanos una captura") {
		t.Errorf("WhatsApp notice:\n%s", texts(wa))
	}
	// The text is quoted as written: on Slack neither a mention nor a link.
	if len(slack) != 1 || slack[0].To.Thread != thread {
		t.Fatalf("desk copy:\n%s", texts(slack))
	}
	if shown := slackchannel.RenderText(slack[0].Text); !strings.Contains(shown, "mandanos una captura") || strings.Contains(shown, "<@") || strings.Contains(shown, "<https") {
		t.Errorf("desk copy as Slack shows it: %s", shown)
	}
	tk := h.ticket(1)
	if tk.Status != ticketing.StatusEsperandoCliente || tk.WaitingSince.IsZero() || tk.NextActionAt.IsZero() {
		t.Fatalf("after esperando: %s waiting since %v next action %v; want esperando_cliente with the notice scheduled", tk.Status, tk.WaitingSince, tk.NextActionAt)
	}
	if got := len(h.audits(ticketing.AuditWaiting)); got != 1 {
		t.Errorf("waiting audit lines = %d, want 1", got)
	}

	h.clock.Advance(2 * time.Hour)
	h.handle(waMsg("+5491155550101", "WA2", "ahí va la captura"))
	tk = h.ticket(1)
	if tk.Status != ticketing.StatusEnCurso || tk.PausedFor != 2*time.Hour || !tk.AwaitingAnswer() {
		t.Fatalf("after the client's answer: %s paused %v awaiting %v; want en_curso, 2h, awaiting an answer", tk.Status, tk.PausedFor, tk.AwaitingAnswer())
	}

	h.clock.Advance(10 * time.Minute)
	h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el discador"))
	h.clock.Advance(time.Hour)
	h.handle(waMsg("+5491155550101", "WA3", "sigue sin andar"))
	h.clock.Advance(20 * time.Minute)
	h.handle(command("CACME", "UFOCAL", "resolver #1 cambiamos la troncal"))
	tk = h.ticket(1)
	got, ok := tk.Resolution(func(from, to time.Time) time.Duration { return to.Sub(from) })
	// 10 min to esperando, 2 h paused, 10 min, 1 h paused resolved, 20 min.
	if want := 40 * time.Minute; !ok || got != want || tk.PausedFor != 3*time.Hour {
		t.Errorf("resolution = %v (%v), paused %v; want %v and 3h", got, ok, tk.PausedFor, want)
	}
}

// Two client messages before an answer are one next-response clock,
// started by the first.
func TestNextResponseClockStartsWithTheFirstMessage(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.handle(threadReply("CACME", "UFOCAL", "100.1", "101.1", "lo vemos"))
	if tk := h.ticket(1); tk.AwaitingAnswer() {
		t.Fatalf("awaiting an answer right after the first response: %+v", tk)
	}
	first := h.clock.Now().Add(10 * time.Minute)
	h.clock.Set(first)
	h.handle(threadReply("CACME", "UCLIENT", "100.1", "102.1", "¿novedades?"))
	h.clock.Advance(10 * time.Minute)
	h.handle(threadReply("CACME", "UCLIENT", "100.1", "103.1", "sigue igual"))
	tk := h.ticket(1)
	if !tk.AwaitingSince.Equal(first) || !tk.NextDueAt.Equal(first.Add(4*time.Hour)) || !tk.NextActionAt.Equal(first) {
		t.Errorf("awaiting since %v due %v next action %v; want the first message's %v, +4h, %v", tk.AwaitingSince, tk.NextDueAt, tk.NextActionAt, first, first)
	}
	h.handle(threadReply("CACME", "UBACKUP", "100.1", "104.1", "ya está"))
	tk = h.ticket(1)
	if tk.AwaitingAnswer() || !tk.NextActionAt.IsZero() || len(h.audits(ticketing.AuditNextResponse)) != 1 {
		t.Errorf("after the answer: awaiting %v next action %v, %d audit lines; want settled, none, 1", tk.AwaitingAnswer(), tk.NextActionAt, len(h.audits(ticketing.AuditNextResponse)))
	}
}

// What waits for a next response and what does not: thanks alone wait for
// nothing, and a ticket the client closes waits for no one afterwards.
func TestNextResponseWaitsOnlyForACase(t *testing.T) {
	tests := []struct {
		name         string
		reply        string
		closeAfter   bool
		wantAwaiting bool
		wantAudits   int
	}{
		{"a question waits", "¿novedades?", false, true, 0},
		{"thanks alone waits for nothing", "gracias!!", false, false, 0},
		{"an ok alone waits for nothing", "ok", false, false, 0},
		{"the client's close settles it", "¿novedades?", true, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			h.handle(threadReply("CACME", "UFOCAL", "100.1", "101.1", "lo vemos"))
			h.clock.Advance(10 * time.Minute)
			h.handle(threadReply("CACME", "UCLIENT", "100.1", "102.1", tt.reply))
			if tt.closeAfter {
				h.clock.Advance(10 * time.Minute)
				h.handle(command("CACME", "UCLIENT", "conforme #1"))
				if st := h.ticket(1).Status; st != ticketing.StatusCerrado {
					t.Fatalf("status %s after conforme, want cerrado", st)
				}
			}
			tk := h.ticket(1)
			if got := tk.AwaitingAnswer(); got != tt.wantAwaiting {
				t.Errorf("awaiting an answer = %v, want %v", got, tt.wantAwaiting)
			}
			if got := len(h.audits(ticketing.AuditNextResponse)); got != tt.wantAudits {
				t.Errorf("%d next-response audit lines, want %d", got, tt.wantAudits)
			}
		})
	}
}
