package schedules

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// resolve records, as the router does, a first answer and the resolution.
func (r *rig) resolve(id int64, when time.Time) {
	r.change(id, func(t *ticketing.Ticket) {
		if !t.Responded() {
			t.FirstResponseAt, t.FirstResponder = when, "UF"
		}
		t.Status, t.ResolvedAt, t.WaitingSince = ticketing.StatusResuelto, when, when
		t.NextActionAt = t.WaitStart().Add(72 * time.Hour)
	})
}

// clientReplies records a client message the way the router's clientWrote
// does: a resolved or waiting ticket goes back in progress.
func (r *rig) clientReplies(id int64, when time.Time) {
	r.change(id, func(t *ticketing.Ticket) {
		t.LastClientMessageAt = when
		t.Status, t.ResolvedAt, t.WaitingSince, t.NextActionAt = ticketing.StatusEnCurso, time.Time{}, time.Time{}, time.Time{}
	})
}

func TestNoticeThenAutoClose(t *testing.T) {
	tests := []struct {
		name       string
		source     ticketing.Source
		wantClient string
		wantTarget string
		wantNotice string
	}{
		{"Slack: in the thread", ticketing.SourceSlack, slackPost, "C1",
			"Si quedó resuelto confirmalo con `/soporte conforme #1`"},
		{"WhatsApp: to the contact", ticketing.SourceWhatsApp, waPost, "+5491100000001",
			"Si quedó resuelto respondé *conforme 1*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, wed10)
			tk := r.open("acme", ticketing.KindConsulta, ticketing.PriorityMedia, wed10)
			if tt.source == ticketing.SourceWhatsApp {
				r.change(tk.ID, func(t *ticketing.Ticket) {
					t.Source, t.Client, t.Desk.Thread = ticketing.SourceWhatsApp, ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, ""
				})
			}
			// Resolved Wednesday 11:00: 72 h of silence end on Saturday,
			// so the notice waits for Monday 08:00 and the close comes 48 h
			// after it, on Wednesday 15 April at 08:00.
			r.resolve(tk.ID, at("11:00"))
			r.tickEvery(at("11:00"), ts("2026-04-16T12:00:00-03:00"), 30*time.Minute)

			client := r.sent(tt.wantClient, tt.wantTarget)
			if len(client) != 2 {
				t.Fatalf("client got %d messages, want the notice and the close:\n%s", len(client), texts(client))
			}
			notice, closing := client[0], client[1]
			if got, want := notice.CreatedAt, ts("2026-04-13T08:00:00-03:00"); !got.Equal(want) {
				t.Errorf("notice queued at %v, want %v", got, want)
			}
			for _, want := range []string{tt.wantNotice, "El ticket se cerrará el miércoles 15/04 a las 08:00 si no recibimos respuesta."} {
				if !strings.Contains(notice.Text, want) {
					t.Errorf("notice %q does not say %q", notice.Text, want)
				}
			}
			if !strings.Contains(closing.Text, "Ticket #1 cerrado por falta de respuesta") {
				t.Errorf("close message = %q", closing.Text)
			}
			if tt.source == ticketing.SourceWhatsApp {
				thread := r.sent(slackPost, "C1")
				if len(thread) != 2 || !thread[0].InDeskThread || !strings.HasPrefix(thread[0].Text, "🤖 Respuesta enviada por WhatsApp:") {
					t.Errorf("thread copies = %+v, want both copied to the ticket's thread", thread)
				}
			}
			got := r.ticket(tk.ID)
			if got.Status != ticketing.StatusCerrado || !got.ClosedAt.Equal(ts("2026-04-15T08:00:00-03:00")) || !got.NextActionAt.IsZero() {
				t.Errorf("ticket after close: status %s closed %v next %v; want cerrado on Wednesday 15 at 08:00, nothing next", got.Status, got.ClosedAt, got.NextActionAt)
			}
			if lines := r.audit("auto_closed"); len(lines) != 1 || !strings.Contains(lines[0].Detail, "resuelto → cerrado") {
				t.Errorf("audit = %+v, want one auto_closed line", lines)
			}
			if got, want := r.obs.take(), []string{"Wed 08:00 closed #1"}; !slices.Equal(got, want) {
				t.Errorf("events = %q, want %q", got, want)
			}
		})
	}
}

func TestClientReplyCancelsAutoClose(t *testing.T) {
	tests := []struct {
		name        string
		replyAt     string
		wantNotices int
	}{
		{"reply before the notice: neither notice nor close", "2026-04-10T10:00:00-03:00", 0},
		{"reply after the notice: no close", "2026-04-13T12:00:00-03:00", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, wed10)
			tk := r.open("acme", ticketing.KindConsulta, ticketing.PriorityMedia, wed10)
			r.resolve(tk.ID, at("11:00"))
			reply := ts(tt.replyAt)
			r.tickEvery(at("11:00"), reply, 30*time.Minute)
			r.clientReplies(tk.ID, reply)
			r.tickEvery(reply, ts("2026-04-20T12:00:00-03:00"), 30*time.Minute)

			if got := len(r.sent(slackPost, "C1")); got != tt.wantNotices {
				t.Errorf("client got %d messages, want %d notices and no close", got, tt.wantNotices)
			}
			if got := r.ticket(tk.ID).Status; got != ticketing.StatusEnCurso {
				t.Errorf("status = %s, want en_curso", got)
			}
			if got := r.obs.take(); len(got) != 0 {
				t.Errorf("events = %q, want none", got)
			}
		})
	}
}

