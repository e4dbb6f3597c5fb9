package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"supportbot/report"
)

func TestTextFitsTerminal(t *testing.T) {
	in := seeded()
	in.Clients[1].Name = strings.Repeat("Nombre Muy Largo ", 8)
	var b bytes.Buffer
	if err := report.WriteText(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("line %d has %d columns: %q", i+1, n, line)
		}
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 10 {
			rows[f[0]] = append(rows[f[0]], strings.Join(f[1:], " "))
		}
	}
	tests := []struct {
		label string
		want  string // acme's row
	}{
		{"CRÍTICA", "1 1 100% 0h15m 0h15m 0 0 1 0"},
		{"ALTA", "3 2 66% 1h00m 3h00m 1 0 0 0"},
		{"MEDIA", "3 0 0% — — 1 1 0 0"},
		{"BAJA", "1 1 100% 0h30m 0h30m 0 0 0 1"},
		{"Total", "8 4 66% 0h30m 3h00m 2 1 1 1"},
	}
	for _, tt := range tests {
		if got := rows[tt.label]; len(got) == 0 || got[0] != tt.want {
			t.Errorf("%s row = %q, want %q", tt.label, got, tt.want)
		}
	}
	for _, want := range []string{
		"Informe de SLA · noviembre 2026",
		"Prioridad Tickets En obj.     % Mediana     P90 Incump. Pend. Críticos Autoc.",
		"ACME Cobranzas (acme) · America/Argentina/Buenos_Aires",
		"Bot: 5 de 7 en 40 s → 71-40 (meta 80-40) no cumple",
		"Personas: 4 de 6 en objetivo → 66% (meta 80%) no cumple",
		"Bot: 1 de 1 en 40 s → 100-40 (meta 80-40) cumple",
		"1 tickets de clientes que ya no están",
		"Nombre Muy Largo Nombre",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestCSVParses(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteCSV(&b, report.Build(seeded())); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v", err)
	}
	// Header, then four priorities and a total for each of two clients.
	if len(records) != 1+2*5 {
		t.Fatalf("%d records, want 11", len(records))
	}
	header := records[0]
	col := func(rec []string, name string) string {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %q in %v", name, header)
		}
		return rec[i]
	}
	tests := []struct {
		record int
		column string
		want   string
	}{
		{1, "client_id", "acme"},
		{1, "priority", "critica"},
		{1, "critical_refusals", "1"},
		{2, "priority", "alta"},
		{2, "within_target", "2"},
		{2, "within_target_pct", "66"},
		{2, "median_attended_hours", "1.00"},
		{2, "p90_attended_hours", "3.00"},
		{2, "bot_factor_pct", ""},
		{3, "median_attended_hours", ""},
		{3, "pending", "1"},
		{4, "auto_closed", "1"},
		{5, "priority", "total"},
		{5, "month", "2026-11"},
		{5, "tickets", "8"},
		{5, "median_attended_hours", "0.50"},
		{5, "bot_within_40s", "5"},
		{5, "bot_tickets", "7"},
		{5, "bot_factor_pct", "71"},
		{5, "people_within_target", "4"},
		{5, "people_tickets", "6"},
		{5, "people_factor_pct", "66"},
		{10, "client_name", "Andes Contact Center"},
		{10, "people_factor_pct", "100"},
	}
	for _, tt := range tests {
		if got := col(records[tt.record], tt.column); got != tt.want {
			t.Errorf("record %d %s = %q, want %q", tt.record, tt.column, got, tt.want)
		}
	}
}

func TestHTMLSelfContainedWithOneChartPerClient(t *testing.T) {
	in := seeded()
	in.Clients[0].Name = `ACME <script>alert(1)</script>`
	var b bytes.Buffer
	if err := report.WriteHTML(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if got := strings.Count(page, "<svg"); got != len(in.Clients) {
		t.Errorf("%d <svg elements, want %d", got, len(in.Clients))
	}
	if strings.Contains(page, "<script") {
		t.Error("client name reached the page unescaped")
	}
	for _, external := range []string{"<link", "src=", "url(", "@import", "https://"} {
		if strings.Contains(page, external) {
			t.Errorf("page refers to an external asset: %q", external)
		}
	}
	if n := strings.Count(page, "http://"); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("page has http:// other than the SVG namespace")
	}

	// Each chart must be well-formed XML, and acme's alta bar must stack its
	// met and breached tickets to the tallest bar's height.
	charts := svgs(t, page)
	var altaHeights []int
	for _, r := range charts[0].Groups[1].Rects {
		altaHeights = append(altaHeights, r.Height)
	}
	if len(altaHeights) != 2 || altaHeights[0]+altaHeights[1] != 140 {
		t.Errorf("acme alta bar segments = %v, want two summing to the full 140", altaHeights)
	}
	if got := charts[0].Groups[1].Rects[0].Class; got != "met" {
		t.Errorf("first alta segment class = %q, want met", got)
	}
}

