package schedules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

const (
	alta      = ticketing.PriorityAlta
	critica   = ticketing.PriorityCritica
	incidente = ticketing.KindIncidente
)

// An ALTA incident received Wednesday 8 April 2026 at 10:00 in Buenos
// Aires is due at 14:00: 50 % at 12:00, 75 % at 13:00, 90 % at 13:36.
var wed10 = ts("2026-04-08T10:00:00-03:00")

func at(hhmm string) time.Time { return ts("2026-04-08T" + hhmm + ":00-03:00") }

func TestWatchPingsEachThresholdOnce(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", incidente, alta, wed10)
	r.tickEvery(at("09:59"), at("15:00"), time.Minute)

	want := []string{"Wed 12:00 ping #1 0.5", "Wed 13:00 ping #1 0.75", "Wed 13:36 ping #1 0.9", "Wed 14:00 breach #1"}
	if got := r.obs.take(); !slices.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
	dms := r.sent(slackDM, "UF")
	wantDMs := []string{
		"⏰ quedan 2 h para responder #1 de ACME (ALTA): vence hoy a las 14:00 (hora de Buenos Aires).",
		"⏰ queda 1 h para responder #1 de ACME (ALTA): vence hoy a las 14:00 (hora de Buenos Aires).",
		"⏰ quedan 24 min para responder #1 de ACME (ALTA): vence hoy a las 14:00 (hora de Buenos Aires).",
		"🔴 #1 de ACME (ALTA) acaba de vencer sin primera respuesta.",
	}
	if len(dms) != len(wantDMs) {
		t.Fatalf("focal point got %d DMs, want %d:\n%s", len(dms), len(wantDMs), texts(dms))
	}
	for i, w := range wantDMs {
		if !strings.HasPrefix(dms[i].Text, w) {
			t.Errorf("DM %d = %q, want it to start with %q", i, dms[i].Text, w)
		}
	}
	// Pings and the breach are the desk's: the card's thread gets them,
	// the client's thread nothing.
	if client := r.sent(slackPost, "C1"); len(client) != 0 {
		t.Errorf("client's channel got %d posts, want none:\n%s", len(client), texts(client))
	}
	thread := r.sent(slackPost, "CTRIAGE")
	if len(thread) != 4 {
		t.Fatalf("card thread got %d posts, want 4:\n%s", len(thread), texts(thread))
	}
	for _, it := range thread {
		if it.Card != ticketing.CardThread || it.TicketID != tk.ID || !strings.Contains(it.Text, "<@UF>") {
			t.Errorf("triage post %q (card %q, ticket %d), want in #%d's card thread mentioning <@UF>", it.Text, it.Card, it.TicketID, tk.ID)
		}
	}
	if got := r.ticket(tk.ID).NextActionAt; !got.IsZero() {
		t.Errorf("after the breach NextActionAt = %v, want zero", got)
	}
}

func TestWatchBreachEscalates(t *testing.T) {
	tests := []struct {
		name     string
		client   string
		absent   []string
		wantDMs  []string
		wantDesk string
	}{
		{"focal point and backups", "acme", nil, []string{"UB1", "UB2", "UF"}, "Focal point: <@UF>. Escalado a <@UB1>, <@UB2>."},
		{"no backups: the agents", "sola", nil, []string{"UA1", "UA2", "UG"}, "Focal point: <@UG>. Escalado a <@UA1>, <@UA2>."},
		{"absent focal point: backups only", "acme", []string{"UF"}, []string{"UB1", "UB2"}, "Escalado a <@UB1>, <@UB2>."},
		{"absent backups: the agents", "acme", []string{"UB1", "UB2"}, []string{"UA1", "UA2", "UF"}, "Escalado a <@UA1>, <@UA2>."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, wed10)
			for _, id := range tt.absent {
				r.setAbsent(id, true)
			}
			tk := r.open(tt.client, incidente, alta, wed10)
			r.tick(at("14:00"))
			got := r.dmTargets()
			slices.Sort(got)
			if !slices.Equal(got, tt.wantDMs) {
				t.Errorf("breach DMs to %v, want %v", got, tt.wantDMs)
			}
			desk := r.sent(slackPost, "CDESK")
			if len(desk) != 1 || !strings.Contains(desk[0].Text, "SLA incumplido") || !strings.Contains(desk[0].Text, tt.wantDesk) {
				t.Errorf("desk alerts = %q, want one containing %q", texts(desk), tt.wantDesk)
			}
			if got := r.audit("sla_breached"); len(got) != 1 || got[0].TicketID != tk.ID {
				t.Errorf("breach audit lines = %+v, want one for #%d", got, tk.ID)
			}
		})
	}
}

