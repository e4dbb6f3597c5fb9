package report

import (
	"bufio"
	"fmt"
	"io"
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

// WriteText writes the report for a terminal: the desk-wide breach list,
// the desk's month and its breakdowns, then one table per client with its
// service factors, its breaches and its trend, then a legend and how
// figures are computed.
func WriteText(w io.Writer, r Report) error {
	wd := words{r.Language}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, fit(wd.say("report.title", r.Month.LabelIn(wd.l))))
	fmt.Fprintln(bw, fit(wd.say("report.generated", generatedText(wd, r))))
	if len(r.Clients) == 0 {
		fmt.Fprintln(bw, "\n"+wd.say("report.no_clients"))
	} else {
		writeTextDeskBreaches(bw, wd, r.Breaches)
		writeTextDesk(bw, wd, r)
	}
	for _, c := range r.Clients {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, fit(fmt.Sprintf("%s (%s) · %s", c.Client.Name, c.Client.ID, wd.zoneTime(c.Client.Location))))
		writeTextHeader(bw, wd)
		for _, row := range c.Rows {
			writeTextRow(bw, priorityLabel(wd, row.Priority), row)
		}
		writeTextRow(bw, wd.say("report.total"), c.Total)
		writeTextClocks(bw, wd, c.Rows, c.Total)
		fmt.Fprintln(bw, fit("  "+botLine(wd, c.Bot)))
		fmt.Fprintln(bw, fit("  "+peopleLine(wd, c.People)))
		fmt.Fprintln(bw, fit("  "+correctedLine(wd, c)))
		fmt.Fprintln(bw, fit("  "+selfServedLine(wd, c)))
		fmt.Fprintln(bw, fit("  "+csatLine(wd, c.Total.CSAT)))
		writeTextBreaches(bw, wd, c.Breaches)
		writeTextTrend(bw, wd, c.Trend)
	}
	if r.Ignored > 0 {
		fmt.Fprintln(bw)
		writeWrapped(bw, "", wd.say("report.ignored", r.Ignored))
	}
	fmt.Fprintln(bw)
	writeWrapped(bw, "", wd.say("report.legend"))
	writeWrapped(bw, "", wd.say("report.legend.clocks"))
	fmt.Fprintln(bw)
	for _, p := range method(wd) {
		writeWrapped(bw, "", p)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

// writeWrapped writes a paragraph in 80 columns, each line after indent.
func writeWrapped(w io.Writer, indent, s string) {
	for _, l := range wrap(s, textWidth-utf8.RuneCountInString(indent)) {
		fmt.Fprintln(w, indent+l)
	}
}

// generatedText is when the report was made, on the desk's clock named by
// its city, and in UTC: a report made under systemd has no TZ to go by.
func generatedText(wd words, r Report) string {
	utc := r.Generated.UTC().Format("2006-01-02 15:04 UTC")
	if r.Zone == nil || r.Zone == time.UTC || r.Zone.String() == "UTC" {
		return utc
	}
	return r.Generated.In(r.Zone).Format("2006-01-02 15:04") + " " + wd.zoneTime(r.Zone) + " (" + utc + ")"
}

func writeTextDesk(w io.Writer, wd words, r Report) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, wd.say("report.text.desk", wd.say("report.n_clients", len(r.Clients))))
	writeTextHeader(w, wd)
	writeTextRow(w, wd.say("report.total"), r.Desk.Total)
	writeTextClocks(w, wd, nil, r.Desk.Total)
	fmt.Fprintln(w, fit("  "+botLine(wd, r.Desk.Bot)))
	fmt.Fprintln(w, fit("  "+peopleLine(wd, r.Desk.People)))
	fmt.Fprintln(w, fit("  "+csatLine(wd, r.Desk.Total.CSAT)))
	if n := r.Desk.Total.Pending; n > 0 {
		writeWrapped(w, "  ", wd.say("report.pending_note", n))
	}
	writeTextTrend(w, wd, r.Desk.Trend)
	for _, s := range []struct {
		title  string
		groups []Group
		others bool
	}{{"report.by_focal", r.FocalPoints, true}, {"report.by_kind", r.Kinds, false}, {"report.by_channel", r.Channels, false}} {
		fmt.Fprintln(w)
		head := wd.cols("report.text.cols.group")
		if !s.others {
			head[len(head)-1] = ""
		}
		groupLine(w, append([]any{clip(wd.say(s.title), 22)}, cells(head)...)...)
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
	writeTextCSAT(w, wd, r.FocalPoints)
}