func TestNewWaitGetsAFreshNotice(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", ticketing.KindConsulta, ticketing.PriorityMedia, wed10)
	r.resolve(tk.ID, at("11:00"))
	r.tickEvery(at("11:00"), ts("2026-04-13T12:00:00-03:00"), 30*time.Minute) // first notice Monday 08:00
	r.clientReplies(tk.ID, ts("2026-04-13T12:00:00-03:00"))
	// Resolved again Tuesday 10:00: notice Friday 10:00, close 48 h later
	// on Sunday, so at Monday 20 April's opening.
	r.resolve(tk.ID, ts("2026-04-14T10:00:00-03:00"))
	r.tickEvery(ts("2026-04-14T10:00:00-03:00"), ts("2026-04-21T12:00:00-03:00"), 30*time.Minute)

	client := r.sent(slackPost, "C1")
	var got []string
	for _, it := range client {
		got = append(got, it.CreatedAt.In(buenosAires).Format("Mon 02 15:04"))
	}
	if want := []string{"Mon 13 08:00", "Fri 17 10:00", "Mon 20 08:00"}; !slices.Equal(got, want) {
		t.Errorf("client messages at %q, want notice, fresh notice, close at %q", got, want)
	}
	if !strings.Contains(client[1].Text, "se cerrará el lunes 20/04 a las 08:00") {
		t.Errorf("second notice = %q, want it to announce Monday 20 at 08:00", client[1].Text)
	}
	if got := r.ticket(tk.ID).Status; got != ticketing.StatusCerrado {
		t.Errorf("status = %s, want cerrado", got)
	}
}

func TestWaitingForInformationCountsFromTheWait(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", incidente, alta, wed10)
	// Answered at 10:30, then staff ask for details on Thursday 9 at
	// 15:00; the client's last message is from Wednesday.
	wait := ts("2026-04-09T15:00:00-03:00")
	r.change(tk.ID, func(t *ticketing.Ticket) {
		t.FirstResponseAt, t.Status, t.WaitingSince = at("10:30"), ticketing.StatusEsperandoCliente, wait
		t.NextActionAt = t.WaitStart().Add(72 * time.Hour)
	})
	r.tickEvery(wait, ts("2026-04-13T12:00:00-03:00"), 30*time.Minute)
	client := r.sent(slackPost, "C1")
	if len(client) != 1 || !client[0].CreatedAt.Equal(ts("2026-04-13T08:00:00-03:00")) ||
		!strings.Contains(client[0].Text, "seguimos esperando tu respuesta") {
		t.Errorf("client messages = %+v, want one notice on Monday 08:00 (72 h from Thursday 15:00 is Sunday)", client)
	}
}

// The close runs OnAutoClosed in its transaction, once, with the closed
// ticket; its failure rolls the close back for the next tick.
func TestAutoCloseRunsOnAutoClosed(t *testing.T) {
	var seen []ticketing.Status
	fail := true
	r := newRig(t, wed10, func(c *JobsConfig) {
		c.OnAutoClosed = func(_ context.Context, _ ticketing.Tx, t *ticketing.Ticket) error {
			seen = append(seen, t.Status)
			if fail {
				fail = false
				return errors.New("store busy")
			}
			return nil
		}
	})
	tk := r.open("acme", ticketing.KindConsulta, ticketing.PriorityMedia, wed10)
	r.resolve(tk.ID, at("11:00"))
	closeAt := ts("2026-04-15T08:00:00-03:00")
	r.tickEvery(at("11:00"), closeAt.Add(-30*time.Minute), 30*time.Minute)
	r.clock.Set(closeAt)
	if err := r.jobs.Tick(context.Background()); err == nil {
		t.Fatal("tick with a failing hook succeeded")
	}
	if got := r.ticket(tk.ID).Status; got == ticketing.StatusCerrado {
		t.Error("the close was kept although the hook failed")
	}
	r.tickEvery(closeAt, closeAt.Add(2*time.Hour), 30*time.Minute)
	if want := []ticketing.Status{ticketing.StatusCerrado, ticketing.StatusCerrado}; !slices.Equal(seen, want) {
		t.Errorf("hook saw %v, want the closed ticket twice (failed, then kept)", seen)
	}
	if got := r.ticket(tk.ID).Status; got != ticketing.StatusCerrado {
		t.Errorf("status = %s, want cerrado", got)
	}
}
