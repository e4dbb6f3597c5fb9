package bench

import (
	"time"

	"supportbot/schedules"
	"supportbot/ticketing"
)

// benchDeadlines counts response deadlines computed per second across the
// clients' calendars, kinds and priorities, for about half a second.
func benchDeadlines(clients int) float64 {
	cfg, err := benchConfig("", "deadlines", clients, "http://127.0.0.1:1/", "unused")
	if err != nil {
		return 0
	}
	engine := schedules.NewEngine(cfg.SLA.TargetMap())
	cs := cfg.TicketingClients()
	kinds := []ticketing.Kind{ticketing.KindConsulta, ticketing.KindIncidente, ticketing.KindRequerimiento}
	pris := []ticketing.Priority{ticketing.PriorityAlta, ticketing.PriorityMedia, ticketing.PriorityBaja}
	base := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	start := time.Now()
	n := 0
	for {
		for range 1024 {
			at := base.Add(time.Duration(n*37) * time.Minute % (14 * 24 * time.Hour))
			engine.Deadline(cs[n%len(cs)], kinds[n%len(kinds)], pris[n%len(pris)], at)
			n++
		}
		if time.Since(start) > 500*time.Millisecond {
			return float64(n) / time.Since(start).Seconds()
		}
	}
}
