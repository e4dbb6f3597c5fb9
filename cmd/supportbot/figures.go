package main

import (
	"context"

	"supportbot/app"
	"supportbot/report"
)

// Subcommands that compute figures: deadlines and the monthly report.

// runSLA answers deadline questions read on stdin (see app.SLA); the exit
// status is 1 if any line failed.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	fs, path := m.flagSet("sla", app.SLAUsage)
	fs.Lookup("config").Usage = "configuration file whose sla.targets and sla.default_priority to use (default: the built-in targets; config.yaml is not read)"
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := m.optionalConfig(*path)
	if err != nil {
		return err
	}
	cases, failed, err := app.SLA(ctx, cfg, m.Stdin, m.Stdout)
	return linesFailed("sla", "cases", failed, cases, err)
}

// runReport prints the monthly SLA report (issue #8) from the store.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fset, path := m.flagSet("report", app.ReportUsage)
	monthFlag := fset.String("month", "", "month to report, YYYY-MM (default: the previous month)")
	clientFlag := fset.String("client", "", "report only this client id (default: every configured client)")
	format := fset.String("format", "text", "text (fits a terminal), csv or html (one self-contained page)")
	var csvFlags app.ReportFormat
	fset.StringVar(&csvFlags.Sep, "csv-sep", "", "CSV field separator: , ; | or tab (default: the -locale's, else ,)")
	fset.StringVar(&csvFlags.Locale, "locale", "", "CSV for a spreadsheet's locale: es-AR and es-CL mean ; and decimal comma, en means , and dot")
	fset.BoolVar(&csvFlags.BOM, "bom", false, "start the CSV with a UTF-8 byte-order mark, so Excel reads accents right")
	fset.BoolVar(&csvFlags.Breaches, "breaches", false, "with -format csv: one line per breached ticket instead of the figures")
	slackURL := fset.String("slack-url", report.DefaultSlackURL, "address thread links start with, such as https://acme.slack.com")
	langFlag := fset.String("lang", "", "language of the report: es-AR, es-CL or en (default: desk.language)")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	csvFlags.Format = *format
	write, month, err := app.CheckReportFlags(csvFlags, *monthFlag, *slackURL)
	if err != nil {
		return err
	}
	lang, err := app.ParseReportLang(*langFlag)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	return app.WriteMonthlyReport(ctx, cfg, app.ReportRequest{Month: month, ClientID: *clientFlag, SlackURL: *slackURL, Now: m.Clock.Now(), Language: lang}, write, m.Stdout)
}
