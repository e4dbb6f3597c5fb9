package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/report"
)

// runReport prints the monthly SLA report (issue #8) from the store.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fset, path := m.flagSet("report")
	monthFlag := fset.String("month", "", "month to report, YYYY-MM (default: the previous month)")
	clientFlag := fset.String("client", "", "report only this client id (default: every configured client)")
	format := fset.String("format", "text", "text (fits a terminal), csv or html (one self-contained page)")
	var csvFlags app.ReportFormat
	fset.StringVar(&csvFlags.Sep, "csv-sep", "", "CSV field separator: , ; | or tab (default: the -locale's, else ,)")
	fset.StringVar(&csvFlags.Locale, "locale", "", "CSV for a spreadsheet's locale: es-AR and es-CL mean ; and decimal comma, en means , and dot")
	fset.BoolVar(&csvFlags.BOM, "bom", false, "start the CSV with a UTF-8 byte-order mark, so Excel reads accents right")
	fset.BoolVar(&csvFlags.Breaches, "breaches", false, "with -format csv: one line per breached ticket instead of the figures")
	slackURL := fset.String("slack-url", report.DefaultSlackURL, "address thread links start with, such as https://acme.slack.com")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), app.ReportUsage)
		fset.PrintDefaults()
	}
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	csvFlags.Format = *format
	write, month, err := app.CheckReportFlags(csvFlags, *slackURL, *monthFlag)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	r, err := app.MonthlyReport(ctx, cfg, app.ReportRequest{Month: month, ClientID: *clientFlag, SlackURL: *slackURL, Now: m.Clock.Now()})
	if err != nil {
		return err
	}
	if err := write(m.Stdout, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
