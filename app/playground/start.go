package playground

import (
	"time"

	"supportbot/config"
	"supportbot/schedules"
	"supportbot/ticketing"
)

// attendedSpan is how long every client's calendar must stay open after the
// default start: long enough to write a case and move the clock a few hours
// and see who gets pinged.
const attendedSpan = 3 * time.Hour

// defaultStart is 09:00, in the first client's zone, of the first day from
// today on which every client's ordinary tickets are attended from then for
// attendedSpan: a lead who opens the playground finds the whole desk at work,
// whatever today is (a weekend, or a holiday of one client's country).
func defaultStart(cfg *config.Config, loc *time.Location, today time.Time) time.Time {
	day := today.In(loc)
	first := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, loc)
	for i := range 60 {
		at := first.AddDate(0, 0, i)
		if everyClientAttends(cfg, at) {
			return at
		}
	}
	return first
}

func everyClientAttends(cfg *config.Config, at time.Time) bool {
	for _, c := range cfg.TicketingClients() {
		cal := schedules.CalendarFor(c, ticketing.KindConsulta)
		if !cal.IsOpen(at) || !cal.IsOpen(at.Add(attendedSpan)) {
			return false
		}
	}
	return true
}
