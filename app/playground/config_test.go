package playground

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A configuration file's clients, staff and languages are played; its
// store, Slack tokens and WhatsApp transport are not, and that is said.
func TestConfigFileClients(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config.yaml")
	err := os.WriteFile(file, []byte(`store:
  driver: postgres
  url: ${PG_URL}
slack:
  mode: socket
  bot_token: ${SLACK_BOT_TOKEN}
  app_token: ${SLACK_APP_TOKEN}
whatsapp:
  enabled: false
  store_path: /var/lib/nothing.db
  mirror_channel: C0MIRROR
service_desk:
  phones: ["+54 11 5555-0000"]
  website: www.example.com
  elearning_url: https://example.com/e
  channel: C0DESK
staff:
  - {id: U0ANA, name: Ana Pérez, role: focal}
  - {id: U0SD, name: Mesa, role: service_desk}
clients:
  - id: globex
    name: Globex
    country: CL
    timezone: America/Santiago
    language: en
    plan: estandar
    slack_channel: C0GLOBEX
    focal_point: U0ANA
    whatsapp_contacts: ["+12125550100"]
sla:
  targets: {critica: 2h, alta: 4h, media: 1d, baja: 4d}
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	r := newRig(t, Options{ConfigPath: file, Stderr: &stderr, Start: "2026-12-09T09:00"})
	w := r.p.world
	if len(w.Clients) != 1 || w.Clients[0].Channel != "C0GLOBEX" || w.Clients[0].Language != "en" || !slices.Equal(w.Clients[0].Contacts, []string{"+12125550100"}) {
		t.Errorf("clients = %+v, want the file's Globex", w.Clients)
	}
	if len(w.Staff) != 2 || w.Staff[0].ID != "U0ANA" {
		t.Errorf("staff = %+v, want the file's", w.Staff)
	}
	if !slices.ContainsFunc(w.Desk, func(p Place) bool { return p.ID == "C0MIRROR" }) {
		t.Errorf("desk = %+v, want the file's mirror channel kept", w.Desk)
	}
	for _, said := range []string{stderr.String(), w.Note} {
		for _, key := range []string{"store", "slack", "whatsapp", "ignored"} {
			if !strings.Contains(said, key) {
				t.Errorf("notice %q does not name %s", said, key)
			}
		}
	}
	if loc := r.p.Now().Location().String(); loc != "America/Santiago" {
		t.Errorf("clock in %s, want the first client's zone", loc)
	}
	r.must("/api/say", map[string]string{"as": clientUser("globex"), "where": "C0GLOBEX", "text": "The call reports do not load since this morning"})
	r.find("answering Globex in English", func(p Post) bool {
		return p.Who == botWho && p.Where == "C0GLOBEX" && strings.Contains(p.Text, "#1") && strings.Contains(strings.ToLower(p.Text), "ticket")
	})
}
