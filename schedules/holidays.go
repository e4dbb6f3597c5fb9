package schedules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickar/cal/v2"

	"supportbot/ticketing"
)

// Holiday is a day a country's national calendar is closed.
type Holiday struct {
	Date ticketing.Date
	Name string
}

// decreed is a closed day that no recurring rule produces: a bridge day, an
// election, a holiday an executive act moved. Kept as data with its source
// because these change by decree, year by year.
type decreed struct {
	date   ticketing.Date
	name   string
	source string
}

// national is one country's holidays: the rules of its current law, built on
// cal's Holiday (Func computes the legal date, Observed applies the law's
// moves), plus the decreed days.
type national struct {
	law     *cal.Calendar
	decrees []decreed
}

var nationals = map[ticketing.Country]*national{
	ticketing.CountryAR: {law: arLaw, decrees: arDecrees},
	ticketing.CountryCL: {law: clLaw, decrees: clDecrees},
}

// Holidays lists the days country's national calendar is closed in year,
// sorted, one entry per date (names of coinciding holidays are joined). A
// moved holiday is listed on the day it is observed, not its legal date. An
// unknown country has none.
func Holidays(country ticketing.Country, year int) []Holiday {
	n := nationals[country]
	if n == nil {
		return nil
	}
	names := map[ticketing.Date][]string{}
	add := func(d ticketing.Date, name string) {
		if !slices.Contains(names[d], name) {
			names[d] = append(names[d], name)
		}
	}
	for _, h := range n.law.Holidays {
		// A move can cross New Year, so neighbouring years are looked at too.
		for y := year - 1; y <= year+1; y++ {
			actual, observed := h.Calc(y)
			if observed.IsZero() {
				continue
			}
			d := calDate(observed)
			if d.Year != year {
				continue
			}
			name := h.Name
			if a := calDate(actual); a != d {
				name += fmt.Sprintf(" (trasladado del %02d/%02d)", a.Day, int(a.Month))
			}
			add(d, name)
		}
	}
	for _, dc := range n.decrees {
		if dc.date.Year == year {
			add(dc.date, dc.name)
		}
	}
	out := make([]Holiday, 0, len(names))
	for d, ns := range names {
		out = append(out, Holiday{Date: d, Name: strings.Join(ns, "; ")})
	}
	slices.SortFunc(out, func(a, b Holiday) int { return noonUTC(a.Date).Compare(noonUTC(b.Date)) })
	return out
}

// calDate is the civil date of a time cal computed, read at noon so a
// midnight that slipped to 23:00 the day before (see inUTC) still counts.
func calDate(t time.Time) ticketing.Date { return ticketing.DateOf(t.Add(12 * time.Hour)) }

// inUTC wraps one of cal's HolidayFns to return midnight UTC. cal builds
// dates at midnight in cal.DefaultLoc, the host's zone; where that zone
// springs forward at midnight (America/Santiago does) Go turns the missing
// midnight into 23:00 the day before, and Holiday.Calc would then pick the
// move for the wrong weekday.
func inUTC(fn cal.HolidayFn) cal.HolidayFn {
	return func(h *cal.Holiday, year int) time.Time {
		t := fn(h, year)
		if t.IsZero() {
			return t
		}
		d := calDate(t)
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	}
}

var (
	calcDayOfMonth   = inUTC(cal.CalcDayOfMonth)
	calcEasterOffset = inUTC(cal.CalcEasterOffset)
)

// calcDayIfWeekday is a HolidayFn for days that are holidays only when they
// fall on h.Weekday (Chile's "the 17th when it is a Monday").
func calcDayIfWeekday(h *cal.Holiday, year int) time.Time {
	t := time.Date(year, h.Month, h.Day, 0, 0, 0, 0, time.UTC)
	if t.Weekday() != h.Weekday {
		return time.Time{}
	}
	return t
}

func date(y int, m time.Month, d int) ticketing.Date {
	return ticketing.Date{Year: y, Month: m, Day: d}
}
