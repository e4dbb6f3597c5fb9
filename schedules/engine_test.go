package schedules

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestDeadline(t *testing.T) {
	const (
		consulta      = ticketing.KindConsulta
		incidente     = ticketing.KindIncidente
		critico       = ticketing.KindIncidenteCritico
		requerimiento = ticketing.KindRequerimiento
		funcionalidad = ticketing.KindFuncionalidad
		critica       = ticketing.PriorityCritica
		alta          = ticketing.PriorityAlta
		media         = ticketing.PriorityMedia
		baja          = ticketing.PriorityBaja
	)
	ar := client(ticketing.CountryAR, ticketing.PlanEstandar)
	ar724 := client(ticketing.CountryAR, ticketing.Plan7x24)
	arExtra := client(ticketing.CountryAR, ticketing.PlanEstandar, "2026-04-08")
	cl := client(ticketing.CountryCL, ticketing.PlanEstandar)
	clExt := client(ticketing.CountryCL, ticketing.PlanExtendido)
	cl724 := client(ticketing.CountryCL, ticketing.Plan7x24)
	tests := []struct {
		name      string
		client    ticketing.Client
		kind      ticketing.Kind
		priority  ticketing.Priority
		at        string
		wantStart string
		wantDue   string
	}{
		// Commercial hours and their edges.
		{"alta over Malvinas and Good Friday (AR)", ar, incidente, alta,
			"2026-04-01T17:00:00-03:00", "2026-04-01T17:00:00-03:00", "2026-04-06T10:00:00-03:00"},
		{"before opening", ar, incidente, alta,
			"2026-04-08T07:30:00-03:00", "2026-04-08T08:00:00-03:00", "2026-04-08T12:00:00-03:00"},
		{"exactly at opening", ar, incidente, alta,
			"2026-04-08T08:00:00-03:00", "2026-04-08T08:00:00-03:00", "2026-04-08T12:00:00-03:00"},
		{"after closing", ar, incidente, alta,
			"2026-04-08T19:30:00-03:00", "2026-04-09T08:00:00-03:00", "2026-04-09T12:00:00-03:00"},
		{"exactly at closing is closed", ar, incidente, alta,
			"2026-04-08T19:00:00-03:00", "2026-04-09T08:00:00-03:00", "2026-04-09T12:00:00-03:00"},
		{"last second before closing", ar, incidente, alta,
			"2026-04-08T18:59:59-03:00", "2026-04-08T18:59:59-03:00", "2026-04-09T11:59:59-03:00"},
		{"critica used up exactly at closing", ar, incidente, critica,
			"2026-04-08T17:00:00-03:00", "2026-04-08T17:00:00-03:00", "2026-04-08T19:00:00-03:00"},
		{"Friday evening to Monday", ar, incidente, alta,
			"2026-04-10T20:00:00-03:00", "2026-04-13T08:00:00-03:00", "2026-04-13T12:00:00-03:00"},
		{"Friday afternoon carries into Monday", ar, incidente, alta,
			"2026-04-10T17:30:00-03:00", "2026-04-10T17:30:00-03:00", "2026-04-13T10:30:00-03:00"},
		{"received in UTC, answered in the client's zone", ar, incidente, alta,
			"2026-04-01T20:00:00Z", "2026-04-01T17:00:00-03:00", "2026-04-06T10:00:00-03:00"},

		// Argentina's movable holidays in 2026.
		{"Güemes moved to Monday 15 June", ar, incidente, alta,
			"2026-06-12T18:00:00-03:00", "2026-06-12T18:00:00-03:00", "2026-06-16T11:00:00-03:00"},
		{"Friday 20 November is a working day (Soberanía moved)", ar, incidente, alta,
			"2026-11-20T10:00:00-03:00", "2026-11-20T10:00:00-03:00", "2026-11-20T14:00:00-03:00"},
		{"media over Soberanía on Monday 23 November", ar, incidente, media,
			"2026-11-20T10:00:00-03:00", "2026-11-20T10:00:00-03:00", "2026-11-24T10:00:00-03:00"},

		// Day targets.
		{"consulta (media) after Independencia and its bridge day", ar, consulta, media,
			"2026-07-08T15:00:00-03:00", "2026-07-08T15:00:00-03:00", "2026-07-13T15:00:00-03:00"},
		{"baja four days over Carnival", ar, incidente, baja,
			"2026-02-13T10:00:00-03:00", "2026-02-13T10:00:00-03:00", "2026-02-23T10:00:00-03:00"},
		{"media received at night counts from the opening", ar, incidente, media,
			"2026-04-10T20:00:00-03:00", "2026-04-13T08:00:00-03:00", "2026-04-14T08:00:00-03:00"},
		{"baja over Christmas and New Year", ar, incidente, baja,
			"2025-12-30T10:00:00-03:00", "2025-12-30T10:00:00-03:00", "2026-01-06T10:00:00-03:00"},
		{"funcionalidad over Fiestas Patrias (CL)", cl, funcionalidad, media,
			"2026-09-17T11:00:00-03:00", "2026-09-17T11:00:00-03:00", "2026-09-21T11:00:00-03:00"},

		// Extra holidays.
		{"client's extra closed day", arExtra, incidente, alta,
			"2026-04-07T17:00:00-03:00", "2026-04-07T17:00:00-03:00", "2026-04-09T10:00:00-03:00"},
		{"another client's extra day is open", ar, incidente, alta,
			"2026-04-07T17:00:00-03:00", "2026-04-07T17:00:00-03:00", "2026-04-08T10:00:00-03:00"},

		// Plan × kind: only incidente_critico uses the plan's hours.
		{"7x24 consulta runs on commercial hours", ar724, consulta, media,
			"2026-04-11T03:00:00-03:00", "2026-04-13T08:00:00-03:00", "2026-04-14T08:00:00-03:00"},
		{"7x24 incidente runs on commercial hours", ar724, incidente, alta,
			"2026-04-11T03:00:00-03:00", "2026-04-13T08:00:00-03:00", "2026-04-13T12:00:00-03:00"},
		{"7x24 incidente_critico on Good Friday night", ar724, critico, critica,
			"2026-04-03T03:00:00-03:00", "2026-04-03T03:00:00-03:00", "2026-04-03T05:00:00-03:00"},
		{"incidente_critico is critica whatever it is told", ar724, critico, baja,
			"2026-04-03T03:00:00-03:00", "2026-04-03T03:00:00-03:00", "2026-04-03T05:00:00-03:00"},
		{"estandar incidente_critico waits for commercial hours", ar, critico, critica,
			"2026-04-04T10:00:00-03:00", "2026-04-06T08:00:00-03:00", "2026-04-06T10:00:00-03:00"},
		{"extendido incidente_critico on a Saturday evening", clExt, critico, critica,
			"2026-04-11T20:00:00-04:00", "2026-04-11T20:00:00-04:00", "2026-04-13T06:00:00-04:00"},
		{"extendido incidente_critico on Holy Saturday", clExt, critico, critica,
			"2026-04-04T06:00:00-03:00", "2026-04-06T05:00:00-04:00", "2026-04-06T07:00:00-04:00"},
		{"extendido requerimiento runs on commercial hours", clExt, requerimiento, media,
			"2026-04-11T10:00:00-04:00", "2026-04-13T08:00:00-04:00", "2026-04-14T08:00:00-04:00"},

		// Chile: Good Friday, Fiestas Patrias, DST.
		{"alta over Good Friday and Holy Saturday (CL, DST ends)", cl, incidente, alta,
			"2026-04-02T17:00:00-03:00", "2026-04-02T17:00:00-03:00", "2026-04-06T10:00:00-04:00"},
		{"alta over Fiestas Patrias (CL)", cl, incidente, alta,
			"2026-09-17T17:00:00-03:00", "2026-09-17T17:00:00-03:00", "2026-09-21T10:00:00-03:00"},
		{"7x24 critica across DST end is 2 real hours", cl724, critico, critica,
			"2026-04-04T23:00:00-03:00", "2026-04-04T23:00:00-03:00", "2026-04-05T00:00:00-04:00"},
		{"7x24 critica in the repeated hour", cl724, critico, critica,
			"2026-04-04T23:30:00-04:00", "2026-04-04T23:30:00-04:00", "2026-04-05T01:30:00-04:00"},
		{"7x24 critica across DST start is 2 real hours", cl724, critico, critica,
			"2026-09-05T23:00:00-04:00", "2026-09-05T23:00:00-04:00", "2026-09-06T02:00:00-03:00"},
	}
	e := NewEngine(nil)
	for _, tt := range tests {
		start, due := e.Deadline(tt.client, tt.kind, tt.priority, ts(tt.at))
		checkInstant(t, tt.name+": clock start", start, ts(tt.wantStart), tt.client.Location)
		checkInstant(t, tt.name+": due", due, ts(tt.wantDue), tt.client.Location)
	}
}

