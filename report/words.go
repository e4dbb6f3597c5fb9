package report

import (
	"strings"
	"time"

	"supportbot/ticketing/wording"
)

// words renders the report's texts in its reader's language, from the
// catalog in ticketing/wording.
type words struct{ l wording.Language }

func (w words) say(key string, args ...any) string { return w.l.Say(key, args...) }

// cols is a row of column headings, stored as one text split on "|".
func (w words) cols(key string) []string { return strings.Split(w.l.Say(key), "|") }

// col is the i-th heading of a row.
func (w words) col(key string, i int) string {
	if c := w.cols(key); i >= 0 && i < len(c) {
		return c[i]
	}
	return ""
}

// zoneCity is a zone as people name it: the city of its IANA id
// ("America/Argentina/Buenos_Aires" is Buenos Aires), UTC as itself.
func zoneCity(loc *time.Location) string {
	if loc == nil {
		return "UTC"
	}
	name := loc.String()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}

// zoneTime is "hora de Buenos Aires": whose clock a time is on.
func (w words) zoneTime(loc *time.Location) string {
	if loc == nil || loc == time.UTC || loc.String() == "UTC" {
		return "UTC"
	}
	return w.say("report.zone_time", zoneCity(loc))
}

// clockLabel names which deadline a breach missed.
func (w words) clockLabel(c Clock) string {
	if c == ClockNext {
		return w.say("report.clock.next")
	}
	return w.say("report.clock.first")
}