func TestWatchCatchesUpOnceAfterRestart(t *testing.T) {
	tests := []struct {
		name string
		// ticks after the first one at 10:00, each in a freshly started Jobs
		ticks   []string
		want    []string
		wantDMs []string
	}{
		{"jump past three thresholds: one ping, the highest, with the true time left",
			[]string{"13:40", "13:41", "13:59"},
			[]string{"Wed 13:40 ping #1 0.9"},
			[]string{"quedan 20 min para responder"}},
		{"jump past every threshold and the deadline: the breach only",
			[]string{"14:30", "14:31", "16:00"},
			[]string{"Wed 14:30 breach #1"},
			[]string{"venció hace 30 min sin primera respuesta"}},
		{"one threshold, then two at once, then the breach",
			[]string{"12:10", "13:50", "13:50", "14:05"},
			[]string{"Wed 12:10 ping #1 0.5", "Wed 13:50 ping #1 0.9", "Wed 14:05 breach #1"},
			[]string{"quedan 1 h 50 min", "quedan 10 min", "venció hace 5 min"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, wed10)
			tk := r.open("acme", incidente, alta, wed10)
			r.tick(wed10)
			for _, hhmm := range tt.ticks {
				r.restart()
				r.tick(at(hhmm))
			}
			if got := r.obs.take(); !slices.Equal(got, tt.want) {
				t.Errorf("events = %q, want %q", got, tt.want)
			}
			dms := r.sent(slackDM, "UF")
			if len(dms) != len(tt.wantDMs) {
				t.Fatalf("focal point got %d DMs, want %d:\n%s", len(dms), len(tt.wantDMs), texts(dms))
			}
			for i, w := range tt.wantDMs {
				if !strings.Contains(dms[i].Text, w) {
					t.Errorf("DM %d = %q, want it to contain %q", i, dms[i].Text, w)
				}
			}
			last := at(tt.ticks[len(tt.ticks)-1])
			for _, w := range []float64{0.5, 0.75, 0.9} {
				crossed := !r.jobs.engine.Calendar(r.client("acme"), incidente).Add(tk.ClockStart, time.Duration(w*float64(4*time.Hour))).After(last)
				if got := r.notified(tk.ID, kindWarn, w); got != crossed {
					t.Errorf("threshold %g recorded = %v, want %v", w, got, crossed)
				}
			}
		})
	}
}