func TestDeadlineConfiguredTargets(t *testing.T) {
	e := NewEngine(map[ticketing.Priority]ticketing.Target{
		ticketing.PriorityCritica: {BusinessDays: 1},
		ticketing.PriorityAlta:    {OpenTime: 90 * time.Minute},
	})
	cl724 := client(ticketing.CountryCL, ticketing.Plan7x24)
	ar := client(ticketing.CountryAR, ticketing.PlanEstandar)
	tests := []struct {
		name     string
		client   ticketing.Client
		kind     ticketing.Kind
		priority ticketing.Priority
		at, due  string
	}{
		{"1d on always into the DST gap", cl724, ticketing.KindIncidenteCritico, ticketing.PriorityCritica,
			"2026-09-05T00:30:00-04:00", "2026-09-06T01:30:00-03:00"},
		{"configured 90m", ar, ticketing.KindIncidente, ticketing.PriorityAlta,
			"2026-04-08T18:00:00-03:00", "2026-04-09T08:30:00-03:00"},
		{"unconfigured priority keeps its default", ar, ticketing.KindIncidente, ticketing.PriorityBaja,
			"2026-04-06T10:00:00-03:00", "2026-04-10T10:00:00-03:00"},
		{"empty priority gets media's", ar, ticketing.KindConsulta, "",
			"2026-04-08T10:00:00-03:00", "2026-04-09T10:00:00-03:00"},
	}
	for _, tt := range tests {
		_, due := e.Deadline(tt.client, tt.kind, tt.priority, ts(tt.at))
		checkInstant(t, tt.name, due, ts(tt.due), tt.client.Location)
	}
}

