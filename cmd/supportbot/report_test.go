package main

import (
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
)

// seedReportStore writes a November 2026 into the store the config names:
// an acme ticket answered in time over a weekend, and an andes ticket never
// answered plus a critical incident sent to the Service Desk.
func seedReportStore(t *testing.T, configPath string) {
	t.Helper()
	ctx := context.Background()
	cfg, err := config.Load(configPath, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ar, _ := time.LoadLocation("America/Argentina/Buenos_Aires")
	scl, _ := time.LoadLocation("America/Santiago")
	// Friday 18:00 to Monday 09:00: two commercial hours, within alta's 4.
	acme := &ticketing.Ticket{ClientID: "acme", Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Status: ticketing.StatusEnCurso,
		Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C0ACME"}, OpenedBy: "UCLIENT", Subject: "no levanta el discador",
		ReceivedAt: time.Date(2026, 11, 6, 18, 0, 0, 0, ar), FirstResponseAt: time.Date(2026, 11, 9, 9, 0, 0, 0, ar), FirstResponder: "U0AGENT01",
		DueAt: time.Date(2026, 11, 9, 11, 0, 0, 0, ar)}
	acme.ClockStart = acme.ReceivedAt
	andes := &ticketing.Ticket{ClientID: "andes", Kind: ticketing.KindIncidente, Priority: ticketing.PriorityMedia, Status: ticketing.StatusNuevo,
		Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C0ANDES", Thread: "1763470800.000200"}, OpenedBy: "UCLIENT2", Subject: "consulta por reportes",
		ReceivedAt: time.Date(2026, 11, 18, 10, 0, 0, 0, scl), DueAt: time.Date(2026, 11, 19, 10, 0, 0, 0, scl)}
	andes.ClockStart = andes.ReceivedAt
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncClients(ctx, cfg.TicketingClients(), acme.ReceivedAt); err != nil {
			return err
		}
		for _, s := range []struct {
			t     *ticketing.Ticket
			after time.Duration
		}{{acme, 10 * time.Second}, {andes, time.Minute}} {
			if err := tx.CreateTicket(ctx, s.t); err != nil {
				return err
			}
			it := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: s.t.Desk.Address}, Mode: ticketing.ModePost, Text: "Ticket abierto", TicketID: s.t.ID, CreatedAt: s.t.ReceivedAt}
			if err := tx.Enqueue(ctx, it); err != nil {
				return err
			}
			if err := tx.MarkSent(ctx, it.ID, s.t.ReceivedAt.Add(s.after), "1.2"); err != nil {
				return err
			}
		}
		// ACME's client rated the help 4 when the ticket closed.
		rated := acme.FirstResponseAt.Add(time.Hour)
		if err := tx.AskCSAT(ctx, &ticketing.CSAT{TicketID: acme.ID, ClientID: "acme", Where: acme.Desk, AskedAt: rated}); err != nil {
			return err
		}
		if _, err := tx.RateCSAT(ctx, acme.ID, 4, "UCLIENT", rated, time.Time{}); err != nil {
			return err
		}
		return tx.Audit(ctx, ticketing.AuditEntry{At: andes.ReceivedAt.Add(time.Hour), Actor: "UCLIENT2", ClientID: "andes", Action: "critical_refused"})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReportCSV(t *testing.T) {
	path := writeConfig(t)
	seedReportStore(t, path)
	m, out, _ := testMain()
	if err := m.runReport(context.Background(), []string{"-month", "2026-11", "-format", "csv", "-config", path}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(out).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	header := records[0]
	totals := map[string]map[string]string{}
	for _, rec := range records[1:] {
		if rec[slices.Index(header, "priority")] != "total" {
			continue
		}
		row := map[string]string{}
		for i, name := range header {
			row[name] = rec[i]
		}
		totals[row["client_id"]] = row
	}
	tests := []struct {
		client, column, want string
	}{
		{"acme", "tickets", "1"},
		{"acme", "within_target", "1"},
		{"acme", "median_attended_hours", "2.00"}, // Friday 18-19 and Monday 08-09
		{"acme", "bot_factor_pct", "100"},
		{"acme", "people_factor_pct", "100"},
		{"andes", "tickets", "1"},
		{"andes", "breaches", "1"},
		{"andes", "critical_refusals", "1"},
		{"andes", "bot_within_40s", "0"},
		{"andes", "bot_tickets", "1"},
		{"andes", "people_factor_pct", "0"},
		{"acme", "csat_answers", "1"},
		{"acme", "csat", "100"},
		{"acme", "csat_average", "4.00"},
		{"andes", "csat_answers", "0"},
		{"andes", "csat", ""},
	}
	for _, tt := range tests {
		if got := totals[tt.client][tt.column]; got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.client, tt.column, got, tt.want)
		}
	}
}

