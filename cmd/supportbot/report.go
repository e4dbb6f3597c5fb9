package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"supportbot/report"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
)

// reportWriters are the -format values of `supportbot report`.
var reportWriters = map[string]func(io.Writer, report.Report) error{
	"text": report.WriteText,
	"csv":  report.WriteCSV,
	"html": report.WriteHTML,
}

// runReport prints the monthly SLA report (issue #8) from the store.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fset, path := m.flagSet("report")
	monthFlag := fset.String("month", "", "month to report, YYYY-MM (default: the previous month)")
	clientFlag := fset.String("client", "", "report only this client id (default: every configured client)")
	format := fset.String("format", "text", "text (fits a terminal), csv or html (one self-contained page)")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), `usage: supportbot report [-month YYYY-MM] [-client ID] [-format text|csv|html] [-config PATH]

Per client and priority: tickets, first responses within target, median and
p90 first-response time in attended hours, breaches, critical incidents sent
to the Service Desk and auto-closed tickets; and the seed's 80-40 service
factor for the bot (first answer within 40 s) and for people (first response
within target). Each client's month runs in the client's own time zone.

`)
		fset.PrintDefaults()
	}
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	write, ok := reportWriters[*format]
	if !ok {
		return &ExitError{Code: 2, Err: fmt.Errorf("report: unknown -format %q (want text, csv or html)", *format)}
	}
	now := m.Clock.Now()
	month := report.MonthOf(now.UTC().AddDate(0, 0, -now.UTC().Day()))
	if *monthFlag != "" {
		var err error
		if month, err = report.ParseMonth(*monthFlag); err != nil {
			return &ExitError{Code: 2, Err: fmt.Errorf("report: -month: %w", err)}
		}
	}

	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	clients := cfg.TicketingClients()
	if *clientFlag != "" {
		i := slices.IndexFunc(clients, func(c ticketing.Client) bool { return c.ID == *clientFlag })
		if i < 0 {
			return &ExitError{Code: 2, Err: fmt.Errorf("report: unknown client %q (configured: %s)", *clientFlag, clientIDs(clients))}
		}
		clients = clients[i : i+1]
	}

	// A report only reads: a missing store file is a wrong path, not a
	// store to create. Config is not synced into the store either (unlike
	// run): the report takes clients and calendars from the config as it is.
	if _, err := os.Stat(cfg.Store.Path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("report: no store at %s (store.path): nothing to report", cfg.Store.Path)
	}
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		return err
	}
	defer db.Close()

	r, err := loadReport(ctx, db, clients, schedules.NewEngine(cfg.SLA.TargetMap()), month, *clientFlag, now)
	if err != nil {
		return err
	}
	if err := write(m.Stdout, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// loadReport reads the month's rows and builds the report for clients (of
// one client when clientID is set). The slash command can call it too.
func loadReport(ctx context.Context, db *store.DB, clients []ticketing.Client, hours report.Hours, month report.Month, clientID string, now time.Time) (report.Report, error) {
	from, to := month.Window()
	rows, err := db.ReportRows(ctx, from, to, clientID, report.AuditActions...)
	if err != nil {
		return report.Report{}, fmt.Errorf("report: %w", err)
	}
	return report.Build(report.Input{
		Month: month, Clients: clients, Tickets: rows.Tickets, FirstBotReply: rows.FirstBotReply,
		Audit: rows.Audit, Hours: hours, Now: now,
	}), nil
}

func clientIDs(clients []ticketing.Client) string {
	ids := make([]string, len(clients))
	for i, c := range clients {
		ids[i] = c.ID
	}
	return strings.Join(ids, ", ")
}

// monthlyReport serves `/soporte reporte`: one client's summary for a month
// ("" is the client's current month).
func (a *app) monthlyReport(ctx context.Context, clientID, monthArg string) (string, error) {
	now := a.clock.Now()
	clients := a.cfg.TicketingClients()
	var client *ticketing.Client
	for i := range clients {
		if clients[i].ID == clientID {
			client = &clients[i]
		}
	}
	if client == nil {
		return "", fmt.Errorf("report: unknown client %q", clientID)
	}
	month := report.MonthOf(now.In(client.Location))
	if monthArg != "" {
		var err error
		if month, err = report.ParseMonth(monthArg); err != nil {
			return "", fmt.Errorf("report: %w", err)
		}
	}
	r, err := loadReport(ctx, a.db, clients, a.engine, month, clientID, now)
	if err != nil {
		return "", err
	}
	text, _ := report.Summary(r, clientID)
	return text, nil
}