func TestWatchKeepsToOpenHours(t *testing.T) {
	tests := []struct {
		name     string
		received string
		priority ticketing.Priority
		// ticks as [from, to, step]; a restart precedes each range
		ranges [][3]string
		want   []string
	}{
		// Friday 18:30 ALTA: 30 min on Friday, the rest from Monday 08:00;
		// due Monday 13 April at 11:30.
		{"Friday evening: nothing on the weekend, the 50 % on Monday morning", "2026-04-10T18:30:00-03:00", alta,
			[][3]string{{"2026-04-10T18:30:00-03:00", "2026-04-13T12:00:00-03:00", "6m"}},
			[]string{"Mon 09:30 ping #1 0.5", "Mon 10:30 ping #1 0.75", "Mon 11:06 ping #1 0.9", "Mon 11:30 breach #1"}},
		// Wednesday 15:30 ALTA, due Thursday 08:30: 50 % at 17:30, 75 % at
		// 18:30, 90 % on Thursday at 08:06. The bot is down from 17:00 and
		// back at 03:00, when the calendar is closed.
		{"back at 03:00: wait for the opening, then one ping for both thresholds", "2026-04-08T15:30:00-03:00", alta,
			[][3]string{
				{"2026-04-08T17:00:00-03:00", "2026-04-08T17:00:00-03:00", "1m"},
				{"2026-04-09T03:00:00-03:00", "2026-04-09T08:40:00-03:00", "2m"},
			},
			[]string{"Thu 08:00 ping #1 0.75", "Thu 08:06 ping #1 0.9", "Thu 08:30 breach #1"}},
		{"a deadline at closing time is breached at closing time", "2026-04-08T17:00:00-03:00", critica,
			[][3]string{{"2026-04-08T17:00:00-03:00", "2026-04-08T19:10:00-03:00", "1m"}},
			[]string{"Wed 18:00 ping #1 0.5", "Wed 18:30 ping #1 0.75", "Wed 18:48 ping #1 0.9", "Wed 19:00 breach #1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			received := ts(tt.received)
			r := newRig(t, received)
			r.open("acme", incidente, tt.priority, received)
			for _, rg := range tt.ranges {
				step, _ := time.ParseDuration(rg[2])
				r.restart()
				r.tickEvery(ts(rg[0]), ts(rg[1]), step)
			}
			if got := r.obs.take(); !slices.Equal(got, tt.want) {
				t.Errorf("events = %q, want %q", got, tt.want)
			}
			commercial := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
			for _, it := range r.ticketItems() {
				if l := it.CreatedAt.In(buenosAires); !commercial.IsOpen(l) && !commercial.IsOpen(l.Add(-closeGrace)) {
					t.Errorf("%q queued at %s, outside attended hours", it.Text, l.Format("Mon 15:04"))
				}
			}
		})
	}
}

func TestWatchPagesWhoIsPresentAtTickTime(t *testing.T) {
	tests := []struct {
		name   string
		client string
		absent []string
		want   []string
	}{
		{"focal point present", "acme", nil, []string{"UF"}},
		{"focal point absent: the backups, from the first threshold", "acme", []string{"UF"}, []string{"UB1", "UB2"}},
		{"focal point and a backup absent", "acme", []string{"UF", "UB1"}, []string{"UB2"}},
		{"focal point and every backup absent: any agent", "acme", []string{"UF", "UB1", "UB2"}, []string{"UA1", "UA2"}},
		{"no backups configured: any agent", "sola", []string{"UG"}, []string{"UA1", "UA2"}},
		{"nobody present: only the thread", "sola", []string{"UG", "UA1", "UA2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, wed10)
			for _, id := range tt.absent {
				r.setAbsent(id, true)
			}
			r.open(tt.client, incidente, alta, wed10)
			r.tick(at("12:00"))
			if got := r.dmTargets(); !slices.Equal(got, tt.want) {
				t.Errorf("pinged %v, want %v", got, tt.want)
			}
			items := r.ticketItems()
			thread := items[len(items)-1]
			if thread.Route() != slackPost || !strings.Contains(thread.Text, "para responder #1") {
				t.Fatalf("last item = %+v, want the thread ping", thread)
			}
			for _, id := range tt.want {
				if !strings.Contains(thread.Text, "<@"+id+">") {
					t.Errorf("thread ping %q does not mention %s", thread.Text, id)
				}
			}
		})
	}
}

func TestWatchAbsenceChangesBetweenTicks(t *testing.T) {
	r := newRig(t, wed10)
	r.open("acme", incidente, alta, wed10)
	r.tick(at("12:00"))
	r.setAbsent("UF", true)
	r.tick(at("13:00"))
	r.setAbsent("UF", false)
	r.tick(at("13:36"))
	if got, want := r.dmTargets(), []string{"UF", "UB1", "UB2", "UF"}; !slices.Equal(got, want) {
		t.Errorf("DMs to %v, want %v", got, want)
	}
}

func TestWatchMovesNextActionToTheNextEvent(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", incidente, alta, wed10)
	tests := []struct {
		tick string
		want string // "" for none
	}{
		{"10:00", "12:00"},
		{"11:00", "12:00"}, // not due: untouched
		{"12:00", "13:00"},
		{"13:00", "13:36"},
		{"13:36", "14:00"},
		{"14:00", ""},
	}
	for _, tt := range tests {
		r.tick(at(tt.tick))
		got := r.ticket(tk.ID).NextActionAt
		want := time.Time{}
		if tt.want != "" {
			want = at(tt.want)
		}
		if !got.Equal(want) {
			t.Errorf("after the %s tick NextActionAt = %v, want %v", tt.tick, got, want)
		}
	}
}

