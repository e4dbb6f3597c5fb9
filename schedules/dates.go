package schedules

import (
	"time"

	"supportbot/ticketing"
)

// Civil dates are handled at noon UTC so that adding days never trips over a
// DST transition or a location's midnight.
func noonUTC(d ticketing.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

func addDays(d ticketing.Date, n int) ticketing.Date {
	return ticketing.DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

func weekday(d ticketing.Date) time.Weekday { return noonUTC(d).Weekday() }

func dateBefore(a, b ticketing.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// wall is the instant at which loc's clock shows clock (time since midnight)
// on date d.
//
// Go resolves a wall time inside a spring-forward gap with the offset after
// the gap, which lands before the gap; on America/Santiago, whose clocks jump
// from 00:00 to 01:00, that is the previous evening. A deadline must never
// move to an earlier day, so a wall time in a gap is taken as if the clock had
// not jumped: 00:30 on the day Santiago springs forward is 01:30 -03, half an
// hour after the jump. A wall time that occurs twice (fall back) is its first
// occurrence, which is what Go picks.
func wall(d ticketing.Date, clock time.Duration, loc *time.Location) time.Time {
	h := int(clock / time.Hour)
	m := int(clock % time.Hour / time.Minute)
	s := int(clock % time.Minute / time.Second)
	ns := int(clock % time.Second)
	t := time.Date(d.Year, d.Month, d.Day, h, m, s, ns, loc)
	if th, tm, ts := t.Clock(); th == h && tm == m && ts == s && t.Day() == d.Day {
		return t
	}
	y, mo, dd := t.Date()
	th, tm, ts := t.Clock()
	shown := time.Date(y, mo, dd, th, tm, ts, t.Nanosecond(), time.UTC)
	wanted := time.Date(d.Year, d.Month, d.Day, h, m, s, ns, time.UTC)
	return t.Add(wanted.Sub(shown))
}

// sinceMidnight is t's local clock reading as a duration.
func sinceMidnight(t time.Time) time.Duration {
	h, m, s := t.Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second + time.Duration(t.Nanosecond())
}