type svgDoc struct {
	Groups []struct {
		Rects []struct {
			Class  string `xml:"class,attr"`
			Height int    `xml:"height,attr"`
		} `xml:"rect"`
	} `xml:"g"`
}

func svgs(t *testing.T, page string) []svgDoc {
	t.Helper()
	var out []svgDoc
	for rest := page; ; {
		start := strings.Index(rest, "<svg")
		if start < 0 {
			return out
		}
		end := strings.Index(rest[start:], "</svg>")
		if end < 0 {
			t.Fatal("unterminated <svg>")
		}
		var doc svgDoc
		if err := xml.Unmarshal([]byte(rest[start:start+end+len("</svg>")]), &doc); err != nil {
			t.Fatalf("svg is not well-formed: %v", err)
		}
		out = append(out, doc)
		rest = rest[start+end:]
	}
}

func TestSummary(t *testing.T) {
	r := report.Build(seeded())
	got, ok := report.Summary(r, "acme")
	if !ok {
		t.Fatal("no summary for acme")
	}
	want := strings.Join([]string{
		"*Informe de SLA · ACME Cobranzas · noviembre 2026*",
		"8 tickets · 4 de 6 en objetivo (66%) · 2 incumplidos · 1 pendientes",
		"• CRÍTICA: 1 tickets, 1 en objetivo (100%), mediana 0h15m, p90 0h15m",
		"• ALTA: 3 tickets, 2 en objetivo (66%), mediana 1h00m, p90 3h00m",
		"• MEDIA: 3 tickets, 0 en objetivo (0%), mediana —, p90 —",
		"• BAJA: 1 tickets, 1 en objetivo (100%), mediana 0h30m, p90 0h30m",
		"Críticos derivados a la Mesa de Ayuda: 1 · cierres automáticos: 1",
		"Bot: 5 de 7 en 40 s → 71-40 (meta 80-40) no cumple",
		"Personas: 4 de 6 en objetivo → 66% (meta 80%) no cumple",
	}, "\n")
	if got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
	if _, ok := report.Summary(r, "zeta"); ok {
		t.Error("summary for a client not in the report")
	}
	empty := report.Build(report.Input{Month: november, Clients: clients()[:1]})
	if got, _ := report.Summary(empty, "acme"); !strings.HasSuffix(got, "Sin tickets en el mes.") {
		t.Errorf("empty month summary = %q", got)
	}
}

func TestRenderersWithNoClients(t *testing.T) {
	r := report.Build(report.Input{Month: november, Now: reportNow})
	for name, write := range map[string]func(io.Writer, report.Report) error{
		"text": report.WriteText, "csv": report.WriteCSV, "html": report.WriteHTML,
	} {
		var b bytes.Buffer
		if err := write(&b, r); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if b.Len() == 0 {
			t.Errorf("%s wrote nothing", name)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRenderersReportWriteErrors(t *testing.T) {
	r := report.Build(seeded())
	for name, write := range map[string]func(io.Writer, report.Report) error{
		"text": report.WriteText, "csv": report.WriteCSV, "html": report.WriteHTML,
	} {
		if err := write(failingWriter{}, r); err == nil {
			t.Errorf("%s ignored a failing writer", name)
		}
	}
}

func TestMonth(t *testing.T) {
	tests := []struct {
		in      string
		want    report.Month
		wantErr bool
	}{
		{"2026-11", report.Month{Year: 2026, Month: time.November}, false},
		{"2027-01", report.Month{Year: 2027, Month: time.January}, false},
		{"2026-13", report.Month{}, true},
		{"2026-1", report.Month{}, true},
		{"noviembre", report.Month{}, true},
		{"", report.Month{}, true},
	}
	for _, tt := range tests {
		got, err := report.ParseMonth(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	m := report.Month{Year: 2026, Month: time.December}
	if got := m.String(); got != "2026-12" {
		t.Errorf("String = %q", got)
	}
	if got := m.Label(); got != "diciembre 2026" {
		t.Errorf("Label = %q", got)
	}
	from, to := m.Bounds(ar)
	if want := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC); !from.Equal(want) {
		t.Errorf("from = %v, want %v", from, want)
	}
	if want := time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC); !to.Equal(want) {
		t.Errorf("to = %v, want %v", to, want)
	}
	wFrom, wTo := m.Window()
	for _, zone := range []string{"Pacific/Kiritimati", "Etc/GMT+12", "America/Santiago", "Asia/Tokyo"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		f, to := m.Bounds(loc)
		if f.Before(wFrom) || to.After(wTo) {
			t.Errorf("%s month %v–%v outside the window %v–%v", zone, f, to, wFrom, wTo)
		}
	}
}
