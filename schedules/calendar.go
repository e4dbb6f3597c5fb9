package schedules

import (
	"time"

	"supportbot/ticketing"
)

// Calendar is one coverage on one location's clock, closed on one set of
// days. It is safe for concurrent use.
type Calendar struct {
	coverage Coverage
	loc      *time.Location
	hours    hours
	closed   *closedSet // nil when holidays don't close the calendar
}

// maxScanDays bounds every search for a working day, so a configuration that
// closes every day yields a zero time instead of a hang.
const maxScanDays = 3660

// NewCalendar builds a calendar of coverage cov in loc (nil means UTC),
// closed on country's national holidays and the extra dates. The always
// coverage ignores holidays; an unknown coverage is commercial.
func NewCalendar(cov Coverage, loc *time.Location, country ticketing.Country, extra []ticketing.Date) *Calendar {
	if loc == nil {
		loc = time.UTC
	}
	switch cov {
	case CoverageCommercial, CoverageExtended, CoverageAlways:
	default:
		cov = CoverageCommercial
	}
	c := &Calendar{coverage: cov, loc: loc, hours: hoursOf(cov)}
	if cov != CoverageAlways {
		c.closed = closedFor(country, extra)
	}
	return c
}

// CalendarFor is the calendar a ticket of kind runs on for client (see
// CoverageFor), in the client's zone with the client's closed days.
func CalendarFor(client ticketing.Client, kind ticketing.Kind) *Calendar {
	return NewCalendar(CoverageFor(client.Plan, kind), client.Location, client.Country, client.ExtraHolidays)
}

// Coverage is the calendar's attended hours.
func (c *Calendar) Coverage() Coverage { return c.coverage }

// Location is the zone whose clock the calendar follows.
func (c *Calendar) Location() *time.Location { return c.loc }

func (c *Calendar) always() bool { return c.coverage == CoverageAlways }

// IsWorkingDay reports whether the calendar opens at all on date d.
func (c *Calendar) IsWorkingDay(d ticketing.Date) bool {
	if !c.hours.days[weekday(d)] {
		return false
	}
	return c.closed == nil || !c.closed.has(d)
}

// window is day d's open interval [open, close).
func (c *Calendar) window(d ticketing.Date) (open, close time.Time) {
	return wall(d, c.hours.open, c.loc), wall(d, c.hours.close, c.loc)
}

// IsOpen reports whether t is inside attended hours. Closing time itself is
// closed: commercial hours are 08:00 up to but not including 19:00 (unlike
// cal.BusinessCalendar.IsWorkTime, which counts the closing minute).
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.always() {
		return true
	}
	t = t.In(c.loc)
	if !c.IsWorkingDay(ticketing.DateOf(t)) {
		return false
	}
	clock := sinceMidnight(t)
	return clock >= c.hours.open && clock < c.hours.close
}

// NextOpening is t itself if the calendar is open at t, else the next
// instant it opens; in the calendar's location either way.
func (c *Calendar) NextOpening(t time.Time) time.Time {
	t = t.In(c.loc)
	if c.always() {
		return t
	}
	d := ticketing.DateOf(t)
	if c.IsWorkingDay(d) {
		clock := sinceMidnight(t)
		if clock < c.hours.open {
			return wall(d, c.hours.open, c.loc)
		}
		if clock < c.hours.close {
			return t
		}
	}
	for range maxScanDays {
		d = addDays(d, 1)
		if c.IsWorkingDay(d) {
			return wall(d, c.hours.open, c.loc)
		}
	}
	return time.Time{}
}

// Add is the instant at which open time has been spent counting from t
// (from the next opening if t is closed). When the time runs out exactly at
// closing, the result is the closing instant, not the next opening.
func (c *Calendar) Add(t time.Time, open time.Duration) time.Time {
	cur := c.NextOpening(t)
	if open <= 0 || cur.IsZero() {
		return cur
	}
	if c.always() {
		// Real time, so a 2 h target across a DST change is 2 real hours.
		return cur.Add(open)
	}
	d := ticketing.DateOf(cur)
	for range maxScanDays {
		if c.IsWorkingDay(d) {
			start, end := c.window(d)
			if cur.Before(start) {
				cur = start
			}
			if left := end.Sub(cur); left > 0 {
				if open <= left {
					return cur.Add(open)
				}
				open -= left
			}
		}
		d = addDays(d, 1)
	}
	return time.Time{}
}

// AddWorkingDays is the same local clock time as t on the nth working day
// after t's date (every day is a working day on the always calendar, so
// there it is n days later on the clock, 23 or 25 real hours across a DST
// change). Deadline calls it with a clock start, which is inside open hours,
// and every working day has the same window, so the result is inside open
// hours too. A clock time that does not exist on that day (a spring-forward
// gap) is read as if the clock had not jumped: 00:30 on the day Santiago's
// clocks go from 00:00 to 01:00 is 01:30.
func (c *Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	t = t.In(c.loc)
	if n <= 0 {
		return t
	}
	d := ticketing.DateOf(t)
	for i := 0; n > 0; i++ {
		if i >= maxScanDays {
			return time.Time{}
		}
		d = addDays(d, 1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return wall(d, sinceMidnight(t), c.loc)
}

// OpenTimeBetween is the attended time in [from, to); zero if to is not
// after from. It walks day by day, so its cost grows with the span in days.
func (c *Calendar) OpenTimeBetween(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	if c.always() {
		return to.Sub(from)
	}
	last := ticketing.DateOf(to.In(c.loc))
	var sum time.Duration
	for d := ticketing.DateOf(from.In(c.loc)); !dateBefore(last, d); d = addDays(d, 1) {
		if !c.IsWorkingDay(d) {
			continue
		}
		start, end := c.window(d)
		if start.Before(from) {
			start = from
		}
		if end.After(to) {
			end = to
		}
		if end.After(start) {
			sum += end.Sub(start)
		}
	}
	return sum
}
