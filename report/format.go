package report

import (
	"fmt"
	"strconv"
	"time"

	"supportbot/ticketing"
)

// hoursMinutes shows attended time as hours and minutes ("26h05m"): days
// would mislead, since an attended day is eleven hours on the commercial
// calendar.
func hoursMinutes(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	return fmt.Sprintf("%dh%02dm", h, m)
}

// waitText is a row's median or p90, or a dash when nothing was answered.
func waitText(r Row, d time.Duration) string {
	if r.Responded == 0 {
		return "—"
	}
	return hoursMinutes(d)
}

func pctText(pct int, ok bool) string {
	if !ok {
		return "—"
	}
	return strconv.Itoa(pct) + "%"
}

func priorityLabel(p ticketing.Priority) string {
	switch {
	case p == "":
		return "(ninguna)"
	default:
		return p.Label()
	}
}

// factorForm writes a factor the seed's way, "95-40": the percentage
// answered, then the time it was answered within.
func factorForm(f Factor, within string) string {
	pct, ok := f.Share()
	if !ok {
		return "sin datos"
	}
	return fmt.Sprintf("%d-%s", pct, within)
}

func verdict(f Factor) string {
	switch {
	case f.Total == 0:
		return ""
	case f.Meets():
		return "cumple"
	}
	return "no cumple"
}

var botWindowSeconds = strconv.Itoa(int(BotWindow / time.Second))

// botLine and peopleLine are the service factors in words, shared by the
// text report and the Slack summary.
func botLine(f Factor) string {
	s := fmt.Sprintf("Bot: %d de %d en %s s → %s (meta %d-%s)", f.Within, f.Total, botWindowSeconds,
		factorForm(f, botWindowSeconds), FactorGoal, botWindowSeconds)
	if v := verdict(f); v != "" {
		s += " " + v
	}
	return s
}

func peopleLine(f Factor) string {
	pct, ok := f.Share()
	s := fmt.Sprintf("Personas: %d de %d en objetivo → %s (meta %d%%)", f.Within, f.Total, pctText(pct, ok), FactorGoal)
	if v := verdict(f); v != "" {
		s += " " + v
	}
	return s
}