// cells makes headings fmt arguments.
func cells(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// csatFormat lays out satisfaction per focal point.
const csatFormat = "%-22s %12s %7s %9s\n"

func writeTextCSAT(w io.Writer, wd words, focal []Group) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, csatFormat, cells(wd.cols("report.text.cols.csat"))...)
	for _, g := range focal {
		c := g.Row.CSAT
		fmt.Fprintf(w, csatFormat, clip(plain(g.Label), 22), itoa(c.Answers), csatPctText(c), averageText(wd, c))
	}
}

// groupLine writes a breakdown's line without the padding of an empty last
// column.
func groupLine(w io.Writer, cells ...any) {
	fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf(groupFormat, cells...), " \n"))
}

func writeTextHeader(w io.Writer, wd words) {
	fmt.Fprintf(w, rowFormat, cells(wd.cols("report.text.cols.main"))...)
}

func writeTextRow(w io.Writer, label string, r Row) {
	pct, ok := r.MetShare()
	fmt.Fprintf(w, rowFormat, clip(label, 9), itoa(r.Tickets), itoa(r.Met), pctText(pct, ok),
		waitText(r, r.Median), waitText(r, r.P90), itoa(r.Breaches), itoa(r.Pending), itoa(r.ClosedNoResponse),
		itoa(r.CriticalRefusals), itoa(r.AutoClosed))
}

func writeTextTrend(w io.Writer, wd words, trend []TrendPoint) {
	if len(trend) != TrendMonths {
		return
	}
	row := func(label string, f func(TrendPoint) string) {
		out := []any{clip(label, 13)}
		for _, p := range trend {
			out = append(out, f(p))
		}
		fmt.Fprintf(w, trendFormat, out...)
	}
	labels := wd.cols("report.text.trend_rows")
	row(labels[0], func(p TrendPoint) string { return p.Month.ShortIn(wd.l) })
	row(labels[1], func(p TrendPoint) string {
		pct, ok := p.Row.MetShare()
		return pctText(pct, ok)
	})
	row(labels[2], func(p TrendPoint) string { return itoa(p.Row.Breaches) })
	row(labels[3], func(p TrendPoint) string { return csatPctText(p.Row.CSAT) })
}

// breachTime is short enough for three facts on one line; the year is the
// report's.
const breachTime = "02/01 15:04"

func writeTextBreaches(w io.Writer, wd words, bs []Breach) {
	if len(bs) == 0 {
		fmt.Fprintln(w, "  "+wd.say("report.text.no_breaches"))
		return
	}
	fmt.Fprintln(w, "  "+wd.say("report.text.breaches", len(bs)))
	for _, b := range bs {
		head := fmt.Sprintf("  #%d %s · %s · %s", b.TicketID, priorityLabel(wd, b.Priority), kindLabel(wd, b.Kind), channelLabel(wd, b.Source))
		if s := plain(b.Subject); s != "" {
			head += " · «" + s + "»"
		}
		fmt.Fprintln(w, fit(head))
		writeTextBreachDetail(w, wd, b)
	}
}

// writeTextDeskBreaches is the desk-wide list, newest first: whose and
// which clock each breach was.
func writeTextDeskBreaches(w io.Writer, wd words, bs []Breach) {
	fmt.Fprintln(w)
	writeWrapped(w, "", wd.say("report.text.desk_breaches", len(bs)))
	if len(bs) == 0 {
		fmt.Fprintln(w, "  "+wd.say("report.text.no_breaches"))
		return
	}
	for _, b := range bs {
		// The client last: a long name is what gets cut.
		head := fmt.Sprintf("  #%d %s · %s · %s · %s", b.TicketID, wd.clockLabel(b.Clock), priorityLabel(wd, b.Priority), kindLabel(wd, b.Kind), plain(b.ClientName))
		fmt.Fprintln(w, fit(head))
		writeTextBreachDetail(w, wd, b)
	}
}

// writeTextBreachDetail is a breach's times, people and thread.
func writeTextBreachDetail(w io.Writer, wd words, b Breach) {
	resp := wd.say("report.unanswered")
	if b.Answered() {
		resp = wd.say("report.text.answered_at", b.FirstResponse.Format(breachTime))
	}
	fmt.Fprintln(w, fit("     "+wd.say("report.text.breach_when", b.Opened.Format(breachTime), b.Due.Format(breachTime),
		resp, hoursMinutes(b.Late))))
	who := wd.say("report.text.focal", plain(b.FocalName))
	if b.Answered() {
		who += " · " + wd.say("report.text.responder", plain(b.ResponderName))
	}
	fmt.Fprintln(w, fit("     "+who))
	if b.Link != "" {
		// A cut link is worse than a long line.
		fmt.Fprintln(w, "     "+b.Link)
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
