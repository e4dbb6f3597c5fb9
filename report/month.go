package report

import (
	"fmt"
	"time"
)

// Month is a calendar month, the period a report covers. It has no zone:
// each client's month runs from midnight of the 1st in the client's own zone.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("bad month %q: want YYYY-MM such as 2026-11", s)
	}
	return MonthOf(t), nil
}

// MonthOf is the month t falls in, in t's own location.
func MonthOf(t time.Time) Month {
	return Month{Year: t.Year(), Month: t.Month()}
}

// String is the YYYY-MM form ParseMonth reads.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

var monthNames = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// Label is the Spanish name shown to people ("noviembre 2026").
func (m Month) Label() string {
	if m.Month < time.January || m.Month > time.December {
		return m.String()
	}
	return fmt.Sprintf("%s %d", monthNames[m.Month-1], m.Year)
}

// Bounds is the month in loc: from midnight of the 1st to midnight of the
// next month's 1st (exclusive). A nil loc is UTC.
func (m Month) Bounds(loc *time.Location) (from, to time.Time) {
	if loc == nil {
		loc = time.UTC
	}
	from = time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, loc)
	return from, from.AddDate(0, 1, 0)
}

// zoneMargin covers the widest UTC offsets in use (-12:00 to +14:00).
const zoneMargin = 14 * time.Hour

// Window is a UTC span that contains the month in every time zone: what to
// load from the store before Build keeps each client's own month.
func (m Month) Window() (from, to time.Time) {
	from, to = m.Bounds(time.UTC)
	return from.Add(-zoneMargin), to.Add(zoneMargin)
}
