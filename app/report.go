package app

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

	"supportbot/config"
	"supportbot/report"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// reportFormats are the -format values of `supportbot report`.
var reportFormats = []string{"text", "csv", "html"}

// ReportFormat is how `supportbot report` prints: text, csv or html, and
// for csv how a spreadsheet wants it (the CSV fields mean nothing to the
// other formats).
type ReportFormat struct {
	Format        string
	Sep, Locale   string
	BOM, Breaches bool
}

// Writer picks the report's writer.
func (f ReportFormat) Writer() (func(io.Writer, report.Report) error, error) {
	format := f.Format
	if format != "csv" {
		if f.Sep != "" || f.Locale != "" || f.BOM || f.Breaches {
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
	if f.Locale != "" {
		var ok bool
		if opts, ok = report.CSVForLocale(f.Locale); !ok {
			return nil, fmt.Errorf("unknown -locale %q (want es-AR, es-CL or en)", f.Locale)
		}
	}
	switch f.Sep {
	case "":
	case ",", ";", "|":
		opts.Sep = rune(f.Sep[0])
	case "tab", `\t`, "\t":
		opts.Sep = '\t'
	default:
		return nil, fmt.Errorf("bad -csv-sep %q (want , ; | or tab)", f.Sep)
	}
	opts.BOM = f.BOM
	if f.Breaches {
		return opts.WriteBreaches, nil
	}
	return opts.Write, nil
}

// ReportRequest is what `supportbot report` asks for.
type ReportRequest struct {
	// Month is the month reported; zero means the one before Now's.
	Month report.Month
	// ClientID, when set, is the one client the report is about; else it
	// covers every configured client.
	ClientID string
	// SlackURL is the address thread links start with.
	SlackURL string
	Now      time.Time
	// Language is what the report is written in; empty: desk.language.
	Language wording.Language
}

// MonthlyReport reads the store at store.path and builds the month's report.
func MonthlyReport(ctx context.Context, cfg *config.Config, req ReportRequest) (report.Report, error) {
	clients := cfg.TicketingClients()
	if req.ClientID != "" {
		i := slices.IndexFunc(clients, func(c ticketing.Client) bool { return c.ID == req.ClientID })
		if i < 0 {
			ids := make([]string, len(clients))
			for i, c := range clients {
				ids[i] = c.ID
			}
			return report.Report{}, &ConfigError{Err: fmt.Errorf("report: unknown client %q (configured: %s)", req.ClientID, strings.Join(ids, ", "))}
		}
		clients = clients[i : i+1]
	}
	// A report only reads: a missing store file is a wrong path, not a
	// store to create. Config is not synced into the store either (unlike
	// run): the report takes clients and calendars from the config as it is.
	if _, err := os.Stat(cfg.Store.Path); cfg.Store.Driver != config.StorePostgres && errors.Is(err, fs.ErrNotExist) {
		return report.Report{}, fmt.Errorf("report: no store at %s (store.path): nothing to report", cfg.Store.Path)
	}
	db, err := openConfigured(ctx, cfg)
	if err != nil {
		return report.Report{}, err
	}
	defer db.Close()
	if req.Month == (report.Month{}) {
		req.Month = report.MonthOf(req.Now.UTC().AddDate(0, 0, -req.Now.UTC().Day()))
	}
	lang := req.Language
	if lang == "" {
		lang = cfg.Desk.Lang()
	}
	return loadScopedReport(ctx, db, reportScope{
		clients: clients, names: staffNames(cfg.TicketingStaff()), slackURL: req.SlackURL, zone: cfg.DeskZone(),
		resolution: cfg.SLA.ResolutionTargetMap(), lang: lang,
	}, engineOf(cfg), req.Month, req.ClientID, req.Now)
}

// reportScope is who a report covers and how it names and links them.
type reportScope struct {
	clients  []ticketing.Client
	names    map[string]string
	slackURL string
	zone     *time.Location
	// resolution are the resolution targets that flag slow resolutions.
	resolution map[ticketing.Priority]time.Duration
	// lang is the reader's language.
	lang wording.Language
}

// loadScopedReport reads the month's rows and builds the report for the
// scope's clients (of one client when clientID is set), with people's
// names, the Slack address for links and the reader's zone; it loads the
// trend's earlier months too.
func loadScopedReport(ctx context.Context, db *store.DB, scope reportScope, hours report.Hours, month report.Month, clientID string, now time.Time) (report.Report, error) {
	from, to := month.TrendWindow()
	rows, err := db.ReportRows(ctx, from, to, clientID, report.AuditActions...)
	if err != nil {
		return report.Report{}, fmt.Errorf("report: %w", err)
	}
	return report.Build(report.Input{
		Month: month, Clients: scope.clients, Tickets: rows.Tickets, FirstBotReply: rows.FirstBotReply, Ratings: rows.Ratings,
		Audit: rows.Audit, Hours: hours, Now: now, Names: scope.names, SlackURL: scope.slackURL, Zone: scope.zone,
		NextResponses: rows.NextResponses, ResolutionTargets: scope.resolution, Language: scope.lang,
	}), nil
}

// Report is the month's report of every configured client as the running
// bot sees it; the demo prints it.
func (a *App) Report(ctx context.Context, month report.Month) (report.Report, error) {
	return loadScopedReport(ctx, a.db, reportScope{clients: a.cfg.TicketingClients(), resolution: a.cfg.SLA.ResolutionTargetMap(),
		zone: a.cfg.DeskZone(), lang: a.cfg.Desk.Lang()}, a.engine, month, "", a.clock.Now())
}

// staffNames are the configured staff's names by Slack user id.
func staffNames(staff []ticketing.Staff) map[string]string {
	names := make(map[string]string, len(staff))
	for _, s := range staff {
		names[s.ID] = s.Name
	}
	return names
}

// monthlyReport serves `/soporte reporte`: one client's summary for a month
// ("" is the client's current month) in lang.
func (a *App) monthlyReport(ctx context.Context, clientID, monthArg string, lang wording.Language) (string, error) {
	now := a.clock.Now()
	clients := a.live.clients() // a reload's, with the clients it dropped
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
	cfg := a.live.cfg.Load()
	scope := reportScope{clients: clients, resolution: cfg.SLA.ResolutionTargetMap(), zone: cfg.DeskZone(), lang: lang}
	r, err := loadScopedReport(ctx, a.db, scope, a.engine, month, clientID, now)
	if err != nil {
		return "", err
	}
	text, _ := report.Summary(r, clientID)
	return text, nil
}

// CheckReportFlags checks `supportbot report`'s output flags before any
// file is read; each problem is a usage error (a ConfigError, exit 2).
func CheckReportFlags(f ReportFormat, month, slackURL string) (func(io.Writer, report.Report) error, report.Month, error) {
	write, err := f.Writer()
	if err != nil {
		return nil, report.Month{}, &ConfigError{Err: fmt.Errorf("report: %w", err)}
	}
	if err := report.CheckSlackURL(slackURL); err != nil {
		return nil, report.Month{}, &ConfigError{Err: fmt.Errorf("report: -slack-url %q: %w", slackURL, err)}
	}
	var m report.Month
	if month != "" {
		if m, err = report.ParseMonth(month); err != nil {
			return nil, report.Month{}, &ConfigError{Err: fmt.Errorf("report: -month: %w", err)}
		}
	}
	return write, m, nil
}

// ParseReportLang reads `supportbot report -lang`; empty is desk.language.
func ParseReportLang(s string) (wording.Language, error) {
	if s == "" {
		return "", nil
	}
	l, err := wording.ParseLanguage(s)
	if err != nil {
		return "", &ConfigError{Err: fmt.Errorf("report: -lang: %w", err)}
	}
	return l, nil
}

// WriteMonthlyReport builds the report req asks for and writes it to out.
func WriteMonthlyReport(ctx context.Context, cfg *config.Config, req ReportRequest, write func(io.Writer, report.Report) error, out io.Writer) error {
	r, err := MonthlyReport(ctx, cfg, req)
	if err != nil {
		return err
	}
	if err := write(out, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// engineOf is the deadline engine of a configuration: its response
// targets and its next-response policy.
func engineOf(cfg *config.Config) *schedules.Engine {
	off, next := cfg.SLA.NextResponsePolicy()
	return schedules.NewEngine(cfg.SLA.TargetMap()).WithNextResponse(schedules.NextResponsePolicy{Off: off, Targets: next})
}
