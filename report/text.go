package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// textWidth is the terminal the text report must fit.
const textWidth = 80

// rowFormat lays out a client's table in 80 columns; fmt pads by runes, so
// "CRÍTICA" lines up like "ALTA".
const rowFormat = "%-9s %7s %7s %4s %7s %7s %7s %5s %5s %6s %6s\n"

// groupFormat lays out the desk's breakdowns.
const groupFormat = "%-22s %7s %7s %4s %7s %7s %5s %5s %6s\n"

// trendFormat lays out the trend: a label and six months.
const trendFormat = "  %-13s" + "%8s%8s%8s%8s%8s%8s" + "\n"

var legend = []string{
	"En obj.: primeras respuestas dentro del objetivo. Mediana y P90: horas de",
	"atención desde el mensaje del cliente hasta la primera respuesta. Incump.:",
	"plazos vencidos antes de responder. Pend.: sin respuesta, plazo por vencer.",
	"Cerr.: cerrados antes del plazo sin respuesta. Deriv.: incidentes críticos",
	"derivados a la Mesa de Ayuda. Autoc.: cerrados tras aviso sin respuesta del",
	"cliente. Otros: primeras respuestas de alguien que no es el punto focal.",
	"CSAT: calificaciones de 4 o 5 sobre el total de calificaciones (1 a 5).",
	"Tickets = En obj. + Incump. + Pend. + Cerr. en cada fila.",
}

// WriteText writes the report for a terminal: the desk's month and its
// breakdowns, then one table per client with its service factors, its
// breaches and its trend, then a legend and how figures are computed.
func WriteText(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, fit("Informe de SLA · "+r.Month.Label()))
	fmt.Fprintln(bw, fit("Generado "+generatedText(r)))
	if len(r.Clients) == 0 {
		fmt.Fprintln(bw, "\nSin clientes para informar.")
	} else {
		writeTextDesk(bw, r)
	}
	for _, c := range r.Clients {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, fit(fmt.Sprintf("%s (%s) · %s", c.Client.Name, c.Client.ID, c.Client.TimeZone())))
		writeTextHeader(bw)
		for _, row := range c.Rows {
			writeTextRow(bw, priorityLabel(row.Priority), row)
		}
		writeTextRow(bw, "Total", c.Total)
		writeTextClocks(bw, c.Rows, c.Total)
		fmt.Fprintln(bw, fit("  "+botLine(c.Bot)))
		fmt.Fprintln(bw, fit("  "+peopleLine(c.People)))
		fmt.Fprintln(bw, fit("  "+CorrectedLine(c)))
		fmt.Fprintln(bw, fit("  "+SelfServedLine(c)))
		fmt.Fprintln(bw, fit("  "+CSATLine(c.Total.CSAT)))
		writeTextBreaches(bw, c.Breaches)
		writeTextTrend(bw, c.Trend)
	}
	if r.Ignored > 0 {
		fmt.Fprintf(bw, "\n%d tickets de clientes que ya no están en la configuración no se incluyen.\n", r.Ignored)
	}
	fmt.Fprintln(bw)
	for _, l := range append(slices.Clone(legend), clocksLegend...) {
		fmt.Fprintln(bw, l)
	}
	fmt.Fprintln(bw)
	for _, p := range method {
		for _, l := range wrap(p, textWidth) {
			fmt.Fprintln(bw, l)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

// generatedText is when the report was made in the reader's zone and UTC.
func generatedText(r Report) string {
	utc := r.Generated.UTC().Format("2006-01-02 15:04 UTC")
	if r.Zone == nil || r.Zone == time.UTC {
		return utc
	}
	return r.Generated.In(r.Zone).Format("2006-01-02 15:04") + " " + r.Zone.String() + " (" + utc + ")"
}

func writeTextDesk(w io.Writer, r Report) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Toda la mesa · %d clientes\n", len(r.Clients))
	writeTextHeader(w)
	writeTextRow(w, "Total", r.Desk.Total)
	writeTextClocks(w, nil, r.Desk.Total)
	fmt.Fprintln(w, fit("  "+botLine(r.Desk.Bot)))
	fmt.Fprintln(w, fit("  "+peopleLine(r.Desk.People)))
	fmt.Fprintln(w, fit("  "+CSATLine(r.Desk.Total.CSAT)))
	if r.Desk.Total.Pending > 0 {
		fmt.Fprintf(w, "  %d pendientes: cifras provisorias hasta que se respondan o venzan.\n", r.Desk.Total.Pending)
	}
	writeTextTrend(w, r.Desk.Trend)
	for _, s := range []struct {
		title  string
		groups []Group
		others bool
	}{{"Por punto focal", r.FocalPoints, true}, {"Por tipo", r.Kinds, false}, {"Por canal", r.Channels, false}} {
		fmt.Fprintln(w)
		others := ""
		if s.others {
			others = "Otros"
		}
		groupLine(w, s.title, "Tickets", "En obj.", "%", "Mediana", "Incump.", "Pend.", "Cerr.", others)
		for _, g := range s.groups {
			pct, ok := g.Row.MetShare()
			others := ""
			if s.others {
				others = itoa(g.ByOthers)
			}
			groupLine(w, clip(plain(g.Label), 22), itoa(g.Row.Tickets), itoa(g.Row.Met), pctText(pct, ok),
				waitText(g.Row, g.Row.Median), itoa(g.Row.Breaches), itoa(g.Row.Pending), itoa(g.Row.ClosedNoResponse), others)
		}
	}
	writeTextCSAT(w, r.FocalPoints)
}

// csatFormat lays out satisfaction per focal point.
const csatFormat = "%-22s %12s %7s %9s\n"

func writeTextCSAT(w io.Writer, focal []Group) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, csatFormat, "Satisfacción por p.f.", "Calificac.", "CSAT", "Promedio")
	for _, g := range focal {
		c := g.Row.CSAT
		fmt.Fprintf(w, csatFormat, clip(plain(g.Label), 22), itoa(c.Answers), csatPctText(c), averageText(c))
	}
}

