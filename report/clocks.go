package report

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// clocksFormat lays out next responses and resolution in 80 columns.
const clocksFormat = "%-9s %6s %7s %4s %7s %5s %9s %7s %7s %6s\n"

func writeTextClocksHeader(w io.Writer, wd words) {
	fmt.Fprintf(w, clocksFormat, append([]any{""}, cells(wd.cols("report.text.cols.clocks"))...)...)
}

func writeTextClocksRow(w io.Writer, label string, r Row) {
	pct, ok := r.NextMetShare()
	fmt.Fprintf(w, clocksFormat, clip(label, 9), itoa(r.NextResponses), itoa(r.NextMet), pctText(pct, ok), itoa(r.NextBreaches),
		itoa(r.NextPending), itoa(r.Resolved), resolutionText(r, r.ResolutionMedian), resolutionText(r, r.ResolutionP90), itoa(r.OverResolution))
}

// writeTextClocks is a client's (or the desk's) next responses and time to
// resolution, per priority then in total.
func writeTextClocks(w io.Writer, wd words, rows []Row, total Row) {
	fmt.Fprintln(w, "  "+wd.say("report.text.clocks"))
	writeTextClocksHeader(w, wd)
	for _, row := range rows {
		writeTextClocksRow(w, priorityLabel(wd, row.Priority), row)
	}
	writeTextClocksRow(w, wd.say("report.total"), total)
}

// resolutionText is a row's resolution median or P90, or a dash when
// nothing was resolved.
func resolutionText(r Row, d time.Duration) string {
	if r.Resolved == 0 {
		return "—"
	}
	return hoursMinutes(d)
}

// csvClocksHeader are the CSV's last columns, on every line.
var csvClocksHeader = []string{
	"next_responses", "next_within_target", "next_breaches", "next_pending",
	"resolved", "resolution_median_attended_hours", "resolution_p90_attended_hours", "over_resolution_target",
}

func (o CSV) clocks(r Row) []string {
	hours := func(d time.Duration) string {
		if r.Resolved == 0 {
			return ""
		}
		return o.hours(d)
	}
	return []string{
		strconv.Itoa(r.NextResponses), strconv.Itoa(r.NextMet), strconv.Itoa(r.NextBreaches), strconv.Itoa(r.NextPending),
		strconv.Itoa(r.Resolved), hours(r.ResolutionMedian), hours(r.ResolutionP90), strconv.Itoa(r.OverResolution),
	}
}
