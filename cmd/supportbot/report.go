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

// reportFormats are the -format values of `supportbot report`.
var reportFormats = []string{"text", "csv", "html"}

// reportCSVFlags are how a spreadsheet wants the CSV; they mean nothing to
// the other formats.
type reportCSVFlags struct {
	sep, locale   string
	bom, breaches bool
}

// writer picks the report's writer from -format and the CSV flags.
func (f reportCSVFlags) writer(format string) (func(io.Writer, report.Report) error, error) {
	if format != "csv" {
		if f.sep != "" || f.locale != "" || f.bom || f.breaches {
			return nil, fmt.Errorf("-csv-sep, -locale, -bom and -breaches apply to -format csv only")
		}
		switch format {
		case "text":
			return report.WriteText, nil
		case "html":
			return report.WriteHTML, nil
		}
		return nil, fmt.Errorf("unknown -format %q (want %s)", format, strings.Join(reportFormats, ", "))
	}
	var opts report.CSV
	if f.locale != "" {
		var ok bool
		if opts, ok = report.CSVForLocale(f.locale); !ok {
			return nil, fmt.Errorf("unknown -locale %q (want es-AR, es-CL or en)", f.locale)
		}
	}
	switch f.sep {
	case "":
	case ",", ";", "|":
		opts.Sep = rune(f.sep[0])
	case "tab", `\t`, "\t":
		opts.Sep = '\t'
	default:
		return nil, fmt.Errorf("bad -csv-sep %q (want , ; | or tab)", f.sep)
	}
	opts.BOM = f.bom
	if f.breaches {
		return opts.WriteBreaches, nil
	}
	return opts.Write, nil
}

// runReport prints the monthly SLA report (issue #8) from the store.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fset, path := m.flagSet("report")
	monthFlag := fset.String("month", "", "month to report, YYYY-MM (default: the previous month)")
	clientFlag := fset.String("client", "", "report only this client id (default: every configured client)")
	format := fset.String("format", "text", "text (fits a terminal), csv or html (one self-contained page)")
	var csvFlags reportCSVFlags
	fset.StringVar(&csvFlags.sep, "csv-sep", "", "CSV field separator: , ; | or tab (default: the -locale's, else ,)")
	fset.StringVar(&csvFlags.locale, "locale", "", "CSV for a spreadsheet's locale: es-AR and es-CL mean ; and decimal comma, en means , and dot")
	fset.BoolVar(&csvFlags.bom, "bom", false, "start the CSV with a UTF-8 byte-order mark, so Excel reads accents right")
	fset.BoolVar(&csvFlags.breaches, "breaches", false, "with -format csv: one line per breached ticket instead of the figures")
	slackURL := fset.String("slack-url", report.DefaultSlackURL, "address thread links start with, such as https://acme.slack.com")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), `usage: supportbot report [-month YYYY-MM] [-client ID] [-format text|csv|html] [-config PATH]
       [-csv-sep SEP] [-locale es-AR|es-CL|en] [-bom] [-breaches] [-slack-url URL]

Per client and priority: tickets, first responses within target, median and
p90 first-response time in attended hours, breaches, pending and closed
without response, critical incidents sent to the Service Desk and
auto-closed tickets; and the seed's 80-40 service factor for the bot (first
answer within 40 s) and for people (first response within target). Then
each breached ticket with a link to its Slack thread, the desk per focal
point, kind and channel, and a six-month trend. Each client's month runs in
the client's own time zone.

`)
		fset.PrintDefaults()
	}
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	write, err := csvFlags.writer(*format)
	if err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("report: %w", err)}
	}
	if err := report.CheckSlackURL(*slackURL); err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("report: -slack-url %q: %w", *slackURL, err)}
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

	r, err := loadScopedReport(ctx, db, reportScope{
		clients: clients, names: staffNames(cfg.TicketingStaff()), slackURL: *slackURL, zone: time.Local,
	}, schedules.NewEngine(cfg.SLA.TargetMap()), month, *clientFlag, now)
	if err != nil {
		return err
	}
	if err := write(m.Stdout, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// reportScope is who a report covers and how it names and links them.
type reportScope struct {
	clients  []ticketing.Client
	names    map[string]string
	slackURL string
	zone     *time.Location
}

// loadReport reads the month's rows and builds the report for clients (of
// one client when clientID is set). The slash command and the demo call it.
func loadReport(ctx context.Context, db *store.DB, clients []ticketing.Client, hours report.Hours, month report.Month, clientID string, now time.Time) (report.Report, error) {
	return loadScopedReport(ctx, db, reportScope{clients: clients}, hours, month, clientID, now)
}

// loadScopedReport is loadReport with people's names, the Slack address
// for links and the reader's zone; it loads the trend's earlier months too.
func loadScopedReport(ctx context.Context, db *store.DB, scope reportScope, hours report.Hours, month report.Month, clientID string, now time.Time) (report.Report, error) {
	from, to := month.TrendWindow()
	rows, err := db.ReportRows(ctx, from, to, clientID, report.AuditActions...)
	if err != nil {
		return report.Report{}, fmt.Errorf("report: %w", err)
	}
	return report.Build(report.Input{
		Month: month, Clients: scope.clients, Tickets: rows.Tickets, FirstBotReply: rows.FirstBotReply,
		Audit: rows.Audit, Hours: hours, Now: now, Names: scope.names, SlackURL: scope.slackURL, Zone: scope.zone,
	}), nil
}

// staffNames are the configured staff's names by Slack user id.
func staffNames(staff []ticketing.Staff) map[string]string {
	names := make(map[string]string, len(staff))
	for _, s := range staff {
		names[s.ID] = s.Name
	}
	return names
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
