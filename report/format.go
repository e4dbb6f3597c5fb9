package report

import (
	"fmt"
	"strconv"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
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

func priorityLabel(w words, p ticketing.Priority) string {
	if p == "" {
		return w.say("report.no_priority")
	}
	if key := "priority." + string(p); wording.Known(key) {
		return w.say(key)
	}
	return p.Label()
}

// factorForm writes a factor the seed's way, "95-40": the percentage
// answered, then the time it was answered within.
func factorForm(w words, f Factor, within string) string {
	pct, ok := f.Share()
	if !ok {
		return w.say("report.no_data")
	}
	return fmt.Sprintf("%d-%s", pct, within)
}

func verdict(w words, f Factor) string {
	switch {
	case f.Total == 0:
		return ""
	case f.Meets():
		return w.say("report.meets")
	}
	return w.say("report.misses")
}

var botWindowSeconds = strconv.Itoa(int(BotWindow / time.Second))

// botLine and peopleLine are the service factors in words, shared by the
// text report and the Slack summary.
func botLine(w words, f Factor) string { return withVerdict(w, botLineBare(w, f), f) }

func peopleLine(w words, f Factor) string { return withVerdict(w, peopleLineBare(w, f), f) }

// botLineBare and peopleLineBare leave the verdict out, for the page to
// mark it.
func botLineBare(w words, f Factor) string {
	return w.say("report.bot_line", f.Within, f.Total, botWindowSeconds,
		factorForm(w, f, botWindowSeconds), FactorGoal, botWindowSeconds)
}

func peopleLineBare(w words, f Factor) string {
	pct, ok := f.Share()
	return w.say("report.people_line", f.Within, f.Total, pctText(pct, ok), FactorGoal)
}

func withVerdict(w words, s string, f Factor) string {
	if v := verdict(w, f); v != "" {
		s += " " + v
	}
	return s
}