func TestReportFormatsAndClientFilter(t *testing.T) {
	path := writeConfig(t)
	seedReportStore(t, path)
	tests := []struct {
		args     []string
		want     []string
		wantNot  []string
		svgCount int
	}{
		{args: []string{"-month", "2026-11"}, want: []string{"Informe de SLA · noviembre 2026", "ACME Cobranzas (acme)", "Andes Contact Center (andes)",
			// Staff names from the config, thread links to Slack by default.
			"Lucía Fernández              1       1 100%   2h00m       0     0     0      1",
			"  #2 MEDIA · Incidente · Slack · «consulta por reportes»", "     focal: Matías Rojas",
			"     https://slack.com/archives/C0ANDES/p1763470800000200"}},
		{args: []string{"-month", "2026-11", "-client", "andes"}, want: []string{"Andes Contact Center (andes)", "Bot: 0 de 1 en 40 s"}, wantNot: []string{"ACME"}},
		{args: []string{"-month", "2026-11", "-format", "html", "-slack-url", "https://acme.slack.com/"}, want: []string{"<!DOCTYPE html>", "ACME Cobranzas",
			`data-ticket="2">#2</th>`, `href="https://acme.slack.com/archives/C0ANDES/p1763470800000200"`}, svgCount: 3},
		{args: []string{"-month", "2026-11", "-format", "html", "-client", "acme"}, want: []string{"ACME Cobranzas"}, wantNot: []string{"Andes"}, svgCount: 2},
		// The default month is the previous one: the clock says 24 November.
		{args: nil, want: []string{"octubre 2026", "Bot: 0 de 0"}},
	}
	for _, tt := range tests {
		m, out, _ := testMain()
		if err := m.runReport(context.Background(), append(tt.args, "-config", path)); err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
		for _, w := range tt.wantNot {
			if strings.Contains(out.String(), w) {
				t.Errorf("%v: output has %q", tt.args, w)
			}
		}
		if got := strings.Count(out.String(), "<svg"); got != tt.svgCount {
			t.Errorf("%v: %d charts, want %d", tt.args, got, tt.svgCount)
		}
	}
}

