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
		Source: ticketing.SourceSlack, SlackChannel: "C0ACME", OpenedBy: "UCLIENT", Subject: "no levanta el discador",
		ReceivedAt: time.Date(2026, 11, 6, 18, 0, 0, 0, ar), FirstResponseAt: time.Date(2026, 11, 9, 9, 0, 0, 0, ar),
		DueAt: time.Date(2026, 11, 9, 11, 0, 0, 0, ar)}
	acme.ClockStart = acme.ReceivedAt
	andes := &ticketing.Ticket{ClientID: "andes", Kind: ticketing.KindIncidente, Priority: ticketing.PriorityMedia, Status: ticketing.StatusNuevo,
		Source: ticketing.SourceSlack, SlackChannel: "C0ANDES", OpenedBy: "UCLIENT2", Subject: "consulta por reportes",
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
			it := &ticketing.OutboxItem{Delivery: ticketing.DeliverSlackPost, Target: s.t.SlackChannel, Text: "Ticket abierto", TicketID: s.t.ID, CreatedAt: s.t.ReceivedAt}
			if err := tx.Enqueue(ctx, it); err != nil {
				return err
			}
			if err := tx.MarkSent(ctx, it.ID, s.t.ReceivedAt.Add(s.after), "1.2"); err != nil {
				return err
			}
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
		{args: []string{"-month", "2026-11"}, want: []string{"Informe de SLA · noviembre 2026", "ACME Cobranzas (acme)", "Andes Contact Center (andes)"}},
		{args: []string{"-month", "2026-11", "-client", "andes"}, want: []string{"Andes Contact Center (andes)", "Bot: 0 de 1 en 40 s"}, wantNot: []string{"ACME"}},
		{args: []string{"-month", "2026-11", "-format", "html"}, want: []string{"<!DOCTYPE html>", "ACME Cobranzas"}, svgCount: 2},
		{args: []string{"-month", "2026-11", "-format", "html", "-client", "acme"}, want: []string{"ACME Cobranzas"}, wantNot: []string{"Andes"}, svgCount: 1},
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
	if out.Len() != 0 || !strings.Contains(errb.String(), "usage: supportbot report") {
		t.Errorf("help: stdout %q, stderr %q", out, errb)
	}
}
