package schedules

import (
	"math"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the host's zoneinfo

	"supportbot/ticketing"
)

var (
	buenosAires = mustLoad("America/Argentina/Buenos_Aires")
	santiago    = mustLoad("America/Santiago")
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func client(country ticketing.Country, plan ticketing.Plan, extra ...string) ticketing.Client {
	c := ticketing.Client{ID: "c", Country: country, Plan: plan, Location: buenosAires}
	if country == ticketing.CountryCL {
		c.Location = santiago
	}
	for _, s := range extra {
		d, err := ticketing.ParseDate(s)
		if err != nil {
			panic(err)
		}
		c.ExtraHolidays = append(c.ExtraHolidays, d)
	}
	return c
}

// ts reads an RFC 3339 instant; tests spell out the offset so a DST
// mistake shows in the wanted value itself.
func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func checkInstant(t *testing.T, what string, got, want time.Time, loc *time.Location) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %s, want %s", what, got.Format(time.RFC3339), want.Format(time.RFC3339))
	}
	if got.Location() != loc {
		t.Errorf("%s location = %s, want %s", what, got.Location(), loc)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
