package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader names the columns in English snake_case, for spreadsheets and
// scripts rather than people. row_kind says what a line is, so a filter
// keeps one kind and a SUM over it counts each ticket once: "priority"
// lines add up to their client's "total", every client's "total" to
// "desk", and each of "focal_point", "kind" and "channel" to "desk" too.
// "trend" and "desk_trend" lines are the trend's months (the month
// column), per client and for the desk. Service factor columns are filled
// on total and desk lines only, as they are per client; corrected_readings
// (tickets whose kind or priority the bot read was corrected) on a client's
// total line only. csat is the share of satisfaction answers of 4 or 5
// (whole, rounded down), beside csat_answers and csat_average, on every
// line; empty with no answers.
var csvHeader = []string{
	"row_kind", "month", "client_id", "client_name", "priority", "group", "group_name", "tickets",
	"within_target", "within_target_pct", "breaches", "pending", "closed_without_response",
	"responded", "median_attended_hours", "p90_attended_hours",
	"critical_refusals", "auto_closed", "answered_by_others",
	"bot_within_40s", "bot_tickets", "bot_factor_pct",
	"people_within_target", "people_tickets", "people_factor_pct",
	"corrected_readings",
	"csat_answers", "csat", "csat_average",
}

// csvColumns is the header with the next-response and resolution columns
// last, so the earlier columns keep their places.
var csvColumns = append(append([]string(nil), csvHeader...), csvClocksHeader...)

// CSV is how a spreadsheet reads the file. The zero value is plain
// RFC 4180: comma separated, dot decimals, no byte-order mark.
type CSV struct {
	// Sep separates fields; 0 is a comma.
	Sep rune
	// DecimalComma writes 1,50 for one and a half hours.
	DecimalComma bool
	// BOM starts the file with a UTF-8 byte-order mark, which Excel needs
	// to read accents right.
	BOM bool
}

// CSVForLocale is how spreadsheets in the locale read CSV by default:
// Spanish-speaking ones split on semicolons, as the comma is their decimal
// mark. ok is false for a locale it does not know.
func CSVForLocale(locale string) (c CSV, ok bool) {
	switch strings.ToLower(locale) {
	case "es-ar", "es-cl", "es":
		return CSV{Sep: ';', DecimalComma: true}, true
	case "en":
		return CSV{}, true
	}
	return CSV{}, false
}

// WriteCSV writes the report as plain RFC 4180 CSV.
func WriteCSV(w io.Writer, r Report) error { return CSV{}.Write(w, r) }

// WriteBreachesCSV writes the breach lists as plain RFC 4180 CSV.
func WriteBreachesCSV(w io.Writer, r Report) error { return CSV{}.WriteBreaches(w, r) }

// Write writes one line per client and priority, a total line per client,
// the client's trend, then the desk's lines. Percentages are whole numbers
// rounded down, hours have two decimals; a figure with nothing to measure
// is empty.
func (o CSV) Write(w io.Writer, r Report) error {
	cw, err := o.writer(w)
	if err != nil {
		return fmt.Errorf("write csv report: %w", err)
	}
	if err := cw.Write(csvColumns); err != nil {
		return fmt.Errorf("write csv report: %w", err)
	}
	line := func(kind string, m Month, id, name, prio, key, label string, row Row, extra ...string) {
		rec := append([]string{kind, m.String(), id, text(name), prio, text(key), text(label)}, o.row(row)...)
		if len(extra) == 0 {
			extra = make([]string, 7)
		}
		if len(extra) == 7 { // no corrected_readings on this line
			extra = append(extra, "")
		}
		cw.Write(append(append(append(rec, extra...), o.csat(row.CSAT)...), o.clocks(row)...)) // cw keeps the first error for flush

	}
	for _, c := range r.Clients {
		id, name := c.Client.ID, c.Client.Name
		for _, row := range c.Rows {
			line("priority", r.Month, id, name, string(row.Priority), "", "", row)
		}
		line("total", r.Month, id, name, "total", "", "", c.Total, append(factors(c.Bot, c.People), strconv.Itoa(c.Corrected))...)
		for _, p := range c.Trend {
			line("trend", p.Month, id, name, "", "", "", p.Row)
		}
	}
	line("desk", r.Month, "", "", "", "", "", r.Desk.Total, factors(r.Desk.Bot, r.Desk.People)...)
	for _, p := range r.Desk.Trend {
		line("desk_trend", p.Month, "", "", "", "", "", p.Row)
	}
	for _, g := range r.FocalPoints {
		line("focal_point", r.Month, "", "", "", g.Key, g.Label, g.Row, byOthers(g.ByOthers)...)
	}
	for _, g := range r.Kinds {
		line("kind", r.Month, "", "", "", g.Key, g.Label, g.Row)
	}
	for _, g := range r.Channels {
		line("channel", r.Month, "", "", "", g.Key, g.Label, g.Row)
	}
	return flush(cw, "write csv report")
}

