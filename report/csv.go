package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"
)

// csvHeader names the columns in English snake_case, for spreadsheets and
// scripts rather than people. The service factor columns are filled on each
// client's total row only, as they are per client.
var csvHeader = []string{
	"month", "client_id", "client_name", "priority", "tickets",
	"within_target", "within_target_pct", "breaches", "pending",
	"responded", "median_attended_hours", "p90_attended_hours",
	"critical_refusals", "auto_closed",
	"bot_within_40s", "bot_tickets", "bot_factor_pct",
	"people_within_target", "people_tickets", "people_factor_pct",
}

// WriteCSV writes one line per client and priority and a "total" line per
// client. Percentages are whole numbers rounded down, hours have two
// decimals; a figure with nothing to measure is empty.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write csv report: %w", err)
	}
	for _, c := range r.Clients {
		lead := []string{r.Month.String(), c.Client.ID, c.Client.Name}
		for _, row := range c.Rows {
			rec := append(append(lead[:3:3], string(row.Priority)), csvRow(row)...)
			if err := cw.Write(append(rec, "", "", "", "", "", "")); err != nil {
				return fmt.Errorf("write csv report: %w", err)
			}
		}
		rec := append(append(lead[:3:3], "total"), csvRow(c.Total)...)
		rec = append(rec, csvFactor(c.Bot)...)
		if err := cw.Write(append(rec, csvFactor(c.People)...)); err != nil {
			return fmt.Errorf("write csv report: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv report: %w", err)
	}
	return nil
}

func csvRow(r Row) []string {
	pct, ok := r.MetShare()
	return []string{
		strconv.Itoa(r.Tickets), strconv.Itoa(r.Met), csvPct(pct, ok), strconv.Itoa(r.Breaches), strconv.Itoa(r.Pending),
		strconv.Itoa(r.Responded), csvHours(r, r.Median), csvHours(r, r.P90),
		strconv.Itoa(r.CriticalRefusals), strconv.Itoa(r.AutoClosed),
	}
}

func csvFactor(f Factor) []string {
	pct, ok := f.Share()
	return []string{strconv.Itoa(f.Within), strconv.Itoa(f.Total), csvPct(pct, ok)}
}

func csvPct(pct int, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.Itoa(pct)
}

func csvHours(r Row, d time.Duration) string {
	if r.Responded == 0 {
		return ""
	}
	return strconv.FormatFloat(d.Hours(), 'f', 2, 64)
}
