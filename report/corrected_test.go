package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"supportbot/report"
	"supportbot/ticketing"
)

// TestCorrectedReadings: per client, the month's tickets whose reading was
// corrected, each once however often, in every format.
func TestCorrectedReadings(t *testing.T) {
	in := seeded()
	in.Audit = append(in.Audit,
		ticketing.AuditEntry{At: utc(11, 2, 14), ClientID: "acme", TicketID: 1, Action: ticketing.AuditKindChanged},
		ticketing.AuditEntry{At: utc(11, 2, 15), ClientID: "acme", TicketID: 1, Action: ticketing.AuditPriorityChanged},
		ticketing.AuditEntry{At: utc(11, 3, 14), ClientID: "acme", TicketID: 2, Action: ticketing.AuditKindChosen},
		ticketing.AuditEntry{At: utc(11, 3, 14), ClientID: "acme", TicketID: 3, Action: ticketing.AuditTaken},      // not a correction
		ticketing.AuditEntry{At: utc(11, 1, 3), ClientID: "acme", TicketID: 8, Action: ticketing.AuditKindChanged}, // an October ticket
		ticketing.AuditEntry{At: utc(11, 16, 15), ClientID: "andes", TicketID: 10, Action: ticketing.AuditKindChanged},
	)
	r := report.Build(in)
	want := map[string]int{"acme": 2, "andes": 1}
	for _, c := range r.Clients {
		if c.Corrected != want[c.Client.ID] {
			t.Errorf("%s: corrected %d of %d, want %d", c.Client.ID, c.Corrected, c.Total.Tickets, want[c.Client.ID])
		}
	}
	var text, html, csvOut bytes.Buffer
	if err := report.WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&html, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteCSV(&csvOut, r); err != nil {
		t.Fatal(err)
	}
	line := report.CorrectedLine(r.Clients[0])
	if !strings.HasPrefix(line, "Lecturas del bot corregidas: 2 de ") {
		t.Errorf("line = %q", line)
	}
	for name, out := range map[string]string{"text": text.String(), "html": html.String()} {
		if !strings.Contains(out, line) {
			t.Errorf("%s report lacks %q", name, line)
		}
	}
	recs, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "corrected_readings")
	if col < 0 {
		t.Fatalf("no corrected_readings column in %v", recs[0])
	}
	got := map[string]string{}
	for _, rec := range recs[1:] {
		if len(rec) != len(recs[0]) {
			t.Fatalf("line with %d fields, header has %d: %v", len(rec), len(recs[0]), rec)
		}
		if rec[0] == "total" {
			got[rec[2]] = rec[col]
		} else if rec[col] != "" {
			t.Errorf("%s line carries corrected_readings %q", rec[0], rec[col])
		}
	}
	if got["acme"] != "2" || got["andes"] != "1" {
		t.Errorf("csv corrected_readings = %v, want acme 2, andes 1", got)
	}
}
