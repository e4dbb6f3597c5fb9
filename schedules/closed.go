package schedules

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"supportbot/ticketing"
)

// closedSet is the days a (country, extra holidays) pair is closed. Year
// masks are computed on first use and shared by every calendar with the
// same pair, from any goroutine.
type closedSet struct {
	country ticketing.Country
	extra   []ticketing.Date // sorted, unique
	years   sync.Map         // int → *yearMask
}

// yearMask has bit d of element m set when day d of month m is closed.
type yearMask [13]uint32

// closedSets caches sets by country and extra holidays: the key space is
// bounded by the configured clients.
var closedSets sync.Map // string → *closedSet

func closedFor(country ticketing.Country, extra []ticketing.Date) *closedSet {
	key := string(country)
	var sorted []ticketing.Date
	if len(extra) > 0 {
		sorted = slices.Clone(extra)
		slices.SortFunc(sorted, func(a, b ticketing.Date) int { return noonUTC(a).Compare(noonUTC(b)) })
		sorted = slices.Compact(sorted)
		var b strings.Builder
		b.WriteString(key)
		for _, d := range sorted {
			b.WriteByte('|')
			b.WriteString(strconv.Itoa(d.Year*10000 + int(d.Month)*100 + d.Day))
		}
		key = b.String()
	}
	if v, ok := closedSets.Load(key); ok {
		return v.(*closedSet)
	}
	v, _ := closedSets.LoadOrStore(key, &closedSet{country: country, extra: sorted})
	return v.(*closedSet)
}

func (s *closedSet) has(d ticketing.Date) bool {
	var m *yearMask
	if v, ok := s.years.Load(d.Year); ok {
		m = v.(*yearMask)
	} else {
		m = s.build(d.Year)
	}
	return m[d.Month]&(1<<d.Day) != 0
}

// build computes a year's mask; two goroutines may both compute it, the
// first stored wins and both results are equal.
func (s *closedSet) build(year int) *yearMask {
	var m yearMask
	for _, h := range Holidays(s.country, year) {
		m[h.Date.Month] |= 1 << h.Date.Day
	}
	for _, d := range s.extra {
		if d.Year == year && d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && d.Day <= 31 {
			m[d.Month] |= 1 << d.Day
		}
	}
	v, _ := s.years.LoadOrStore(year, &m)
	return v.(*yearMask)
}
