package report

import (
	"strings"
)

// Summary is one client's month in a few lines of Slack text, for
// `/soporte reporte <cliente> [mes]`, in the report's language; false when
// the client is not in r. Priorities with nothing to show are left out to
// keep it short.
func Summary(r Report, clientID string) (string, bool) {
	for _, c := range r.Clients {
		if c.Client.ID == clientID {
			return clientSummary(words{r.Language}, r, c), true
		}
	}
	return "", false
}

func clientSummary(w words, r Report, c ClientReport) string {
	var b strings.Builder
	b.WriteString(w.say("report.summary.title", c.Client.Name, r.Month.LabelIn(w.l)) + "\n")
	t := c.Total
	if t.Tickets == 0 && t.CriticalRefusals == 0 {
		b.WriteString(w.say("report.summary.none"))
		return b.String()
	}
	pct, ok := t.MetShare()
	b.WriteString(w.say("report.summary.total", w.say("report.n_tickets", t.Tickets), t.Met, t.Met+t.Breaches, pctText(pct, ok),
		w.say("report.n_breaches", t.Breaches), w.say("report.n_pending", t.Pending)) + "\n")
	for _, row := range c.Rows {
		if row.Tickets == 0 {
			continue
		}
		pct, ok := row.MetShare()
		b.WriteString(w.say("report.summary.row", priorityLabel(w, row.Priority), w.say("report.n_tickets", row.Tickets), row.Met,
			pctText(pct, ok), waitText(row, row.Median), waitText(row, row.P90)) + "\n")
	}
	if t.NextResponses > 0 {
		pct, ok := t.NextMetShare()
		b.WriteString(w.say("report.summary.next", t.NextResponses, t.NextMet, pctText(pct, ok),
			w.say("report.n_next_breaches", t.NextBreaches), w.say("report.n_pending", t.NextPending)) + "\n")
	}
	if t.Resolved > 0 {
		b.WriteString(w.say("report.summary.resolution", w.say("report.n_resolved", t.Resolved),
			resolutionText(t, t.ResolutionMedian), resolutionText(t, t.ResolutionP90)) + "\n")
	}
	b.WriteString(w.say("report.summary.refused", t.CriticalRefusals, t.AutoClosed) + "\n")
	b.WriteString(selfServedLine(w, c) + "\n")
	b.WriteString(botLine(w, c.Bot) + "\n" + peopleLine(w, c.People))
	return b.String()
}

// CorrectedLine says, in the desk's Spanish, how often the bot's reading
// of the client's tickets was corrected this month.
func CorrectedLine(c ClientReport) string { return correctedLine(words{}, c) }

func correctedLine(w words, c ClientReport) string {
	return w.say("report.corrected", c.Corrected, w.say("report.n_tickets", c.Total.Tickets))
}
