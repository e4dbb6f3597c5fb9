package schedules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// awaiting marks a ticket first answered at answered as waiting for an
// answer to a client message at since, as the router does.
func (r *rig) awaiting(id int64, answered, since time.Time) {
	r.t.Helper()
	c := r.client("acme")
	start, due, ok := r.cfg.Engine.NextResponseDeadline(c, incidente, alta, since)
	if !ok {
		r.t.Fatal("next responses are off")
	}
	r.change(id, func(t *ticketing.Ticket) {
		t.Status, t.FirstResponseAt, t.FirstResponder = ticketing.StatusEnCurso, answered, "UF"
		t.AwaitingSince, t.NextClockStart, t.NextDueAt, t.NextActionAt = since, start, due, start
	})
}

// pingsContaining lists where the pings (⏰) that contain s went.
func (r *rig) pingsContaining(s string) []string {
	var out []string
	for _, it := range r.ticketItems() {
		if strings.Contains(it.Text, "⏰") && strings.Contains(it.Text, s) {
			out = append(out, it.Route()+" "+it.To.Address)
		}
	}
	return out
}

// A client message after the first response gets the ladder and the
// breach once; a later message, answered in between, gets its own.
func TestNextResponseWatch(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", incidente, alta, wed10)
	r.awaiting(tk.ID, at("10:05"), at("10:30"))
	r.tickEvery(at("10:30"), at("15:00"), time.Minute)
	if got := r.obs.take(); len(got) != 0 {
		t.Errorf("first-response observer events %q, want none for a next response", got)
	}
	pings := r.pingsContaining("para responder el nuevo mensaje del cliente en #1 de ACME (ALTA)")
	want := []string{"slack_dm UF", "slack_post CTRIAGE", "slack_dm UF", "slack_post CTRIAGE", "slack_dm UF", "slack_post CTRIAGE"}
	if !slices.Equal(pings, want) {
		t.Errorf("pings = %q, want %q", pings, want)
	}
	if got := r.audit(ticketing.AuditNextBreached); len(got) != 1 {
		t.Errorf("next-response breach audit lines = %d, want 1", len(got))
	}
	desk := r.sent(slackPost, "CDESK")
	if len(desk) != 1 || !strings.Contains(desk[0].Text, "respuesta siguiente") {
		t.Errorf("desk alerts = %q, want one next-response breach", texts(desk))
	}

	// Answered, then a new message: a new clock with records of its own.
	r.awaiting(tk.ID, at("10:05"), at("15:10"))
	r.tickEvery(at("15:10"), at("17:15"), time.Minute)
	if got := r.pingsContaining("quedan 2 h para responder el nuevo mensaje"); len(got) != 4 {
		t.Errorf("50%% pings over both clocks = %q, want 2 DMs and 2 thread posts", got)
	}
}

func TestNextResponseOff(t *testing.T) {
	e := NewEngine(nil).WithNextResponse(NextResponsePolicy{Off: true})
	if _, _, ok := e.NextResponseDeadline(testClients()[0], incidente, alta, wed10); ok {
		t.Error("next responses timed with the policy off")
	}
	custom := NewEngine(nil).WithNextResponse(NextResponsePolicy{Targets: map[ticketing.Priority]ticketing.Target{alta: {OpenTime: time.Hour}}})
	tests := []struct {
		p    ticketing.Priority
		want time.Time
	}{
		{alta, at("11:00")},
		{ticketing.PriorityCritica, at("12:00")},
	}
	for _, tt := range tests {
		if _, due, _ := custom.NextResponseDeadline(testClients()[0], incidente, tt.p, wed10); !due.Equal(tt.want) {
			t.Errorf("%s next response due %v, want %v", tt.p, due, tt.want)
		}
	}
}

// The digest lists a client message awaiting an answer with its
// next-response deadline, and flags a ticket past its resolution goal.
func TestDigestShowsNextResponsesAndResolutionGoals(t *testing.T) {
	r := newRig(t, ts("2026-04-10T10:00:00-03:00"), func(c *JobsConfig) {
		c.ResolutionTargets = map[ticketing.Priority]time.Duration{alta: 8 * time.Hour}
	})
	tk := r.open("acme", incidente, alta, ts("2026-04-10T10:00:00-03:00"))
	// Friday 10:00 to Monday 08:00 is 9 attended hours, 1 of them paused.
	r.change(tk.ID, func(t *ticketing.Ticket) {
		t.Status, t.FirstResponseAt, t.PausedFor = ticketing.StatusEnCurso, ts("2026-04-10T10:05:00-03:00"), time.Hour
		t.NextActionAt = time.Time{}
	})
	other := r.open("acme", incidente, alta, ts("2026-04-10T18:00:00-03:00"))
	r.awaiting(other.ID, ts("2026-04-10T18:05:00-03:00"), ts("2026-04-10T18:30:00-03:00"))
	r.change(other.ID, func(t *ticketing.Ticket) { t.NextActionAt = time.Time{} })
	r.tick(mon("08:00"))
	dms := r.digests("UF")
	if len(dms) != 1 {
		t.Fatalf("focal point got %d DMs, want the digest:\n%s", len(dms), texts(dms))
	}
	for _, want := range []string{
		"*Mensajes del cliente sin responder después de la primera respuesta (1):*\n• #2 de ACME (ALTA) · vence hoy a las 11:30",
		"• #1 de ACME (ALTA) · en curso\n",
		"• #2 de ACME (ALTA) · en curso\n",
	} {
		if !strings.Contains(dms[0].Text+"\n", want) {
			t.Errorf("digest lacks %q:\n%s", want, dms[0].Text)
		}
	}
	// Monday 08:00: 8 h net, not over; by Tuesday it is well over.
	r.tick(tue("08:00"))
	dms = r.digests("UF")
	if len(dms) != 2 || !strings.Contains(dms[1].Text, "• #1 de ACME (ALTA) · en curso · ⏱️ sobre el objetivo de resolución") {
		t.Errorf("Tuesday's digest does not flag #1 over its goal:\n%s", texts(dms))
	}
}
