package bot_test

import (
	"context"
	"strings"
	"testing"

	"supportbot/bot"
	"supportbot/ticketing/wording"
)

func TestReportCommand(t *testing.T) {
	var asked []string
	h := newHarnessWith(t, func(c *bot.Config) {
		c.Report = func(_ context.Context, clientID, month string, lang wording.Language) (string, error) {
			asked = append(asked, clientID+"/"+month+"/"+string(lang))
			return "*Informe de SLA · " + clientID + "*", nil
		}
	})
	tests := []struct {
		channel, user, text string
		wantReply           string
		wantAsked           string
	}{
		{"CDESK", "UFOCAL", "reporte acme 2026-11", "Publiqué el informe de ACME", "acme/2026-11/"}, // desk.language unset: the catalog reads es-AR
		{"CDESK", "UFOCAL", "reporte acme", "Publiqué el informe de ACME", "acme//"},
		{"CDESK", "UFOCAL", "reporte acme 2026-11 en", "Publiqué el informe de ACME", "acme/2026-11/en"},
		{"CDESK", "UFOCAL", "reporte acme es-CL", "Publiqué el informe de ACME", "acme//es-CL"},
		{"CDESK", "UFOCAL", "reporte acme noviembre", "no es un mes", ""},
		{"CDESK", "UFOCAL", "reporte acme 2026-11 2026-10", "no es un mes", ""},
		{"CDESK", "UFOCAL", "reporte nadie", "No conocemos el cliente", ""},
		{"CBETA", "UFOCAL", "reporte acme", "No conocemos el cliente", ""}, // another client's channel
		{"CACME", "UCLIENT", "reporte acme", "", ""},                       // clients have no reports verb
	}
	for _, tt := range tests {
		asked = nil
		r := h.handle(command(tt.channel, tt.user, tt.text))
		if tt.wantReply != "" && !strings.Contains(r.Text, tt.wantReply) {
			t.Errorf("%s in %s: reply %q, want %q", tt.text, tt.channel, r.Text, tt.wantReply)
		}
		if got := strings.Join(asked, ","); got != tt.wantAsked {
			t.Errorf("%s in %s: report asked for %q, want %q", tt.text, tt.channel, got, tt.wantAsked)
		}
	}
	slack, _ := h.flush()
	var posted int
	for _, it := range slack {
		if it.To.Address == "CDESK" && it.Route() == slackPost && strings.Contains(it.Text, "Informe de SLA · acme") {
			posted++
		}
	}
	if posted != 4 {
		t.Errorf("reports posted in the desk channel = %d, want 4:\n%s", posted, texts(slack))
	}
}
