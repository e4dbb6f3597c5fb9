package schedules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// mon is Monday 13 April 2026 in Buenos Aires at hh:mm.
func mon(hhmm string) time.Time { return ts("2026-04-13T" + hhmm + ":00-03:00") }
func tue(hhmm string) time.Time { return ts("2026-04-14T" + hhmm + ":00-03:00") }

func TestDigestOncePerWorkingDay(t *testing.T) {
	type run struct {
		restart bool
		from    time.Time
		to      time.Time
	}
	minutely := func(from, to time.Time) run { return run{true, from, to} }
	tests := []struct {
		name   string
		absent bool
		runs   []run
		want   []string
	}{
		{"on time", false, []run{minutely(mon("07:55"), mon("08:05"))}, []string{"Mon 08:00 digest UG"}},
		{"missed 08:00, back at 08:03", false, []run{minutely(mon("07:50"), mon("07:50")), minutely(mon("08:03"), mon("08:06"))},
			[]string{"Mon 08:03 digest UG"}},
		{"sent at 08:00, restarted at 08:03", false, []run{minutely(mon("08:00"), mon("08:00")), minutely(mon("08:03"), mon("08:06"))},
			[]string{"Mon 08:00 digest UG"}},
		{"restarted at 09:30 the next day: that day's only", false,
			[]run{minutely(mon("08:00"), mon("08:01")), minutely(tue("09:30"), tue("09:32"))},
			[]string{"Mon 08:00 digest UG", "Tue 09:30 digest UG"}},
		{"down all Monday, back Tuesday at 09:30: one digest", false,
			[]run{minutely(tue("09:30"), tue("09:32"))},
			[]string{"Tue 09:30 digest UG"}},
		{"missed, back at 09:59: still the morning", false,
			[]run{minutely(mon("09:59"), mon("09:59"))},
			[]string{"Mon 09:59 digest UG"}},
		{"missed, back at 10:00: none until tomorrow", false,
			[]run{minutely(mon("10:00"), mon("10:02")), minutely(tue("07:59"), tue("08:00"))},
			[]string{"Tue 08:00 digest UG"}},
		{"missed, back at 18:40: none in the evening", false,
			[]run{minutely(mon("18:40"), mon("18:45"))},
			nil},
		{"at night: none, the next morning's instead", false,
			[]run{minutely(mon("20:00"), mon("20:01")), minutely(tue("07:59"), tue("08:01"))},
			[]string{"Tue 08:00 digest UG"}},
		{"weekend: none", false,
			[]run{minutely(ts("2026-04-11T07:59:00-03:00"), ts("2026-04-11T08:05:00-03:00")), minutely(ts("2026-04-12T08:00:00-03:00"), ts("2026-04-12T08:01:00-03:00"))},
			nil},
		{"Malvinas holiday: none", false,
			[]run{minutely(ts("2026-04-02T07:59:00-03:00"), ts("2026-04-02T08:05:00-03:00"))},
			nil},
		{"absent focal point: none", true, []run{minutely(mon("07:59"), mon("08:05"))}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, tt.runs[0].from)
			if tt.absent {
				r.setAbsent("UG", true)
			}
			for _, rn := range tt.runs {
				if rn.restart {
					r.restart()
				}
				r.tickEvery(rn.from, rn.to, time.Minute)
			}
			var got []string
			for _, e := range r.obs.takeDigests() {
				if strings.HasSuffix(e, " UG") {
					got = append(got, e)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("digests = %q, want %q", got, tt.want)
			}
			if n := len(r.digests("UG")); n != len(tt.want) {
				t.Errorf("queued %d digests, want %d", n, len(tt.want))
			}
		})
	}
}

func TestDigestComesBackWithTheFocalPoint(t *testing.T) {
	r := newRig(t, mon("07:59"))
	r.setAbsent("UG", true)
	r.tickEvery(mon("07:59"), mon("08:02"), time.Minute)
	r.setAbsent("UG", false)
	r.tickEvery(mon("09:30"), mon("09:32"), time.Minute)
	var got []string
	for _, e := range r.obs.takeDigests() {
		if strings.HasSuffix(e, " UG") {
			got = append(got, e)
		}
	}
	if want := []string{"Mon 09:30 digest UG"}; !slices.Equal(got, want) {
		t.Errorf("digests = %q, want %q", got, want)
	}
}

