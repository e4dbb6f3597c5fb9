package report

import (
	"fmt"
	"strings"
)

// Summary is one client's month in a few lines of Slack text, for
// `/soporte reporte <cliente> [mes]`; false when the client is not in r.
// Priorities with nothing to show are left out to keep it short.
func Summary(r Report, clientID string) (string, bool) {
	for _, c := range r.Clients {
		if c.Client.ID == clientID {
			return clientSummary(r, c), true
		}
	}
	return "", false
}

func clientSummary(r Report, c ClientReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*Informe de SLA · %s · %s*\n", c.Client.Name, r.Month.Label())
	t := c.Total
	if t.Tickets == 0 && t.CriticalRefusals == 0 {
		b.WriteString("Sin tickets en el mes.")
		return b.String()
	}
	pct, ok := t.MetShare()
	fmt.Fprintf(&b, "%d tickets · %d de %d en objetivo (%s) · %d incumplidos · %d pendientes\n",
		t.Tickets, t.Met, t.Met+t.Breaches, pctText(pct, ok), t.Breaches, t.Pending)
	for _, row := range c.Rows {
		if row.Tickets == 0 {
			continue
		}
		pct, ok := row.MetShare()
		fmt.Fprintf(&b, "• %s: %d tickets, %d en objetivo (%s), mediana %s, p90 %s\n",
			priorityLabel(row.Priority), row.Tickets, row.Met, pctText(pct, ok), waitText(row, row.Median), waitText(row, row.P90))
	}
	if t.NextResponses > 0 {
		pct, ok := t.NextMetShare()
		fmt.Fprintf(&b, "Respuestas siguientes: %d · %d en objetivo (%s) · %d incumplidas · %d pendientes\n",
			t.NextResponses, t.NextMet, pctText(pct, ok), t.NextBreaches, t.NextPending)
	}
	if t.Resolved > 0 {
		fmt.Fprintf(&b, "Resolución (%d resueltos, sin el tiempo esperando al cliente): mediana %s, p90 %s\n",
			t.Resolved, resolutionText(t, t.ResolutionMedian), resolutionText(t, t.ResolutionP90))
	}
	fmt.Fprintf(&b, "Críticos derivados a la Mesa de Ayuda: %d · cierres automáticos: %d\n", t.CriticalRefusals, t.AutoClosed)
	fmt.Fprintf(&b, "%s\n", SelfServedLine(c))
	fmt.Fprintf(&b, "%s\n%s", botLine(c.Bot), peopleLine(c.People))
	return b.String()
}

// CorrectedLine says how often the bot's reading of the client's tickets
// was corrected this month.
func CorrectedLine(c ClientReport) string {
	return fmt.Sprintf("Lecturas del bot corregidas: %d de %d tickets", c.Corrected, c.Total.Tickets)
}
