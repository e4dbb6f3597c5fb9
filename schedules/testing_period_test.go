package schedules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// deliver records, as the router's /soporte mover does, a requerimiento's
// delivery.
func (r *rig) deliver(id int64, when time.Time) {
	r.change(id, func(t *ticketing.Ticket) {
		if !t.Responded() {
			t.FirstResponseAt = when
		}
		t.Status, t.DeliveredAt = ticketing.StatusEntregado, when
		t.NextActionAt = when.Add(25 * 24 * time.Hour)
	})
}

func TestRequerimientoTestingPeriod(t *testing.T) {
	tests := []struct {
		name      string
		delivered string
		// back to development at this time, if set
		reopened  string
		wantTimes []string
		wantText  []string
		wantState ticketing.Status
	}{
		// Delivered Wednesday 8 April at 10:00: the 30 days end on Friday
		// 8 May at 10:00; the reminder is due Sunday 3 May, so it goes out
		// at Monday's opening.
		{"reminder, then closed as accepted", "2026-04-08T10:00:00-03:00", "",
			[]string{"Mon 04/05 08:00", "Fri 08/05 10:00"},
			[]string{"el período de prueba de 30 días del ticket #1 termina el viernes 08/05 a las 10:00", "damos el desarrollo por aceptado"},
			ticketing.StatusCerrado},
		// Delivered Thursday 9 April at 17:00: the end falls on Saturday
		// 9 May, so the close waits for Monday 11 May's opening.
		{"an end on a Saturday closes at the next opening", "2026-04-09T17:00:00-03:00", "",
			[]string{"Mon 04/05 17:00", "Mon 11/05 08:00"},
			[]string{"termina el sábado 09/05 a las 17:00", "damos el desarrollo por aceptado"},
			ticketing.StatusCerrado},
		{"back to development after the reminder: not closed", "2026-04-08T10:00:00-03:00", "2026-05-05T10:00:00-03:00",
			[]string{"Mon 04/05 08:00"},
			[]string{"termina el viernes 08/05"},
			ticketing.StatusEnDesarrollo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			delivered := ts(tt.delivered)
			r := newRig(t, delivered)
			tk := r.open("acme", ticketing.KindRequerimiento, ticketing.PriorityMedia, delivered.Add(-30*24*time.Hour))
			r.deliver(tk.ID, delivered)
			end := ts("2026-05-12T12:00:00-03:00")
			if tt.reopened != "" {
				reopened := ts(tt.reopened)
				r.tickEvery(delivered, reopened, time.Hour)
				r.change(tk.ID, func(t *ticketing.Ticket) { t.Status, t.NextActionAt = ticketing.StatusEnDesarrollo, time.Time{} })
				delivered = reopened
			}
			r.tickEvery(delivered, end, 30*time.Minute)

			var got []string
			client := r.sent(slackPost, "C1")
			for _, it := range client {
				got = append(got, it.CreatedAt.In(buenosAires).Format("Mon 02/01 15:04"))
			}
			if !slices.Equal(got, tt.wantTimes) {
				t.Fatalf("client messages at %q, want %q:\n%s", got, tt.wantTimes, texts(client))
			}
			for i, w := range tt.wantText {
				if !strings.Contains(client[i].Text, w) {
					t.Errorf("message %d = %q, want it to say %q", i, client[i].Text, w)
				}
			}
			final := r.ticket(tk.ID)
			if final.Status != tt.wantState {
				t.Errorf("status = %s, want %s", final.Status, tt.wantState)
			}
			closes := r.audit("auto_closed")
			if tt.wantState == ticketing.StatusCerrado {
				if len(closes) != 1 || !strings.Contains(closes[0].Detail, "entregado → cerrado: desarrollo aceptado") {
					t.Errorf("audit = %+v, want one line closing the delivered requerimiento as accepted", closes)
				}
				if final.CloseReason != ticketing.CloseReasonTestingAccepted {
					t.Errorf("close reason = %q", final.CloseReason)
				}
			} else if len(closes) != 0 {
				t.Errorf("audit = %+v, want no close", closes)
			}
		})
	}
}

func TestRedeliveryStartsAFreshTestingPeriod(t *testing.T) {
	first := ts("2026-04-08T10:00:00-03:00")
	r := newRig(t, first)
	tk := r.open("acme", ticketing.KindRequerimiento, ticketing.PriorityMedia, first.Add(-30*24*time.Hour))
	r.deliver(tk.ID, first)
	r.tickEvery(first, ts("2026-05-05T10:00:00-03:00"), time.Hour) // reminder on 4 May
	r.change(tk.ID, func(t *ticketing.Ticket) { t.Status, t.NextActionAt = ticketing.StatusEnDesarrollo, time.Time{} })
	second := ts("2026-05-06T10:00:00-03:00")
	r.deliver(tk.ID, second)
	r.tickEvery(second, ts("2026-06-06T12:00:00-03:00"), time.Hour)
	var got []string
	for _, it := range r.sent(slackPost, "C1") {
		got = append(got, it.CreatedAt.In(buenosAires).Format("02/01 15:04"))
	}
	// Second period: ends Friday 5 June 10:00, reminder Sunday 31 May → Monday 1 June 08:00.
	if want := []string{"04/05 08:00", "01/06 08:00", "05/06 10:00"}; !slices.Equal(got, want) {
		t.Errorf("client messages at %q, want %q", got, want)
	}
}
