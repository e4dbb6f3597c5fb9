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
	csvFlags.Format = *format
	write, err := csvFlags.Writer()
	if err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("report: %w", err)}
	}
	if err := report.CheckSlackURL(*slackURL); err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("report: -slack-url %q: %w", *slackURL, err)}
	}
	var month report.Month
	if *monthFlag != "" {
		if month, err = report.ParseMonth(*monthFlag); err != nil {
			return &ExitError{Code: 2, Err: fmt.Errorf("report: -month: %w", err)}
		}
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