func TestDigestOnEachZonesMorning(t *testing.T) {
	// UF looks after ACME (Buenos Aires, -03) and Andes (Santiago, -04 in
	// April): one digest at each zone's 08:00.
	r := newRig(t, mon("07:00"))
	r.tickEvery(mon("07:00"), mon("10:00"), 15*time.Minute)
	var got []string
	for _, e := range r.obs.takeDigests() {
		if strings.HasSuffix(e, " UF") {
			got = append(got, e)
		}
	}
	if want := []string{"Mon 08:00 digest UF", "Mon 09:00 digest UF"}; !slices.Equal(got, want) {
		t.Errorf("digests = %q, want %q", got, want)
	}
	d := r.digests("UF")
	if len(d) != 2 || !strings.Contains(d[0].Text, "(hora de Buenos Aires)") || !strings.Contains(d[1].Text, "(hora de Santiago)") {
		t.Errorf("digests = %q, want Buenos Aires's then Santiago's", texts(d))
	}
}

func TestDigestContent(t *testing.T) {
	tests := []struct {
		l    wording.Language
		want []string
	}{
		{wording.SpanishAR, []string{
			"☀️ *Resumen diario* · lunes 13/04 (hora de Buenos Aires)",
			"",
			"*Vencen hoy sin respuesta (1):*",
			"• #2 de Sola (ALTA) · vence hoy a las 10:00",
			"",
			"*Incumplidos el viernes 10/04 (1):*",
			"• #1 de Sola (Consulta, MEDIA) · respondido con 2 h de atraso",
			"",
			"*Tus tickets abiertos (2), por vencimiento:*",
			"• #1 de Sola (Consulta, MEDIA) · en curso",
			"• #2 de Sola (ALTA) · nuevo · sin respuesta, vence hoy a las 10:00",
		}},
		// desk.language: en.
		{wording.English, []string{
			"☀️ *Daily digest* · Monday 13/04 (Buenos Aires time)",
			"",
			"*Due today with no answer (1):*",
			"• #2 of Sola (HIGH) · due today at 10:00",
			"",
			"*Breached on Friday 10/04 (1):*",
			"• #1 of Sola (Question, MEDIUM) · answered 2 h late",
			"",
			"*Your open tickets (2), by due time:*",
			"• #1 of Sola (Question, MEDIUM) · in progress",
			"• #2 of Sola (HIGH) · new · no answer, due today at 10:00",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.l), func(t *testing.T) {
			r := newRig(t, ts("2026-04-09T10:00:00-03:00"), func(c *JobsConfig) { c.DeskLanguage = tt.l })
			// #1: MEDIA from Thursday 9 April 10:00, due Friday 10:00, answered
			// Friday 12:00: Friday's breach, still open.
			late := r.open("sola", ticketing.KindConsulta, ticketing.PriorityMedia, ts("2026-04-09T10:00:00-03:00"))
			r.change(late.ID, func(t *ticketing.Ticket) {
				t.FirstResponseAt, t.Status, t.NextActionAt = ts("2026-04-10T12:00:00-03:00"), ticketing.StatusEnCurso, time.Time{}
			})
			// #2: ALTA from Friday 17:00, due Monday 10:00, unanswered.
			r.open("sola", incidente, alta, ts("2026-04-10T17:00:00-03:00"))
			// #3: closed, not listed.
			closed := r.open("sola", incidente, alta, ts("2026-04-09T11:00:00-03:00"))
			r.change(closed.ID, func(t *ticketing.Ticket) {
				t.FirstResponseAt, t.Status, t.ClosedAt, t.NextActionAt = ts("2026-04-09T11:30:00-03:00"), ticketing.StatusCerrado, ts("2026-04-09T12:00:00-03:00"), time.Time{}
			})
			// #4: another client's ticket, not UG's.
			r.open("acme", incidente, alta, ts("2026-04-10T17:00:00-03:00"))

			r.tick(mon("08:00"))
			d := r.digests("UG")
			if len(d) != 1 {
				t.Fatalf("digests = %q, want one", texts(d))
			}
			if got, want := d[0].Text, strings.Join(tt.want, "\n"); got != want {
				t.Errorf("digest:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// A focal point with nothing open, due or breached gets no digest; one with
// an open ticket gets it as before.
func TestEmptyDigestsAreNotSent(t *testing.T) {
	r := newRig(t, mon("07:59"), func(c *JobsConfig) { c.SendEmptyDigests = false })
	r.tickEvery(mon("07:59"), mon("08:02"), time.Minute)
	if got := r.obs.takeDigests(); len(got) != 0 {
		t.Errorf("digests with nothing to say = %q, want none", got)
	}
	r.open("sola", ticketing.KindIncidente, ticketing.PriorityAlta, mon("08:30"))
	r.tickEvery(tue("07:59"), tue("08:02"), time.Minute)
	var got []string
	for _, e := range r.obs.takeDigests() {
		if strings.HasSuffix(e, " UG") {
			got = append(got, e)
		}
	}
	if want := []string{"Tue 08:00 digest UG"}; !slices.Equal(got, want) {
		t.Errorf("digests = %q, want %q", got, want)
	}
}