func TestWatchStopsAtFirstResponse(t *testing.T) {
	r := newRig(t, wed10)
	tk := r.open("acme", incidente, alta, wed10)
	r.tick(at("12:00"))
	// The router records the answer and clears the next action.
	r.change(tk.ID, func(t *ticketing.Ticket) {
		t.FirstResponseAt, t.Status, t.NextActionAt = at("12:30"), ticketing.StatusEnCurso, time.Time{}
	})
	r.tickEvery(at("12:30"), at("15:00"), 10*time.Minute)
	if got, want := r.obs.take(), []string{"Wed 12:00 ping #1 0.5"}; !slices.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

func TestWatchDefersToTheNextOpening(t *testing.T) {
	received := ts("2026-04-08T15:30:00-03:00")
	r := newRig(t, received)
	tk := r.open("acme", incidente, alta, received)
	r.tick(ts("2026-04-08T15:30:00-03:00"))
	r.restart()
	r.tick(ts("2026-04-09T03:00:00-03:00"))
	if got := r.ticketItems(); len(got) != 0 {
		t.Errorf("at 03:00 queued %q, want nothing", texts(got))
	}
	if got, want := r.ticket(tk.ID).NextActionAt, ts("2026-04-09T08:00:00-03:00"); !got.Equal(want) {
		t.Errorf("NextActionAt = %v, want the opening %v", got, want)
	}
	r.tick(ts("2026-04-09T08:00:00-03:00"))
	dms := r.sent(slackDM, "UF")
	if len(dms) != 1 || !strings.HasPrefix(dms[0].Text, "⏰ quedan 30 min para responder #1 de ACME (ALTA): vence hoy a las 08:30") {
		t.Errorf("DMs at the opening = %q, want one ping with 30 min left", texts(dms))
	}
}

func TestWatchCriticalOn7x24PingsAtNight(t *testing.T) {
	// A Service Desk critical incident for Andes (7x24, Santiago) on
	// Sunday 12 April at 03:00: its plan's hours are every hour, so the
	// 2 h clock and its pings run through the night.
	received := ts("2026-04-12T03:00:00-04:00")
	r := newRig(t, received)
	r.open("andes", ticketing.KindIncidenteCritico, critica, received)
	r.tickEvery(received, ts("2026-04-12T05:30:00-04:00"), time.Minute)
	want := []string{"Sun 04:00 ping #1 0.5", "Sun 04:30 ping #1 0.75", "Sun 04:48 ping #1 0.9", "Sun 05:00 breach #1"}
	if got := r.obs.take(); !slices.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
	dms := r.sent(slackDM, "UF")
	if len(dms) == 0 || !strings.HasPrefix(dms[0].Text, "⏰ queda 1 h para responder #1 de Andes (CRÍTICA): vence hoy a las 05:00 (hora de Santiago).") {
		t.Errorf("first DM = %q", texts(dms))
	}
}

// With the triage channel left to default, it is the desk's own channel:
// the breach's top-level alert and its post in the card's thread are two
// messages there, not one deduped away.
func TestBreachInTheDesksOwnChannel(t *testing.T) {
	r := newRig(t, wed10, func(c *JobsConfig) { c.Triage = ticketing.Conversation{} })
	tk := r.open("acme", incidente, alta, wed10)
	r.tick(at("14:00"))
	var alert, thread int
	for _, it := range r.sent(slackPost, "CDESK") {
		switch {
		case it.Card == ticketing.CardThread && it.TicketID == tk.ID:
			thread++
		case it.Card == ticketing.CardNone && strings.Contains(it.Text, "SLA incumplido"):
			alert++
		}
	}
	if alert != 1 || thread != 1 {
		t.Errorf("desk channel got %d alerts and %d card-thread posts, want 1 and 1:\n%s", alert, thread, texts(r.sent(slackPost, "CDESK")))
	}
}