// groupLine writes a breakdown's line without the padding of an empty last
// column.
func groupLine(w io.Writer, cells ...any) {
	fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf(groupFormat, cells...), " \n"))
}

func writeTextHeader(w io.Writer) {
	fmt.Fprintf(w, rowFormat, "Prioridad", "Tickets", "En obj.", "%", "Mediana", "P90", "Incump.", "Pend.", "Cerr.", "Deriv.", "Autoc.")
}

func writeTextRow(w io.Writer, label string, r Row) {
	pct, ok := r.MetShare()
	fmt.Fprintf(w, rowFormat, clip(label, 9), itoa(r.Tickets), itoa(r.Met), pctText(pct, ok),
		waitText(r, r.Median), waitText(r, r.P90), itoa(r.Breaches), itoa(r.Pending), itoa(r.ClosedNoResponse),
		itoa(r.CriticalRefusals), itoa(r.AutoClosed))
}

func writeTextTrend(w io.Writer, trend []TrendPoint) {
	if len(trend) != TrendMonths {
		return
	}
	cells := func(f func(TrendPoint) string) []any {
		out := make([]any, len(trend))
		for i, p := range trend {
			out[i] = f(p)
		}
		return out
	}
	fmt.Fprintf(w, trendFormat, append([]any{"Tendencia"}, cells(func(p TrendPoint) string { return p.Month.Short() })...)...)
	fmt.Fprintf(w, trendFormat, append([]any{"En objetivo"}, cells(func(p TrendPoint) string {
		pct, ok := p.Row.MetShare()
		return pctText(pct, ok)
	})...)...)
	fmt.Fprintf(w, trendFormat, append([]any{"Incumplidos"}, cells(func(p TrendPoint) string { return itoa(p.Row.Breaches) })...)...)
	fmt.Fprintf(w, trendFormat, append([]any{"CSAT"}, cells(func(p TrendPoint) string { return csatPctText(p.Row.CSAT) })...)...)
}

// breachTime is short enough for three facts on one line; the year is the
// report's.
const breachTime = "02/01 15:04"

func writeTextBreaches(w io.Writer, bs []Breach) {
	if len(bs) == 0 {
		fmt.Fprintln(w, "  Sin incumplimientos.")
		return
	}
	fmt.Fprintf(w, "  Incumplidos (%d):\n", len(bs))
	for _, b := range bs {
		head := fmt.Sprintf("  #%d %s · %s · %s", b.TicketID, priorityLabel(b.Priority), kindLabel(b.Kind), channelLabel(b.Source))
		if s := plain(b.Subject); s != "" {
			head += " · «" + s + "»"
		}
		fmt.Fprintln(w, fit(head))
		resp := "sin respuesta"
		if b.Answered() {
			resp = "respuesta " + b.FirstResponse.Format(breachTime)
		}
		fmt.Fprintln(w, fit(fmt.Sprintf("     abierto %s · vence %s · %s (+%s)", b.Opened.Format(breachTime), b.Due.Format(breachTime),
			resp, hoursMinutes(b.Late))))
		who := "focal: " + plain(b.FocalName)
		if b.Answered() {
			who += " · respondió: " + plain(b.ResponderName)
		}
		fmt.Fprintln(w, fit("     "+who))
		if b.Link != "" {
			// A cut link is worse than a long line.
			fmt.Fprintln(w, "     "+b.Link)
		}
	}
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
