package schedules

import (
	"testing"

	"supportbot/ticketing"
)

// BenchmarkDeadline times deadlines whose search crosses the longest closed
// stretches of the year, where a minute-by-minute walk would hurt most.
func BenchmarkDeadline(b *testing.B) {
	cases := []struct {
		name     string
		client   ticketing.Client
		kind     ticketing.Kind
		priority ticketing.Priority
		at       string
	}{
		{"carnival_AR_baja", client(ticketing.CountryAR, ticketing.PlanEstandar), ticketing.KindIncidente, ticketing.PriorityBaja, "2026-02-13T18:30:00-03:00"},
		{"semana_santa_AR_alta", client(ticketing.CountryAR, ticketing.PlanEstandar), ticketing.KindIncidente, ticketing.PriorityAlta, "2026-04-01T18:00:00-03:00"},
		{"semana_santa_CL_extendido_critica", client(ticketing.CountryCL, ticketing.PlanExtendido), ticketing.KindIncidenteCritico, ticketing.PriorityCritica, "2026-04-02T20:30:00-03:00"},
		{"fiestas_patrias_CL_baja", client(ticketing.CountryCL, ticketing.PlanEstandar), ticketing.KindIncidente, ticketing.PriorityBaja, "2026-09-17T18:00:00-03:00"},
		{"christmas_new_year_AR_media_extra", client(ticketing.CountryAR, ticketing.PlanEstandar, "2025-12-26", "2026-01-02"), ticketing.KindConsulta, ticketing.PriorityMedia, "2025-12-24T19:30:00-03:00"},
		{"dst_CL_7x24_critica", client(ticketing.CountryCL, ticketing.Plan7x24), ticketing.KindIncidenteCritico, ticketing.PriorityCritica, "2026-04-04T23:00:00-03:00"},
	}
	e := NewEngine(nil)
	for _, c := range cases {
		at := ts(c.at)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e.Deadline(c.client, c.kind, c.priority, at)
			}
		})
	}
}

// BenchmarkElapsed is the scheduler's per-tick question.
func BenchmarkElapsed(b *testing.B) {
	e := NewEngine(nil)
	c := client(ticketing.CountryAR, ticketing.PlanEstandar)
	received, now := ts("2026-02-13T18:30:00-03:00"), ts("2026-02-19T12:00:00-03:00")
	b.ReportAllocs()
	for b.Loop() {
		e.Elapsed(c, ticketing.KindIncidente, ticketing.PriorityBaja, received, now)
	}
}
