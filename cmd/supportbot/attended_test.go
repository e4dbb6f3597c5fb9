package main

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"supportbot/config"
	"supportbot/schedules"
	"supportbot/ticketing"
)

// attendedPick is a client set-up under which the scheduled jobs may notify
// people for the whole of a test that runs on the wall clock: a country, a
// zone and a plan, and whether only critical tickets are attended then.
type attendedPick struct {
	Zone    string
	Country ticketing.Country
	Plan    ticketing.Plan
	// Critical: no commercial calendar of any country and zone is open for
	// the span (a holiday shared by AR and CL, or a weekend everywhere), so
	// the test must use critical tickets on the 7x24 plan, whose calendar
	// attends every instant, holidays included.
	Critical bool
}

// attendedZones are the zones the picker tries: the clients' real zones
// (Santiago's daylight-saving changes included) and every whole-hour fixed
// offset, so some zone's clock is inside working hours at any instant.
func attendedZones() []string {
	zones := []string{"America/Argentina/Buenos_Aires", "America/Santiago", "Etc/GMT"}
	for h := 1; h <= 14; h++ {
		zones = append(zones, fmt.Sprintf("Etc/GMT-%d", h)) // UTC+h: Etc signs are reversed
	}
	for h := 1; h <= 12; h++ {
		zones = append(zones, fmt.Sprintf("Etc/GMT+%d", h))
	}
	return zones
}

// attendedCandidate is one set-up the picker may choose, with the calendar
// its test's tickets would run on.
type attendedCandidate struct {
	pick attendedPick
	cal  *schedules.Calendar
}

var (
	candidatesOnce sync.Once
	candidates     []attendedCandidate
	candidatesErr  error
)

// attendedCandidates lists, in the order of preference, the ordinary set-ups
// (an estandar client whose consultas run on the commercial calendar) and
// last the 7x24 plan with critical tickets. Calendars are built once: they
// hold their holiday sets.
func attendedCandidates() ([]attendedCandidate, error) {
	candidatesOnce.Do(func() {
		for _, country := range ticketing.Countries {
			for _, name := range attendedZones() {
				loc, err := time.LoadLocation(name)
				if err != nil {
					candidatesErr = fmt.Errorf("zone %s: %w", name, err)
					return
				}
				candidates = append(candidates, attendedPick{Zone: name, Country: country, Plan: ticketing.PlanEstandar}.candidate(loc))
			}
		}
		candidates = append(candidates, attendedPick{Zone: "Etc/GMT", Country: ticketing.CountryAR, Plan: ticketing.Plan7x24, Critical: true}.candidate(time.UTC))
	})
	return candidates, candidatesErr
}

func (p attendedPick) candidate(loc *time.Location) attendedCandidate {
	return attendedCandidate{pick: p, cal: schedules.CalendarFor(ticketing.Client{Country: p.Country, Location: loc, Plan: p.Plan}, p.kind())}
}

// pickAttended chooses, with the product's own calendars, a client set-up
// that is attended from now until now+span: an ordinary one whenever it
// can, so the test exercises the common path, and otherwise the 7x24 plan.
func pickAttended(t testing.TB, now time.Time, span time.Duration) attendedPick {
	t.Helper()
	cands, err := attendedCandidates()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if openThroughout(c.cal, now, span) {
			return c.pick
		}
	}
	t.Fatalf("no set-up is attended from %s for %s", now, span)
	return attendedPick{}
}

// kind is the kind of ticket the pick's test opens.
func (p attendedPick) kind() ticketing.Kind {
	if p.Critical {
		return ticketing.KindIncidenteCritico
	}
	return ticketing.KindConsulta
}

// openThroughout reports whether cal is open at every minute of
// [now, now+span].
func openThroughout(cal *schedules.Calendar, now time.Time, span time.Duration) bool {
	for at := now; !at.After(now.Add(span)); at = at.Add(time.Minute) {
		if !cal.IsOpen(at) {
			return false
		}
	}
	return true
}

// attendedAt checks a pick afresh, on a calendar built from its own fields
// rather than the picker's, for the tests of the picker.
func (p attendedPick) attendedAt(t testing.TB, now time.Time, span time.Duration) bool {
	t.Helper()
	loc, err := time.LoadLocation(p.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return openThroughout(p.candidate(loc).cal, now, span)
}

// The picker finds attended time at every hour of 2026–2028: holidays and
// bridge days of both countries, weekends, Santiago's clock changes.
func TestPickAttendedCoversEveryHour(t *testing.T) {
	const span = 10 * time.Minute
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)
	critical, ordinary := 0, 0
	for at := start; at.Before(end); at = at.Add(time.Hour) {
		p := pickAttended(t, at, span)
		if !p.attendedAt(t, at, span) {
			t.Fatalf("%s: picked %+v, which is not attended for %s", at.Format(time.RFC3339), p, span)
		}
		if p.Critical {
			critical++
		} else {
			ordinary++
		}
	}
	// The ordinary path must be the usual one, or the replica test would
	// rarely run on consultas at all.
	if ordinary < 3*critical {
		t.Errorf("ordinary picks %d, critical picks %d: want the ordinary path at least three times as often", ordinary, critical)
	}
	t.Logf("%d hours: %d ordinary picks, %d on the 7x24 plan", ordinary+critical, ordinary, critical)
}

// The picks on days the calendars close, checked by date: each is attended
// and, where both countries rest everywhere at that hour, critical.
func TestPickAttendedOnClosedDays(t *testing.T) {
	tests := []struct {
		name         string
		at           time.Time
		wantCritical bool
	}{
		// New Year's Day at noon UTC: every zone's date is 1 January (or
		// the small hours of the 2nd), a holiday in both countries.
		{"new year noon", time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC), true},
		// A Saturday at noon UTC: Saturday in every zone.
		{"saturday noon", time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC), true},
		// Sunday 6 December 2026, 21:40 UTC: Monday the 7th in the far east
		// is an Argentine bridge day but a working day in Chile.
		{"argentine bridge day", time.Date(2026, 12, 6, 21, 40, 0, 0, time.UTC), false},
		// Santiago's clocks go back on the night of 4 April 2026.
		{"santiago dst change", time.Date(2026, 4, 6, 13, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pickAttended(t, tt.at, 10*time.Minute)
			if got := p.attendedAt(t, tt.at, 10*time.Minute); !got {
				t.Errorf("pick %+v is not attended at %s", p, tt.at)
			}
			if p.Critical != tt.wantCritical {
				t.Errorf("pick %+v: critical = %v, want %v", p, p.Critical, tt.wantCritical)
			}
		})
	}
}

// checkPicked fails unless the configuration at path gives client the
// pick's country, zone and plan: a test that edits the example file by
// text must not edit some other key that reads the same.
func checkPicked(t *testing.T, path, client string, p attendedPick) {
	t.Helper()
	cfg, err := config.Load(path, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cfg.TicketingClients() {
		if c.ID != client {
			continue
		}
		if c.Country != p.Country || c.TimeZone() != p.Zone || c.Plan != p.Plan {
			t.Fatalf("%s is %s, %s, %s in %s; the test picked %+v", client, c.Country, c.TimeZone(), c.Plan, path, p)
		}
		return
	}
	t.Fatalf("no client %s in %s", client, path)
}
