package report

import (
	"fmt"
	"time"

	"supportbot/ticketing/wording"
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

// Label is the month as the desk's Spanish names it ("noviembre 2026").
func (m Month) Label() string { return m.LabelIn(wording.SpanishAR) }

// LabelIn is the month in l ("noviembre 2026", "November 2026").
func (m Month) LabelIn(l wording.Language) string {
	if m.Month < time.January || m.Month > time.December {
		return m.String()
	}
	return fmt.Sprintf("%s %d", l.Say(fmt.Sprintf("report.month.%d", m.Month)), m.Year)
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

// TrendMonths is how many months the trend shows, the report's included.
const TrendMonths = 6

// Add is the month n months later (earlier for negative n).
func (m Month) Add(n int) Month {
	return MonthOf(time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

// Trend is the TrendMonths months ending with m, oldest first.
func (m Month) Trend() []Month {
	out := make([]Month, TrendMonths)
	for i := range out {
		out[i] = m.Add(i - TrendMonths + 1)
	}
	return out
}

// TrendWindow is a UTC span that contains every month of the trend in
// every time zone: what to load for a report with its trend.
func (m Month) TrendWindow() (from, to time.Time) {
	from, _ = m.Add(1 - TrendMonths).Window()
	_, to = m.Window()
	return from, to
}

// Short is the month for a chart's axis in the desk's Spanish ("nov 26").
func (m Month) Short() string { return m.ShortIn(wording.SpanishAR) }

// ShortIn is the month for a chart's axis in l ("nov 26", "Nov 26").
func (m Month) ShortIn(l wording.Language) string {
	if m.Month < time.January || m.Month > time.December {
		return m.String()
	}
	return fmt.Sprintf("%s %02d", l.Say(fmt.Sprintf("report.month_short.%d", m.Month)), m.Year%100)
}
