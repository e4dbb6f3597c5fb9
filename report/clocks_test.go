package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/report"
	"supportbot/ticketing"
)

// clocksInput has three resolved alta tickets of acme (one of them paused
// while it waited on the client), one unresolved, and four next-response
// clocks: met, late, overdue and pending.
func clocksInput() report.Input {
	day := time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC)
	resolvedAfter := func(id int64, wall, paused time.Duration) *ticketing.Ticket {
		t := tk{id: id, client: "acme", prio: ticketing.PriorityAlta, source: ticketing.SourceSlack, received: day, target: 4 * time.Hour, respond: time.Hour}.ticket()
		t.ResolvedAt, t.PausedFor = day.Add(wall), paused
		return t
	}
	tickets := []*ticketing.Ticket{
		resolvedAfter(1, 4*time.Hour, 0),            // 2h attended
		resolvedAfter(2, 20*time.Hour, 6*time.Hour), // 10h attended, 6h paused: 4h
		resolvedAfter(3, 40*time.Hour, 0),           // 20h attended
		tk{id: 4, client: "acme", prio: ticketing.PriorityAlta, source: ticketing.SourceSlack, received: day, target: 4 * time.Hour}.ticket(),
	}
	next := func(id int64, since time.Time, answered time.Duration) ticketing.NextResponse {
		n := ticketing.NextResponse{TicketID: id, ClientID: "acme", Priority: ticketing.PriorityAlta, Since: since, ClockStart: since, DueAt: since.Add(4 * time.Hour)}
		if answered > 0 {
			n.AnsweredAt, n.AnsweredBy = since.Add(answered), "UANA"
		}
		return n
	}
	return report.Input{
		Month: november, Clients: clients(), Tickets: tickets, Hours: halfHours{}, Now: reportNow,
		NextResponses: []ticketing.NextResponse{
			next(1, day.Add(2*time.Hour), time.Hour),                   // met
			next(2, day.Add(3*time.Hour), 5*time.Hour),                 // late
			next(3, day.Add(4*time.Hour), 0),                           // overdue by reportNow
			next(4, reportNow.Add(-time.Hour), 0),                      // pending, but in December: not this month
			next(4, time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC), 0), // in November (Buenos Aires), due after reportNow? no: overdue
		},
		ResolutionTargets: map[ticketing.Priority]time.Duration{ticketing.PriorityAlta: 5 * time.Hour},
	}
}

func TestNextResponsesAndResolution(t *testing.T) {
	r := report.Build(clocksInput())
	acme := r.Clients[0]
	alta := acme.Rows[1]
	type figures struct {
		next, met, breaches, pending, resolved, over int
		median, p90                                  time.Duration
	}
	got := figures{alta.NextResponses, alta.NextMet, alta.NextBreaches, alta.NextPending, alta.Resolved, alta.OverResolution, alta.ResolutionMedian, alta.ResolutionP90}
	want := figures{next: 4, met: 1, breaches: 3, pending: 0, resolved: 3, over: 1, median: 4 * time.Hour, p90: 20 * time.Hour}
	if alta.Priority != ticketing.PriorityAlta || got != want {
		t.Errorf("acme alta (%s) = %+v, want %+v", alta.Priority, got, want)
	}
	if acme.Total.Resolved != 3 || acme.Total.ResolutionMedian != 4*time.Hour || r.Desk.Total.NextResponses != 4 {
		t.Errorf("acme total resolved %d median %v, desk next %d; want 3, 4h, 4", acme.Total.Resolved, acme.Total.ResolutionMedian, r.Desk.Total.NextResponses)
	}
}

// A pending next response stays pending until its deadline.
func TestNextResponsePending(t *testing.T) {
	in := clocksInput()
	since := reportNow.Add(-26 * time.Hour)
	in.NextResponses = []ticketing.NextResponse{{TicketID: 4, ClientID: "acme", Priority: ticketing.PriorityBaja, Since: since, ClockStart: since, DueAt: reportNow.Add(time.Hour)}}
	in.Now = reportNow
	row := report.Build(in).Clients[0].Rows[3]
	if row.NextResponses != 1 || row.NextPending != 1 || row.NextBreaches != 0 {
		t.Errorf("baja next = %d, pending %d, breaches %d; want 1, 1, 0", row.NextResponses, row.NextPending, row.NextBreaches)
	}
}

func TestClocksInEveryFormat(t *testing.T) {
	r := report.Build(clocksInput())
	var text, html, csvOut bytes.Buffer
	if err := report.WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&html, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteCSV(&csvOut, r); err != nil {
		t.Fatal(err)
	}
	// The alta line of acme's clocks table: 4 next responses, 1 met (25%),
	// 3 late, none pending; 3 resolved, median 4h, P90 20h, 1 over target.
	wantText := "ALTA           4       1  25%       3     0         3   4h00m  20h00m      1"
	if !strings.Contains(text.String(), wantText) {
		t.Errorf("text report lacks %q:\n%s", wantText, text.String())
	}
	for _, want := range []string{"Respuestas siguientes", "Resolución: mediana", "<td>4h00m</td><td>20h00m</td><td>1</td>"} {
		if !strings.Contains(bareCells(html.String()), want) {
			t.Errorf("html report lacks %q", want)
		}
	}
	recs, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, h := range recs[0] {
		cols[h] = i
	}
	for _, rec := range recs[1:] {
		if rec[0] != "priority" || rec[2] != "acme" || rec[4] != "alta" {
			continue
		}
		var got []string
		for _, c := range []string{"next_responses", "next_within_target", "next_breaches", "next_pending", "resolved",
			"resolution_median_attended_hours", "resolution_p90_attended_hours", "over_resolution_target"} {
			got = append(got, rec[cols[c]])
		}
		if want := []string{"4", "1", "3", "0", "3", "4.00", "20.00", "1"}; !slices.Equal(got, want) {
			t.Errorf("csv acme alta clocks = %v, want %v", got, want)
		}
		return
	}
	t.Error("csv has no acme alta line")
}

func TestSummaryShowsClocks(t *testing.T) {
	text, ok := report.Summary(report.Build(clocksInput()), "acme")
	for _, want := range []string{
		"Respuestas siguientes: 4 · 1 en objetivo (25%) · 3 incumplidas · 0 pendientes",
		"Resolución (3 resueltos, sin el tiempo esperando al cliente): mediana 4h00m, p90 20h00m",
	} {
		if !ok || !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
}
