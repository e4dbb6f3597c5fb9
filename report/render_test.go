package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
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
	// acme's table: the lines between its heading and its service factors.
	rows := map[string]string{}
	section := out[strings.Index(out, "ACME Cobranzas (acme)"):]
	for _, line := range strings.Split(section[:strings.Index(section, "  Bot:")], "\n") {
		if f := strings.Fields(line); len(f) == 11 {
			rows[f[0]] = strings.Join(f[1:], " ")
		}
	}
	tests := []struct {
		label string
		want  string // acme's row
	}{
		{"CRÍTICA", "1 1 100% 0h15m 0h15m 0 0 0 1 0"},
		{"ALTA", "3 2 66% 1h00m 3h00m 1 0 0 0 0"},
		{"MEDIA", "3 0 0% — — 1 1 1 0 0"},
		{"BAJA", "1 1 100% 0h30m 0h30m 0 0 0 0 1"},
		{"Total", "8 4 66% 0h30m 3h00m 2 1 1 1 1"},
	}
	for _, tt := range tests {
		if got := rows[tt.label]; got != tt.want {
			t.Errorf("%s row = %q, want %q", tt.label, got, tt.want)
		}
	}
	for _, want := range []string{
		"Informe de SLA · noviembre 2026\nGenerado 2026-12-01 09:00 hora de Buenos Aires (2026-12-01 12:00 UTC)\n",
		"Prioridad Tickets En obj.    % Mediana     P90 Incump. Pend. Cerr. Deriv. Autoc.",
		"ACME Cobranzas (acme) · hora de Buenos Aires",
		"Bot: 5 de 7 en 40 s → 71-40 (meta 80-40) no cumple",
		"Personas: 4 de 6 en objetivo → 66% (meta 80%) no cumple",
		"Bot: 1 de 1 en 40 s → 100-40 (meta 80-40) cumple",
		"1 ticket de un cliente que ya no está",
		"Nombre Muy Largo Nombre",
		// The desk, its breakdowns and its trend.
		"Toda la mesa · 2 clientes",
		"Total           9       5  71%   0h30m   3h00m       2     1     1      2      1",
		"1 ticket pendiente: sus cifras son provisorias",
		"  Tendencia      jun 26  jul 26  ago 26  sep 26  oct 26  nov 26",
		"  En objetivo         —       —       —       —    100%     71%",
		"  Incumplidos         0       0       0       0       0       2",
		"Por punto focal        Tickets En obj.    % Mediana Incump. Pend. Cerr.  Otros",
		"Ana Pérez                    8       4  66%   0h30m       2     1     1      1",
		"UCARLA                       1       1 100%   0h10m       0     0     0      0",
		"Consulta                     1       1 100%   0h30m       0     0     0\n",
		"WhatsApp                     1       1 100%   1h00m       0     0     0\n",
		// acme's breaches, most urgent first, each with its thread.
		"  Incumplidos (2):",
		"  #2 ALTA · Incidente · Slack · «caso 2»",
		"     abierto 03/11 10:00 · vence 03/11 14:00 · respuesta 03/11 16:00 (+1h00m)",
		"     focal: Ana Pérez · respondió: Beto Gómez",
		"     https://slack.com/archives/CACME/p1700000002000100",
		"  #9 MEDIA · Incidente · Slack · «caso 9»",
		"     abierto 20/11 10:00 · vence 21/11 10:00 · sin respuesta (+119h30m)",
		"  Sin incumplimientos.",
		// How figures are computed.
		"el menor de los dos centrales",
		"Los porcentajes se redondean hacia abajo",
		"Las cifras pendientes son provisorias",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestTextKeepsClientTextInert(t *testing.T) {
	in := seeded()
	in.Tickets[8].Subject = "\x1b[2J\x1b]8;;https://evil.example\x07pulsa\x1b]8;;\x07\r\nfalso"
	var b bytes.Buffer
	if err := report.WriteText(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07\r") {
		t.Errorf("a control character from a subject reached the terminal:\n%q", b.String())
	}
}

func TestCSVParses(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteCSV(&b, report.Build(seeded())); err != nil {
		t.Fatal(err)
	}
	all, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v", err)
	}
	// Header, then four priorities and a total for each of two clients.
	records := rowsOfKind(all, "priority", "total")
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

// rowsOfKind keeps the header and the lines of the given row kinds.
func rowsOfKind(records [][]string, kinds ...string) [][]string {
	out := records[:1:1]
	for _, rec := range records[1:] {
		if slices.Contains(kinds, rec[0]) {
			out = append(out, rec)
		}
	}
	return out
}

func TestHTMLSelfContainedWithOneChartPerClient(t *testing.T) {
	in := seeded()
	in.Clients[0].Name = `ACME <script>alert(1)</script>`
	in.Tickets[1].Subject = `<img src="x" onerror="alert(1)"><a href="https://evil.example">pulsa</a>`
	var b bytes.Buffer
	if err := report.WriteHTML(&b, report.Build(in)); err != nil {
		t.Fatal(err)
	}
	page := bareCells(b.String())
	// One chart per client and the desk's trend.
	if got := strings.Count(page, "<svg"); got != len(in.Clients)+1 {
		t.Errorf("%d <svg elements, want %d", got, len(in.Clients)+1)
	}
	for _, raw := range []string{"<script", "<img", "evil.example\">"} {
		if strings.Contains(page, raw) {
			t.Errorf("client text reached the page as markup: %q", raw)
		}
	}
	if !strings.Contains(page, "&lt;img src=&#34;x&#34;") {
		t.Error("the subject is not on the page as text")
	}
	// Escaped client text holds no "<", so every tag here is the page's own.
	for _, tag := range regexp.MustCompile(`<[a-zA-Z][^>]*>`).FindAllString(page, -1) {
		for _, external := range []string{"<link", " src=", "@import", "<script", "<iframe"} {
			if strings.Contains(tag, external) {
				t.Errorf("page refers to an external asset: %s", tag)
			}
		}
		if m := regexp.MustCompile(`href="([^"]*)"`).FindStringSubmatch(tag); m != nil && !strings.HasPrefix(m[1], "https://slack.com/archives/") {
			t.Errorf("link to something other than a Slack thread: %s", tag)
		}
	}
	if n, local := strings.Count(page, "url("), strings.Count(page, "url(#"); n != local {
		t.Errorf("%d url( references, only %d to the page itself", n, local)
	}
	if n := strings.Count(page, "http://"); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("page has http:// other than the SVG namespace")
	}
	for _, want := range []string{
		`<html lang="es-AR">`, "<title>Informe de SLA · noviembre 2026</title>", "<h1>Informe de SLA · noviembre 2026</h1>",
		"2026-12-01 09:00 hora de Buenos Aires (2026-12-01 12:00 UTC)",
		`<div class="scroll block"`, "overflow-x:auto", "break-inside:avoid", "@media print", "@page{size:A4",
		"<caption>ACME &lt;script&gt;alert(1)&lt;/script&gt;: tickets por prioridad</caption>",
		`<th scope="row">ALTA</th><td>3</td><td>2</td><td>66%</td><td>1h00m</td><td>3h00m</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>`,
		`<th scope="row">MEDIA</th><td>3</td><td>0</td><td>0%</td><td>—</td><td>—</td><td>1</td><td>1</td><td>1</td>`,
		"Cerrados sin respuesta",
		// The breach list: numbers, people, threads.
		`<th scope="row" data-ticket="2">#2</th>`, `<th scope="row" data-ticket="9">#9</th>`,
		`<a href="https://slack.com/archives/CACME/p1700000002000100"`, "Beto Gómez", "<td>119h30m</td>", "sin respuesta",
		"Sin incumplimientos en el mes.",
		// The desk, its breakdowns and trend.
		"<caption>Toda la mesa, noviembre 2026</caption>",
		`<tr class="total"><th scope="row">Total</th><td>9</td><td>5</td><td>71%</td>`,
		"<caption>Por punto focal</caption>", `<th scope="row">Ana Pérez</th><td>8</td><td>4</td><td>66%</td><td>0h30m</td><td>2</td><td>1</td><td>1</td><td>1</td>`,
		"<caption>Por tipo</caption>", `<th scope="row">Consulta</th><td>1</td>`,
		"<caption>Por canal</caption>", `<th scope="row">WhatsApp</th><td>1</td>`,
		`<th scope="row">octubre 2026</th><td>1</td><td>1</td><td>100%</td><td>0</td>`,
		"1 ticket pendiente: sus cifras son provisorias",
		"el menor de los dos centrales", "se redondean hacia abajo",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// Each chart must be well-formed XML. acme's alta bar splits the full
	// height between its 2 met and 1 breached tickets, under a goal line.
	charts := svgs(t, page)
	alta := charts[1].Groups[1].Rects
	if len(alta) != 2 || alta[0].Class != "met seg" || alta[1].Class != "breach seg" || alta[0].Height != 100 || alta[1].Height != 50 {
		t.Errorf("acme alta bar = %+v, want met 100 high under breach 50", alta)
	}
	var ticks []string
	for _, tx := range charts[1].Texts {
		if strings.HasSuffix(tx, " %") {
			ticks = append(ticks, tx)
		}
	}
	for _, want := range []string{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %", "meta 80 %"} {
		if !slices.Contains(ticks, want) {
			t.Errorf("chart lacks the label %q (has %v)", want, ticks)
		}
	}
	var values []string
	for _, g := range charts[1].Groups {
		values = append(values, g.Texts[0])
	}
	if want := []string{"100 %", "66 %", "0 %", "100 %"}; !slices.Equal(values, want) {
		t.Errorf("bar values = %v, want %v", values, want)
	}
}

type svgDoc struct {
	Texts  []string `xml:"text"`
	Groups []struct {
		Rects []struct {
			Class  string `xml:"class,attr"`
			Height int    `xml:"height,attr"`
		} `xml:"rect"`
		Texts []string `xml:"text"`
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
		"8 tickets · 4 de 6 en objetivo (66%) · 2 incumplidos · 1 pendiente",
		"• CRÍTICA: 1 ticket, 1 en objetivo (100%), mediana 0h15m, p90 0h15m",
		"• ALTA: 3 tickets, 2 en objetivo (66%), mediana 1h00m, p90 3h00m",
		"• MEDIA: 3 tickets, 0 en objetivo (0%), mediana —, p90 —",
		"• BAJA: 1 ticket, 1 en objetivo (100%), mediana 0h30m, p90 0h30m",
		"Críticos derivados a la Mesa de Ayuda: 1 · cierres automáticos: 1",
		"Autoservicio (resueltos con un artículo sugerido): 0 de 8 tickets",
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

// bareCells drops the attributes of table cells (their card labels and
// classes), so a test can read a row's figures in one string.
func bareCells(page string) string {
	return regexp.MustCompile(`<td [^>]*>`).ReplaceAllString(page, "<td>")
}
