package schedules

import (
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestCalendarIsOpen(t *testing.T) {
	commercialAR := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	extendedCL := NewCalendar(CoverageExtended, santiago, ticketing.CountryCL, nil)
	alwaysCL := NewCalendar(CoverageAlways, santiago, ticketing.CountryCL, nil)
	tests := []struct {
		name string
		cal  *Calendar
		at   string
		want bool
	}{
		{"commercial before opening", commercialAR, "2026-04-08T07:59:59-03:00", false},
		{"commercial at opening", commercialAR, "2026-04-08T08:00:00-03:00", true},
		{"commercial last second", commercialAR, "2026-04-08T18:59:59-03:00", true},
		{"commercial at closing", commercialAR, "2026-04-08T19:00:00-03:00", false},
		{"commercial instant given in UTC", commercialAR, "2026-04-08T21:59:00Z", true},
		{"commercial Saturday", commercialAR, "2026-04-11T10:00:00-03:00", false},
		{"commercial Malvinas", commercialAR, "2026-04-02T10:00:00-03:00", false},
		{"commercial Good Friday", commercialAR, "2026-04-03T10:00:00-03:00", false},
		{"commercial Friday after moved Soberanía", commercialAR, "2026-11-20T10:00:00-03:00", true},
		{"commercial moved Soberanía", commercialAR, "2026-11-23T10:00:00-03:00", false},
		{"extended Saturday at opening", extendedCL, "2026-04-11T05:00:00-04:00", true},
		{"extended Saturday last minute", extendedCL, "2026-04-11T20:59:00-04:00", true},
		{"extended Saturday at closing", extendedCL, "2026-04-11T21:00:00-04:00", false},
		{"extended Sunday", extendedCL, "2026-04-12T10:00:00-04:00", false},
		{"extended Holy Saturday", extendedCL, "2026-04-04T10:00:00-03:00", false},
		{"always on a holiday at night", alwaysCL, "2026-09-18T03:00:00-03:00", true},
	}
	for _, tt := range tests {
		if got := tt.cal.IsOpen(ts(tt.at)); got != tt.want {
			t.Errorf("%s: IsOpen(%s) = %v, want %v", tt.name, tt.at, got, tt.want)
		}
	}
}

func TestCalendarNextOpening(t *testing.T) {
	commercialAR := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	extendedCL := NewCalendar(CoverageExtended, santiago, ticketing.CountryCL, nil)
	tests := []struct {
		name    string
		cal     *Calendar
		at, nxt string
	}{
		{"open: itself", commercialAR, "2026-04-08T10:15:00-03:00", "2026-04-08T10:15:00-03:00"},
		{"open, given in UTC", commercialAR, "2026-04-08T13:15:00Z", "2026-04-08T10:15:00-03:00"},
		{"before opening", commercialAR, "2026-04-08T07:00:00-03:00", "2026-04-08T08:00:00-03:00"},
		{"at closing", commercialAR, "2026-04-08T19:00:00-03:00", "2026-04-09T08:00:00-03:00"},
		{"Friday night", commercialAR, "2026-04-10T22:00:00-03:00", "2026-04-13T08:00:00-03:00"},
		{"Semana Santa", commercialAR, "2026-04-01T19:30:00-03:00", "2026-04-06T08:00:00-03:00"},
		{"Carnival", commercialAR, "2026-02-13T19:00:00-03:00", "2026-02-18T08:00:00-03:00"},
		{"extended Saturday night", extendedCL, "2026-04-11T21:00:00-04:00", "2026-04-13T05:00:00-04:00"},
		{"extended across DST end and Holy Saturday", extendedCL, "2026-04-03T04:00:00-03:00", "2026-04-06T05:00:00-04:00"},
		{"extended Fiestas Patrias", extendedCL, "2026-09-17T22:00:00-03:00", "2026-09-21T05:00:00-03:00"},
	}
	for _, tt := range tests {
		checkInstant(t, tt.name+": NextOpening", tt.cal.NextOpening(ts(tt.at)), ts(tt.nxt), tt.cal.Location())
	}
}

func TestCalendarAdd(t *testing.T) {
	commercialAR := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	alwaysCL := NewCalendar(CoverageAlways, santiago, ticketing.CountryCL, nil)
	tests := []struct {
		name     string
		cal      *Calendar
		from     string
		open     time.Duration
		want     string
		location *time.Location
	}{
		{"zero is the next opening", commercialAR, "2026-04-08T06:00:00-03:00", 0, "2026-04-08T08:00:00-03:00", buenosAires},
		{"a whole week ends at Friday's closing", commercialAR, "2026-04-13T08:00:00-03:00", 55 * time.Hour, "2026-04-17T19:00:00-03:00", buenosAires},
		{"one more minute is Monday", commercialAR, "2026-04-13T08:00:00-03:00", 55*time.Hour + time.Minute, "2026-04-20T08:01:00-03:00", buenosAires},
		{"always across DST end is real time", alwaysCL, "2026-04-04T22:30:00-03:00", 3 * time.Hour, "2026-04-05T00:30:00-04:00", santiago},
		{"always across DST start is real time", alwaysCL, "2026-09-05T23:30:00-04:00", time.Hour, "2026-09-06T01:30:00-03:00", santiago},
	}
	for _, tt := range tests {
		checkInstant(t, tt.name, tt.cal.Add(ts(tt.from), tt.open), ts(tt.want), tt.location)
	}
}

func TestCalendarAddWorkingDays(t *testing.T) {
	commercialAR := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	commercialCL := NewCalendar(CoverageCommercial, santiago, ticketing.CountryCL, nil)
	alwaysCL := NewCalendar(CoverageAlways, santiago, ticketing.CountryCL, nil)
	tests := []struct {
		name string
		cal  *Calendar
		from string
		n    int
		want string
	}{
		{"zero days", commercialAR, "2026-04-08T10:00:00-03:00", 0, "2026-04-08T10:00:00-03:00"},
		{"next day", commercialAR, "2026-04-08T10:00:00-03:00", 1, "2026-04-09T10:00:00-03:00"},
		{"over a weekend", commercialAR, "2026-04-10T10:00:00-03:00", 1, "2026-04-13T10:00:00-03:00"},
		{"over Independencia and bridge", commercialAR, "2026-07-08T15:00:00-03:00", 1, "2026-07-13T15:00:00-03:00"},
		{"four over Carnival", commercialAR, "2026-02-13T10:00:00-03:00", 4, "2026-02-23T10:00:00-03:00"},
		{"Chile over DST end keeps the clock", commercialCL, "2026-04-02T10:00:00-03:00", 1, "2026-04-06T10:00:00-04:00"},
		{"always: next calendar day, even a holiday", alwaysCL, "2026-04-03T10:00:00-03:00", 1, "2026-04-04T10:00:00-03:00"},
		{"always over DST end: 25 real hours", alwaysCL, "2026-04-04T10:00:00-03:00", 1, "2026-04-05T10:00:00-04:00"},
		{"always into the DST gap: as if the clock had not jumped", alwaysCL, "2026-09-05T00:30:00-04:00", 1, "2026-09-06T01:30:00-03:00"},
		{"always into the repeated hour: its first occurrence", alwaysCL, "2026-04-03T23:30:00-03:00", 1, "2026-04-04T23:30:00-03:00"},
	}
	for _, tt := range tests {
		checkInstant(t, tt.name, tt.cal.AddWorkingDays(ts(tt.from), tt.n), ts(tt.want), tt.cal.Location())
	}
}

func TestCalendarOpenTimeBetween(t *testing.T) {
	commercialAR := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	extendedCL := NewCalendar(CoverageExtended, santiago, ticketing.CountryCL, nil)
	alwaysCL := NewCalendar(CoverageAlways, santiago, ticketing.CountryCL, nil)
	tests := []struct {
		name     string
		cal      *Calendar
		from, to string
		want     time.Duration
	}{
		{"plain week", commercialAR, "2026-04-13T00:00:00-03:00", "2026-04-18T00:00:00-03:00", 55 * time.Hour},
		{"Semana Santa week", commercialAR, "2026-03-30T00:00:00-03:00", "2026-04-04T00:00:00-03:00", 33 * time.Hour},
		{"inside one day", commercialAR, "2026-04-08T09:15:00-03:00", "2026-04-08T10:45:00-03:00", 90 * time.Minute},
		{"evening to morning", commercialAR, "2026-04-08T18:00:00-03:00", "2026-04-09T09:00:00-03:00", 2 * time.Hour},
		{"reversed", commercialAR, "2026-04-09T09:00:00-03:00", "2026-04-08T18:00:00-03:00", 0},
		{"extended Saturday", extendedCL, "2026-04-11T00:00:00-04:00", "2026-04-12T00:00:00-04:00", 16 * time.Hour},
		{"always over DST end", alwaysCL, "2026-04-04T12:00:00-03:00", "2026-04-05T12:00:00-04:00", 25 * time.Hour},
		{"always over DST start", alwaysCL, "2026-09-05T12:00:00-04:00", "2026-09-06T12:00:00-03:00", 23 * time.Hour},
	}
	for _, tt := range tests {
		if got := tt.cal.OpenTimeBetween(ts(tt.from), ts(tt.to)); got != tt.want {
			t.Errorf("%s: OpenTimeBetween = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestCalendarExtraHolidays(t *testing.T) {
	extra := []ticketing.Date{date(2026, time.April, 8), date(2026, time.April, 8), date(2026, time.April, 9)}
	c := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, extra)
	plain := NewCalendar(CoverageCommercial, buenosAires, ticketing.CountryAR, nil)
	tests := []struct {
		cal  *Calendar
		d    ticketing.Date
		want bool
	}{
		{c, date(2026, time.April, 7), true},
		{c, date(2026, time.April, 8), false},
		{c, date(2026, time.April, 9), false},
		{c, date(2026, time.April, 10), true},
		{plain, date(2026, time.April, 8), true}, // the extras belong to c only
		{c, date(2026, time.April, 3), false},    // national holidays still apply
	}
	for _, tt := range tests {
		if got := tt.cal.IsWorkingDay(tt.d); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
	always := NewCalendar(CoverageAlways, buenosAires, ticketing.CountryAR, extra)
	if !always.IsWorkingDay(date(2026, time.April, 8)) {
		t.Error("always calendar closed on an extra holiday; it ignores holidays")
	}
}

func TestCalendarNilLocationIsUTC(t *testing.T) {
	c := CalendarFor(ticketing.Client{Country: ticketing.CountryAR}, ticketing.KindIncidente)
	checkInstant(t, "NextOpening", c.NextOpening(ts("2026-04-01T19:00:00Z")), ts("2026-04-06T08:00:00Z"), time.UTC)
}

func TestCalendarNeverOpen(t *testing.T) {
	var extra []ticketing.Date
	for d := date(2040, time.January, 1); d.Year < 2051; d = addDays(d, 1) {
		extra = append(extra, d)
	}
	c := NewCalendar(CoverageCommercial, time.UTC, ticketing.CountryAR, extra)
	if got := c.NextOpening(ts("2040-01-01T00:00:00Z")); !got.IsZero() {
		t.Errorf("NextOpening on a calendar closed for ten years = %s, want the zero time", got)
	}
}

func TestWallInGapAndOverlap(t *testing.T) {
	tests := []struct {
		name  string
		d     ticketing.Date
		clock time.Duration
		want  string
	}{
		{"Santiago spring-forward midnight", date(2026, time.September, 6), 0, "2026-09-06T01:00:00-03:00"},
		{"Santiago spring-forward gap", date(2026, time.September, 6), 30 * time.Minute, "2026-09-06T01:30:00-03:00"},
		{"after the gap", date(2026, time.September, 6), 8 * time.Hour, "2026-09-06T08:00:00-03:00"},
		{"repeated hour, first occurrence", date(2026, time.April, 4), 23*time.Hour + 30*time.Minute, "2026-04-04T23:30:00-03:00"},
	}
	for _, tt := range tests {
		checkInstant(t, tt.name, wall(tt.d, tt.clock, santiago), ts(tt.want), santiago)
	}
}
