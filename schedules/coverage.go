package schedules

import (
	"time"

	"supportbot/ticketing"
)

// Coverage names the hours a calendar is attended.
type Coverage string

const (
	// CoverageCommercial is Monday to Friday, 08:00 up to but not including
	// 19:00, closed on holidays.
	CoverageCommercial Coverage = "commercial"
	// CoverageExtended is Monday to Saturday, 05:00 up to but not including
	// 21:00, closed on holidays.
	CoverageExtended Coverage = "extended"
	// CoverageAlways is every minute of every day, holidays included
	// ("7x24 incluyendo feriados").
	CoverageAlways Coverage = "always"
)

// CoverageFor is the calendar a ticket runs on. Outside commercial hours the
// seed attends only indisponibilidades, so only a critical incident runs on
// its plan's hours; everything else runs on commercial hours, whatever the
// plan. An unknown plan is treated as estandar.
func CoverageFor(plan ticketing.Plan, kind ticketing.Kind) Coverage {
	if kind != ticketing.KindIncidenteCritico {
		return CoverageCommercial
	}
	switch plan {
	case ticketing.PlanExtendido:
		return CoverageExtended
	case ticketing.Plan7x24:
		return CoverageAlways
	}
	return CoverageCommercial
}

// hours is a coverage's weekly shape: open days and one daily window
// [open, close) on the local clock.
type hours struct {
	days        [7]bool
	open, close time.Duration
}

var (
	mondayToFriday   = [7]bool{time.Monday: true, time.Tuesday: true, time.Wednesday: true, time.Thursday: true, time.Friday: true}
	mondayToSaturday = [7]bool{time.Monday: true, time.Tuesday: true, time.Wednesday: true, time.Thursday: true, time.Friday: true, time.Saturday: true}
)

func hoursOf(c Coverage) hours {
	switch c {
	case CoverageExtended:
		return hours{days: mondayToSaturday, open: 5 * time.Hour, close: 21 * time.Hour}
	case CoverageAlways:
		return hours{days: [7]bool{true, true, true, true, true, true, true}, open: 0, close: 24 * time.Hour}
	}
	return hours{days: mondayToFriday, open: 8 * time.Hour, close: 19 * time.Hour}
}