func TestReportCSVForSpreadsheets(t *testing.T) {
	path := writeConfig(t)
	seedReportStore(t, path)
	tests := []struct {
		args          []string
		bom           bool
		sep           rune
		median        string // acme's total
		csatAvg       string // acme's total
		wantKinds     []string
		wantBreachURL string
	}{
		{args: []string{"-locale", "es-AR", "-bom"}, bom: true, sep: ';', median: "2,00", csatAvg: "4,00"},
		{args: []string{"-csv-sep", ";"}, sep: ';', median: "2.00", csatAvg: "4.00"},
		{args: []string{"-csv-sep", "tab", "-locale", "es-CL"}, sep: '\t', median: "2,00", csatAvg: "4,00"},
		{args: []string{"-breaches", "-bom"}, bom: true, sep: ',', wantBreachURL: "https://slack.com/archives/C0ANDES/p1763470800000200"},
	}
	for _, tt := range tests {
		m, out, _ := testMain()
		args := append([]string{"-month", "2026-11", "-format", "csv", "-config", path}, tt.args...)
		if err := m.runReport(context.Background(), args); err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		data := out.String()
		if strings.HasPrefix(data, "\ufeff") != tt.bom {
			t.Errorf("%v: byte-order mark %v, want %v", tt.args, !tt.bom, tt.bom)
		}
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff")))
		cr.Comma = tt.sep
		records, err := cr.ReadAll()
		if err != nil || len(records) < 2 {
			t.Errorf("%v: not CSV with %q: %v\n%s", tt.args, tt.sep, err, data)
			continue
		}
		col := func(rec []string, name string) string {
			if i := slices.Index(records[0], name); i >= 0 {
				return rec[i]
			}
			t.Fatalf("%v: no column %q in %v", tt.args, name, records[0])
			return ""
		}
		if tt.wantBreachURL != "" {
			if len(records) != 2 || col(records[1], "ticket") != "2" || col(records[1], "thread_url") != tt.wantBreachURL ||
				col(records[1], "focal_point_name") != "Matías Rojas" || col(records[1], "first_response") != "" {
				t.Errorf("%v: breaches = %v", tt.args, records)
			}
			continue
		}
		for _, rec := range records[1:] {
			if col(rec, "row_kind") == "total" && col(rec, "client_id") == "acme" && col(rec, "median_attended_hours") != tt.median {
				t.Errorf("%v: acme median = %q, want %q", tt.args, col(rec, "median_attended_hours"), tt.median)
			}
			if col(rec, "row_kind") == "total" && col(rec, "client_id") == "acme" && col(rec, "csat_average") != tt.csatAvg {
				t.Errorf("%v: acme csat_average = %q, want %q", tt.args, col(rec, "csat_average"), tt.csatAvg)
			}
		}
	}
}

func TestReportBadInput(t *testing.T) {
	path := writeConfig(t)
	seedReportStore(t, path)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"bad month", []string{"-month", "2026-13"}, 2, `bad month "2026-13"`},
		{"month in words", []string{"-month", "noviembre"}, 2, "want YYYY-MM"},
		{"bad format", []string{"-format", "pdf"}, 2, `unknown -format "pdf"`},
		{"unknown client", []string{"-client", "zeta"}, 2, `unknown client "zeta" (configured: acme, andes)`},
		{"unknown flag", []string{"-mes", "2026-11"}, 2, "flag provided but not defined"},
		{"stray argument", []string{"2026-11"}, 2, `unexpected argument "2026-11"`},
		{"bom on text", []string{"-bom"}, 2, "apply to -format csv only"},
		{"breaches on html", []string{"-format", "html", "-breaches"}, 2, "apply to -format csv only"},
		{"bad separator", []string{"-format", "csv", "-csv-sep", "x"}, 2, `bad -csv-sep "x"`},
		{"unknown locale", []string{"-format", "csv", "-locale", "fr-FR"}, 2, `unknown -locale "fr-FR"`},
		{"link base not a web address", []string{"-slack-url", "javascript:alert(1)"}, 2, `-slack-url "javascript:alert(1)"`},
	}
	for _, tt := range tests {
		m, out, _ := testMain()
		err := m.runReport(context.Background(), append(tt.args, "-config", path))
		if got := exitCode(err); got != tt.wantCode {
			t.Errorf("%s: exit %d (%v), want %d", tt.name, got, err, tt.wantCode)
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: error %v, want it to mention %q", tt.name, err, tt.wantErr)
		}
		if out.Len() != 0 {
			t.Errorf("%s: wrote a report anyway:\n%s", tt.name, out)
		}
	}
}

func TestReportWithoutStoreFile(t *testing.T) {
	path := writeConfig(t)
	m, out, _ := testMain()
	err := m.runReport(context.Background(), []string{"-month", "2026-11", "-config", path})
	if got := exitCode(err); got != 1 {
		t.Errorf("exit %d (%v), want 1", got, err)
	}
	if err == nil || !strings.Contains(err.Error(), "no store at") {
		t.Errorf("error %v, want it to name the missing store", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote a report without a store:\n%s", out)
	}
}

func TestReportHelp(t *testing.T) {
	m, out, errb := testMain()
	if err := m.Run(context.Background(), []string{"report", "-h"}); err != nil {
		t.Fatalf("help: %v", err)
	}
	if errb.Len() != 0 || !strings.Contains(out.String(), "usage: supportbot report") {
		t.Errorf("help: stdout %q, stderr %q", out, errb)
	}
}
