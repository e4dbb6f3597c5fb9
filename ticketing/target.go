package ticketing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Target is a response-time goal. Exactly one of OpenTime and BusinessDays is
// set: "4h" counts attended hours of the ticket's calendar, "1d" lands on the
// same local clock time N working days later.
type Target struct {
	OpenTime     time.Duration
	BusinessDays int
}

// ParseTarget reads "2h", "90m", "1h30m" or "4d".
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days <= 0 {
			return Target{}, fmt.Errorf("bad duration %q: want a positive whole number of days such as 4d", s)
		}
		return Target{BusinessDays: days}, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return Target{}, fmt.Errorf("bad duration %q: want hours such as 4h or business days such as 1d", s)
	}
	return Target{OpenTime: d}, nil
}

func (t Target) String() string {
	if t.BusinessDays > 0 {
		return strconv.Itoa(t.BusinessDays) + "d"
	}
	if t.OpenTime%time.Hour == 0 {
		return strconv.Itoa(int(t.OpenTime/time.Hour)) + "h"
	}
	return t.OpenTime.String()
}

// DefaultTargets are the seed's response times.
func DefaultTargets() map[Priority]Target {
	return map[Priority]Target{
		PriorityCritica: {OpenTime: 2 * time.Hour},
		PriorityAlta:    {OpenTime: 4 * time.Hour},
		PriorityMedia:   {BusinessDays: 1},
		PriorityBaja:    {BusinessDays: 4},
	}
}
