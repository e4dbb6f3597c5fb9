package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestReportCommandInEachLanguage types `/soporte reporte` in the desk's
// channel, as Slack posts it, and reads the summary the bot posts there:
// desk.language by default, the language asked for otherwise, with the
// month's one ticket and one pending counted in the singular.
func TestReportCommandInEachLanguage(t *testing.T) {
	f, r := homeFixture(t)
	tests := []struct {
		text string
		want []string
	}{
		{"reporte acme", []string{"*Informe de SLA · ACME Cobranzas · ", "1 ticket · 0 de 0 en objetivo (—) · 0 incumplidos · 1 pendiente\n"}},
		{"reporte acme en", []string{"*SLA report · ACME Cobranzas · ", "1 ticket · 0 of 0 within target (—) · 0 breached · 1 pending\n", "People: 0 of 0 within target"}},
		{"reporte acme es-CL", []string{"*Informe de SLA · ACME Cobranzas · ", "1 pendiente\n"}},
	}
	// The tickets' cards share the channel: counted before the first
	// summary, a card still on its way would be read as the summary.
	f.waitFor("both tickets' cards", func() bool { return len(callsWith(f.Posts(deskChannel), "🗂️ *Ticket #")) >= 2 })
	for _, tt := range tests {
		before := len(f.Posts(deskChannel))
		if code, body := r.command(deskChannel, focalAR, tt.text); code != http.StatusOK || !strings.Contains(body, "ACME") {
			t.Fatalf("%s: status %d, answer %s\n%s", tt.text, code, body, r.logs)
		}
		f.waitFor("the summary of "+tt.text, func() bool { return len(f.Posts(deskChannel)) > before })
		var posted string
		for _, c := range f.Posts(deskChannel)[before:] {
			posted += c.Form.Get("text") + "\n"
		}
		for _, w := range tt.want {
			if !strings.Contains(posted, w) {
				t.Errorf("%s: posted %q, want it to contain %q", tt.text, posted, w)
			}
		}
	}
}
