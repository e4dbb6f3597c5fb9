package report_test

import (
	"bytes"
	"strings"
	"testing"

	"supportbot/report"
)

// rated is the seeded month with satisfaction answers: acme's November
// tickets 1–3 rated 5, 3 and 4, andes's ticket 10 rated 2, and acme's
// October ticket 8 rated 5.
func rated() report.Input {
	in := seeded()
	in.Ratings = map[int64]int{1: 5, 2: 3, 3: 4, 10: 2, 8: 5}
	return in
}

func TestCSATFigures(t *testing.T) {
	r := report.Build(rated())
	focal := map[string]report.CSAT{}
	for _, g := range r.FocalPoints {
		focal[g.Key] = g.Row.CSAT
	}
	tests := []struct {
		name string
		got  report.CSAT
		want report.CSAT
	}{
		{"acme", r.Clients[0].Total.CSAT, report.CSAT{Answers: 3, Satisfied: 2, Sum: 12}},
		{"andes", r.Clients[1].Total.CSAT, report.CSAT{Answers: 1, Sum: 2}},
		{"desk", r.Desk.Total.CSAT, report.CSAT{Answers: 4, Satisfied: 2, Sum: 14}},
		{"acme's focal point", focal["UANA"], report.CSAT{Answers: 3, Satisfied: 2, Sum: 12}},
		{"acme's October", r.Clients[0].Trend[len(r.Clients[0].Trend)-2].Row.CSAT, report.CSAT{Answers: 1, Satisfied: 1, Sum: 5}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: CSAT = %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

func TestCSATColumns(t *testing.T) {
	r := report.Build(rated())
	for _, tt := range []struct {
		name string
		opts report.CSV
		sep  rune
		want map[string][3]string // row key → csat_answers, csat, csat_average
	}{
		{"plain", report.CSV{}, ',', map[string][3]string{
			"total acme": {"3", "66", "4.00"}, "total andes": {"1", "0", "2.00"}, "desk ": {"4", "50", "3.50"},
			"focal_point UANA": {"3", "66", "4.00"}, "trend acme 2026-10": {"1", "100", "5.00"}, "priority acme media": {"0", "", ""},
		}},
		{"es-AR", report.CSV{Sep: ';', DecimalComma: true, BOM: true}, ';', map[string][3]string{
			"total acme": {"3", "66", "4,00"}, "desk ": {"4", "50", "3,50"},
		}},
	} {
		var b bytes.Buffer
		if err := tt.opts.Write(&b, r); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		if tt.opts.BOM {
			if !bytes.HasPrefix(data, []byte("\ufeff")) {
				t.Errorf("%s: no byte-order mark", tt.name)
			}
			data = bytes.TrimPrefix(data, []byte("\ufeff"))
		}
		got := map[string][3]string{}
		for _, l := range csvLines(t, data, tt.sep) {
			key := l["row_kind"] + " " + l["client_id"]
			switch l["row_kind"] {
			case "trend":
				key += " " + l["month"]
			case "priority":
				key += " " + l["priority"]
			case "focal_point":
				key = "focal_point " + l["group"]
			}
			got[key] = [3]string{l["csat_answers"], l["csat"], l["csat_average"]}
		}
		for key, want := range tt.want {
			if got[key] != want {
				t.Errorf("%s: %s csat_answers, csat, csat_average = %q, want %q", tt.name, key, got[key], want)
			}
		}
	}
}

func TestCSATInTextAndHTML(t *testing.T) {
	r := report.Build(rated())
	var text, html bytes.Buffer
	if err := report.WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&html, r); err != nil {
		t.Fatal(err)
	}
	line := "Satisfacción (CSAT): 66% (2 de 3 calificaciones con 4 o 5), promedio 4,0 de 5"
	for name, out := range map[string]string{"text": text.String(), "html": html.String()} {
		for _, want := range []string{line, "4 o 5"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s report lacks %q", name, want)
			}
		}
	}
	for _, want := range []string{"<caption>Satisfacción (CSAT) por punto focal</caption>", `<th scope="col">CSAT (4 o 5)</th>`,
		`<tr><th scope="row">Ana Pérez</th><td>3</td><td>66%</td><td>4,0</td></tr>`} {
		if !strings.Contains(bareCells(html.String()), want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if !strings.Contains(text.String(), "Ana Pérez                         3     66%       4,0") {
		t.Errorf("text lacks Ana's satisfaction line:\n%s", text.String())
	}
}