func TestEngineIsOpenAndNextOpening(t *testing.T) {
	e := NewEngine(nil)
	ar := client(ticketing.CountryAR, ticketing.PlanEstandar)
	ar724 := client(ticketing.CountryAR, ticketing.Plan7x24)
	tests := []struct {
		name   string
		client ticketing.Client
		kind   ticketing.Kind
		at     string
		open   bool
		next   string
	}{
		{"open is itself", ar, ticketing.KindConsulta, "2026-04-08T11:11:11-03:00", true, "2026-04-08T11:11:11-03:00"},
		{"closing instant", ar, ticketing.KindConsulta, "2026-04-08T19:00:00-03:00", false, "2026-04-09T08:00:00-03:00"},
		{"7x24 critical at night", ar724, ticketing.KindIncidenteCritico, "2026-04-05T03:00:00-03:00", true, "2026-04-05T03:00:00-03:00"},
		{"7x24 consulta at night", ar724, ticketing.KindConsulta, "2026-04-05T03:00:00-03:00", false, "2026-04-06T08:00:00-03:00"},
	}
	for _, tt := range tests {
		if got := e.IsOpen(tt.client, tt.kind, ts(tt.at)); got != tt.open {
			t.Errorf("%s: IsOpen = %v, want %v", tt.name, got, tt.open)
		}
		checkInstant(t, tt.name+": NextOpening", e.NextOpening(tt.client, tt.kind, ts(tt.at)), ts(tt.next), tt.client.Location)
	}
}

