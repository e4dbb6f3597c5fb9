package report_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/report"
	"supportbot/ticketing"
)

func TestSelfServedCounted(t *testing.T) {
	day := time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC)
	mk := func(id int64, reason ticketing.CloseReason) *ticketing.Ticket {
		tc := tk{id: id, client: "acme", prio: ticketing.PriorityMedia, source: ticketing.SourceSlack, received: day, target: 24 * time.Hour}.ticket()
		if reason != "" {
			tc.Status, tc.ClosedAt, tc.CloseReason = ticketing.StatusCerrado, day.Add(time.Hour), reason
		}
		return tc
	}
	in := report.Input{Month: november, Clients: clients(), Hours: halfHours{}, Now: reportNow, Tickets: []*ticketing.Ticket{
		mk(1, ticketing.CloseReasonSelfServed), mk(2, ticketing.CloseReasonSelfServed), mk(3, ticketing.CloseReasonClientConformity), mk(4, ""),
	}}
	r := report.Build(in)
	c := r.Clients[0]
	if got, want := c.Total.SelfServed, 2; got != want {
		t.Errorf("self-served = %d, want %d", got, want)
	}
	const want = "Autoservicio (resueltos con un artículo sugerido): 2 de 4 tickets"
	if s, _ := report.Summary(r, "acme"); !strings.Contains(s, want) {
		t.Errorf("summary lacks %q:\n%s", want, s)
	}
	var text strings.Builder
	if err := report.WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), want) {
		t.Errorf("text report lacks %q:\n%s", want, text.String())
	}
}