var breachHeader = []string{
	"month", "client_id", "client_name", "ticket", "kind", "priority", "channel", "subject",
	"time_zone", "opened", "due", "first_response", "late_attended_hours",
	"focal_point", "focal_point_name", "first_responder", "first_responder_name", "thread_url",
	"clock",
}

// WriteBreaches writes one line per breach, the desk-wide list: newest
// first, every client's, first-response (clock "first") and next-response
// ones (clock "next"; the column is last so the earlier ones keep their
// places). Times are the client's local time, as the time_zone column
// says; for a next-response breach opened is the client's message and
// first_response the answer to it. first_response is empty for a breach
// never answered, whose lateness runs to its close or to when the report
// was made.
func (o CSV) WriteBreaches(w io.Writer, r Report) error {
	cw, err := o.writer(w)
	if err != nil {
		return fmt.Errorf("write csv breaches: %w", err)
	}
	if err := cw.Write(breachHeader); err != nil {
		return fmt.Errorf("write csv breaches: %w", err)
	}
	for _, b := range r.Breaches {
		resp := ""
		if b.Answered() {
			resp = b.FirstResponse.Format(localTime)
		}
		zone := "UTC"
		if b.Zone != nil {
			zone = b.Zone.String()
		}
		cw.Write([]string{
			r.Month.String(), b.ClientID, text(b.ClientName), strconv.FormatInt(b.TicketID, 10),
			string(b.Kind), string(b.Priority), string(b.Source), text(b.Subject),
			zone, b.Opened.Format(localTime), b.Due.Format(localTime), resp, o.hours(b.Late),
			b.FocalPoint, text(b.FocalName), b.FirstResponder, text(b.ResponderName), b.Link, string(b.Clock),
		}) // cw keeps the first error for flush
	}
	return flush(cw, "write csv breaches")
}

// localTime is how the CSV writes times: what spreadsheets in both
// locales read as a date and time.
const localTime = "2006-01-02 15:04"

func (o CSV) writer(w io.Writer) (*csv.Writer, error) {
	if o.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	if o.Sep != 0 {
		cw.Comma = o.Sep
	}
	return cw, nil
}

// flush reports the first error of any line: csv.Writer keeps it.
func flush(cw *csv.Writer, what string) error {
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func (o CSV) row(r Row) []string {
	pct, ok := r.MetShare()
	hours := func(d time.Duration) string {
		if r.Responded == 0 {
			return ""
		}
		return o.hours(d)
	}
	return []string{
		strconv.Itoa(r.Tickets), strconv.Itoa(r.Met), csvPct(pct, ok), strconv.Itoa(r.Breaches), strconv.Itoa(r.Pending),
		strconv.Itoa(r.ClosedNoResponse), strconv.Itoa(r.Responded), hours(r.Median), hours(r.P90),
		strconv.Itoa(r.CriticalRefusals), strconv.Itoa(r.AutoClosed),
	}
}

// csat are the last three columns: answers, score and average rating.
func (o CSV) csat(c CSAT) []string {
	pct, ok := c.Share()
	avg := ""
	if a, ok := c.Average(); ok {
		avg = o.decimal(a)
	}
	return []string{strconv.Itoa(c.Answers), csvPct(pct, ok), avg}
}

func (o CSV) hours(d time.Duration) string { return o.decimal(d.Hours()) }

// decimal has two decimals, with the separator of the file's locale.
func (o CSV) decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if o.DecimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// factors are the last seven columns of a total line: answered_by_others
// (a focal point's figure, empty here) and the two service factors.
func factors(bot, people Factor) []string {
	out := []string{""}
	for _, f := range []Factor{bot, people} {
		pct, ok := f.Share()
		out = append(out, strconv.Itoa(f.Within), strconv.Itoa(f.Total), csvPct(pct, ok))
	}
	return out
}

// byOthers are the last seven columns of a focal point's line.
func byOthers(n int) []string { return []string{strconv.Itoa(n), "", "", "", "", "", ""} }

func csvPct(pct int, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.Itoa(pct)
}

// text keeps people's and clients' words as data in a spreadsheet: a cell
// starting with = + - @ or a control character would be read as a formula,
// so it is quoted with a leading apostrophe, as spreadsheets themselves do.
func text(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	return s
}
