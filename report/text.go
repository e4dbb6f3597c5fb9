package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// textWidth is the terminal the text report must fit.
const textWidth = 80

// rowFormat lays out the table in 77 columns; fmt pads by runes, so
// "CRÍTICA" lines up like "ALTA".
const rowFormat = "%-9s %7s %7s %5s %7s %7s %7s %5s %8s %6s\n"

var legend = []string{
	"En obj.: primeras respuestas dentro del objetivo. Mediana y P90: horas de",
	"atención desde el mensaje del cliente hasta la primera respuesta. Incump.:",
	"plazos vencidos antes de responder. Pend.: sin respuesta, plazo por vencer.",
	"Críticos: incidentes críticos derivados a la Mesa de Ayuda. Autoc.: cerrados",
	"tras aviso sin respuesta del cliente.",
}

// WriteText writes the report for a terminal: one table per client, then
// the service factors, then a legend.
func WriteText(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, fit(fmt.Sprintf("Informe de SLA · %s · generado %s", r.Month.Label(), r.Generated.UTC().Format("2006-01-02 15:04 UTC"))))
	if len(r.Clients) == 0 {
		fmt.Fprintln(bw, "\nSin clientes para informar.")
	}
	for _, c := range r.Clients {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, fit(fmt.Sprintf("%s (%s) · %s", c.Client.Name, c.Client.ID, c.Client.TimeZone())))
		fmt.Fprintf(bw, rowFormat, "Prioridad", "Tickets", "En obj.", "%", "Mediana", "P90", "Incump.", "Pend.", "Críticos", "Autoc.")
		for _, row := range c.Rows {
			writeTextRow(bw, priorityLabel(row.Priority), row)
		}
		writeTextRow(bw, "Total", c.Total)
		fmt.Fprintln(bw, fit("  "+botLine(c.Bot)))
		fmt.Fprintln(bw, fit("  "+peopleLine(c.People)))
	}
	if r.Ignored > 0 {
		fmt.Fprintf(bw, "\n%d tickets de clientes que ya no están en la configuración no se incluyen.\n", r.Ignored)
	}
	fmt.Fprintln(bw)
	for _, l := range legend {
		fmt.Fprintln(bw, l)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

func writeTextRow(w io.Writer, label string, r Row) {
	pct, ok := r.MetShare()
	fmt.Fprintf(w, rowFormat, clip(label, 9), itoa(r.Tickets), itoa(r.Met), pctText(pct, ok),
		waitText(r, r.Median), waitText(r, r.P90), itoa(r.Breaches), itoa(r.Pending), itoa(r.CriticalRefusals), itoa(r.AutoClosed))
}

func itoa(n int) string { return fmt.Sprint(n) }

// fit cuts a line to the terminal width, so a long client name cannot wrap
// the table.
func fit(s string) string { return clip(s, textWidth) }

// clip cuts s to n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimRight(string(runes[:n-1]), " ") + "…"
}