func TestElapsed(t *testing.T) {
	e := NewEngine(nil)
	ar := client(ticketing.CountryAR, ticketing.PlanEstandar)
	cl724 := client(ticketing.CountryCL, ticketing.Plan7x24)
	tests := []struct {
		name     string
		client   ticketing.Client
		kind     ticketing.Kind
		priority ticketing.Priority
		received string
		at       string
		want     float64
	}{
		// alta from Wed 1 April 17:00, due Mon 6 April 10:00 (4 open hours).
		{"before clock start", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-01T16:00:00-03:00", 0},
		{"at clock start", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-01T17:00:00-03:00", 0},
		{"one hour in", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-01T18:00:00-03:00", 0.25},
		{"at closing", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-01T19:00:00-03:00", 0.5},
		{"holidays don't count", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-03T12:00:00-03:00", 0.5},
		{"Monday opening", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-06T08:00:00-03:00", 0.5},
		{"0.75", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-06T09:00:00-03:00", 0.75},
		{"0.9", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-06T09:36:00-03:00", 0.9},
		{"at due", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-06T10:00:00-03:00", 1},
		{"overdue keeps growing", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T17:00:00-03:00", "2026-04-06T11:00:00-03:00", 1.25},
		{"received before opening, still before it", ar, ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-08T06:00:00-03:00", "2026-04-08T07:30:00-03:00", 0},
		// media from Fri 10 April 10:00, due Mon 13 April 10:00: 9 h Friday + 2 h Monday.
		{"media: half of the open time", ar, ticketing.KindConsulta, ticketing.PriorityMedia, "2026-04-10T10:00:00-03:00", "2026-04-10T15:30:00-03:00", 0.5},
		{"media: weekend doesn't count", ar, ticketing.KindConsulta, ticketing.PriorityMedia, "2026-04-10T10:00:00-03:00", "2026-04-12T15:00:00-03:00", 9.0 / 11},
		{"media: at due", ar, ticketing.KindConsulta, ticketing.PriorityMedia, "2026-04-10T10:00:00-03:00", "2026-04-13T10:00:00-03:00", 1},
		// 7x24 critica across DST end: real hours.
		{"always across DST end", cl724, ticketing.KindIncidenteCritico, ticketing.PriorityCritica, "2026-04-04T23:00:00-03:00", "2026-04-04T23:00:00-04:00", 0.5},
	}
	for _, tt := range tests {
		if got := e.Elapsed(tt.client, tt.kind, tt.priority, ts(tt.received), ts(tt.at)); !near(got, tt.want) {
			t.Errorf("%s: Elapsed = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEngineOpenTimeBetween(t *testing.T) {
	e := NewEngine(nil)
	ar724 := client(ticketing.CountryAR, ticketing.Plan7x24)
	from, to := ts("2026-04-03T00:00:00-03:00"), ts("2026-04-04T00:00:00-03:00")
	tests := []struct {
		kind ticketing.Kind
		want time.Duration
	}{
		{ticketing.KindIncidenteCritico, 24 * time.Hour}, // 7x24 includes Good Friday
		{ticketing.KindConsulta, 0},                      // commercial is closed on it
	}
	for _, tt := range tests {
		if got := e.OpenTimeBetween(ar724, tt.kind, from, to); got != tt.want {
			t.Errorf("OpenTimeBetween(%s) = %s, want %s", tt.kind, got, tt.want)
		}
	}
}

// TestEngineConcurrent builds year masks for fresh (country, extra) pairs
// from many goroutines at once; run with -race.
func TestEngineConcurrent(t *testing.T) {
	e := NewEngine(nil)
	const workers = 16
	results := make([][]time.Time, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range 40 {
				c := client(ticketing.CountryCL, ticketing.PlanEstandar, fmt.Sprintf("2031-03-%02d", 3+i%5))
				if i%2 == 0 {
					c.Country = ticketing.CountryAR
				}
				_, due := e.Deadline(c, ticketing.KindIncidente, ticketing.PriorityBaja, time.Date(2031, 3, 1+i%20, 12, 0, 0, 0, c.Location))
				results[w] = append(results[w], due)
			}
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for i := range results[w] {
			if !results[w][i].Equal(results[0][i]) {
				t.Fatalf("worker %d case %d: due %s, worker 0 got %s", w, i, results[w][i], results[0][i])
			}
		}
	}
}
