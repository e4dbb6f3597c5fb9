package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"supportbot/report"
)

// csvLines parses a CSV and keys each line by its columns.
func csvLines(t *testing.T, data []byte, sep rune) []map[string]string {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	records, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v", err)
	}
	var out []map[string]string
	for _, rec := range records[1:] {
		line := map[string]string{}
		for i, name := range records[0] {
			line[name] = rec[i]
		}
		out = append(out, line)
	}
	return out
}

func TestCSVSections(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteCSV(&b, report.Build(seeded())); err != nil {
		t.Fatal(err)
	}
	lines := csvLines(t, b.Bytes(), ',')
	find := func(kind, key string) map[string]string {
		for _, l := range lines {
			if l["row_kind"] == kind && (key == "" || l["group"] == key || l["month"] == key) {
				return l
			}
		}
		t.Fatalf("no %s line for %q", kind, key)
		return nil
	}
	tests := []struct {
		kind, key, column, want string
	}{
		{"desk", "", "tickets", "9"},
		{"desk", "", "within_target_pct", "71"},
		{"desk", "", "closed_without_response", "1"},
		{"desk", "", "critical_refusals", "2"},
		{"desk", "", "bot_factor_pct", "75"},
		{"desk", "", "people_factor_pct", "71"},
		{"desk_trend", "2026-10", "tickets", "1"},
		{"desk_trend", "2026-10", "within_target_pct", "100"},
		{"desk_trend", "2026-06", "within_target_pct", ""},
		{"desk_trend", "2026-11", "breaches", "2"},
		{"trend", "2026-11", "client_id", "acme"},
		{"trend", "2026-11", "within_target_pct", "66"},
		{"focal_point", "UANA", "group_name", "Ana Pérez"},
		{"focal_point", "UANA", "tickets", "8"},
		{"focal_point", "UANA", "answered_by_others", "1"},
		{"focal_point", "UANA", "median_attended_hours", "0.50"},
		{"focal_point", "UCARLA", "within_target_pct", "100"},
		{"kind", "consulta", "auto_closed", "1"},
		{"kind", "incidente", "breaches", "2"},
		{"channel", "whatsapp", "group_name", "WhatsApp"},
		{"channel", "slack", "tickets", "7"},
		{"channel", "service_desk", "median_attended_hours", "0.25"},
	}
	for _, tt := range tests {
		if got := find(tt.kind, tt.key)[tt.column]; got != tt.want {
			t.Errorf("%s %s %s = %q, want %q", tt.kind, tt.key, tt.column, got, tt.want)
		}
	}
	// A filter on row_kind sums without double counting.
	sums := map[string]int{}
	for _, l := range lines {
		n := 0
		for _, c := range l["tickets"] {
			n = n*10 + int(c-'0')
		}
		sums[l["row_kind"]] += n
	}
	for _, kind := range []string{"priority", "total", "focal_point", "kind", "channel"} {
		if sums[kind] != 9 {
			t.Errorf("tickets over %s lines = %d, want the desk's 9", kind, sums[kind])
		}
	}
}

func TestCSVForSpreadsheets(t *testing.T) {
	opts, ok := report.CSVForLocale("es-AR")
	if !ok || opts.Sep != ';' || !opts.DecimalComma || opts.BOM {
		t.Fatalf("es-AR = %+v, %v; want ; with decimal comma", opts, ok)
	}
	opts.BOM = true
	if _, ok := report.CSVForLocale("xx"); ok {
		t.Error("an unknown locale was accepted")
	}
	in := seeded()
	in.Clients[0].Name = "=HYPERLINK(\"https://evil.example\")"
	var b bytes.Buffer
	if err := opts.Write(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no byte-order mark: %q", data[:8])
	}
	lines := csvLines(t, data[3:], ';')
	acmeAlta := lines[1]
	if acmeAlta["priority"] != "alta" || acmeAlta["median_attended_hours"] != "1,00" || acmeAlta["p90_attended_hours"] != "3,00" {
		t.Errorf("alta line = %v, want hours 1,00 and 3,00", acmeAlta)
	}
	if got := acmeAlta["client_name"]; !strings.HasPrefix(got, "'=") {
		t.Errorf("client name %q would run as a formula", got)
	}
	var plain bytes.Buffer
	if err := (report.CSV{Sep: ';'}).Write(&plain, report.Build(seeded())); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(plain.Bytes(), []byte("\xef\xbb\xbf")) || !strings.Contains(plain.String(), ";1.00;") {
		t.Errorf("-csv-sep alone changed more than the separator:\n%s", plain.String()[:200])
	}
}

func TestBreachesCSV(t *testing.T) {
	in := seeded()
	in.Tickets[8].Subject = "@SUM(1+1) no anda"
	var b bytes.Buffer
	if err := report.WriteBreachesCSV(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	lines := csvLines(t, b.Bytes(), ',')
	var ids []string
	for _, l := range lines {
		ids = append(ids, l["ticket"])
	}
	// Newest first: the desk-wide list.
	if want := []string{"9", "2"}; !slices.Equal(ids, want) {
		t.Fatalf("breach tickets = %v, want %v", ids, want)
	}
	want := []map[string]string{{
		"ticket": "9", "priority": "media", "subject": "'@SUM(1+1) no anda", "first_response": "", "late_attended_hours": "119.50",
		"first_responder": "", "first_responder_name": "", "clock": "first",
	}, {
		"month": "2026-11", "client_id": "acme", "client_name": "ACME Cobranzas", "ticket": "2", "kind": "incidente", "priority": "alta",
		"channel": "slack", "subject": "caso 2", "time_zone": "America/Argentina/Buenos_Aires", "opened": "2026-11-03 10:00",
		"due": "2026-11-03 14:00", "first_response": "2026-11-03 16:00", "late_attended_hours": "1.00", "focal_point": "UANA",
		"focal_point_name": "Ana Pérez", "first_responder": "UBETO", "first_responder_name": "Beto Gómez",
		"thread_url": "https://slack.com/archives/CACME/p1700000002000100", "clock": "first",
	}}
	for i, w := range want {
		for col, v := range w {
			if got := lines[i][col]; got != v {
				t.Errorf("breach %d %s = %q, want %q", i, col, got, v)
			}
		}
	}
}
