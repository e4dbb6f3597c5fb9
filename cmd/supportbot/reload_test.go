package main

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

const zetaClient = `  - id: zeta
    name: Zeta Seguros
    country: AR
    timezone: America/Argentina/Buenos_Aires
    plan: estandar
    slack_channel: C0ZETA
    focal_point: U0FOCALAR
    language: en
  - id: andes
`

// TestReloadAddsAClientAndRefusesABrokenFile reloads a running bot twice:
// a broken file leaves the running configuration in place and tells the
// service desk; a good one adds a client whose channel then opens tickets.
func TestReloadAddsAClientAndRefusesABrokenFile(t *testing.T) {
	f := newFakeSlack(t)
	cfgPath := slackConfig(t, f, "events")
	good, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	hup := make(chan os.Signal, 1)
	r := startBotWith(t, cfgPath, ticketing.NewManualClock(e2eStart), func(m *Main) { m.hangup = hup })
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	zetaMsg := func(id string, sec int) slackfake.Message {
		return slackfake.Message{EventID: id, Channel: "C0ZETA", User: "U0ZETA01", TS: tsAt(sec),
			Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	}

	broken := strings.Replace(string(good), "  - id: andes\n", zetaClient, 1)
	broken = strings.Replace(broken, "plan: estandar\n", "plan: premium\n", 1)
	write(broken)
	hup <- nil
	eventually(t, "the refused reload's audit line", func() bool { return r.audits(ticketing.AuditConfigRejected) == 1 })
	f.waitFor("the service desk alert", func() bool {
		for _, p := range f.Posts("C0SERVICEDESK") {
			if strings.Contains(p.Form.Get("text"), "clients[0].plan") {
				return true
			}
		}
		return false
	})
	if got := r.event(zetaMsg("EvZ1", 0)); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	// The old configuration still runs: acme is served, zeta is unknown.
	acme := slackfake.Message{EventID: "EvA1", Channel: acmeChannel, User: acmeClient, TS: tsAt(1),
		Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	if got := r.event(acme); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	if got, zeta := len(r.tickets("acme")), len(r.tickets("zeta")); got != 1 || zeta != 0 {
		t.Fatalf("after the broken reload: acme tickets = %d, zeta = %d; want 1 and 0\n%s", got, zeta, r.logs)
	}
	if r.audits(ticketing.AuditConfigReloaded) != 0 {
		t.Error("a broken file was recorded as reloaded")
	}

	write(strings.Replace(string(good), "  - id: andes\n", zetaClient, 1))
	hup <- nil
	eventually(t, "the reload's audit line", func() bool { return r.audits(ticketing.AuditConfigReloaded) == 1 })
	if got := r.event(zetaMsg("EvZ2", 2)); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("zeta's answer", func() bool { return len(f.Posts("C0ZETA")) >= 1 })
	if got := len(r.tickets("zeta")); got != 1 {
		t.Errorf("zeta tickets = %d, want 1\n%s", got, r.logs)
	}
	// The reloaded client reads the language the new file gives it.
	if got := f.Posts("C0ZETA")[0].Form.Get("text"); !strings.Contains(got, "We registered your case") {
		t.Errorf("zeta's answer = %q, want it in English", got)
	}
	var detail string
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		lines, err := tx.AuditLog(ctx, "", time.Time{})
		for _, l := range lines {
			if l.Action == ticketing.AuditConfigReloaded {
				detail = l.Detail
			}
		}
		return err
	})
	if !strings.Contains(detail, "clients added: zeta") {
		t.Errorf("reload audit = %q, want it to name the new client", detail)
	}
}

// A client dropped from the file keeps its ticket, and a new message in its
// channel gets the contract answer instead of a new ticket.
func TestReloadDropsAClient(t *testing.T) {
	f := newFakeSlack(t)
	cfgPath := slackConfig(t, f, "events")
	good, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	hup := make(chan os.Signal, 1)
	r := startBotWith(t, cfgPath, ticketing.NewManualClock(e2eStart), func(m *Main) { m.hangup = hup })
	msg := func(id string, sec int) slackfake.Message {
		return slackfake.Message{EventID: id, Channel: andesChannel, User: andesClient, TS: tsAt(sec),
			Text: "Los reportes de la campaña de cobranzas no cargan desde esta mañana"}
	}
	if got := r.event(msg("EvD1", 0)); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(andesChannel)) >= 1 })

	s := string(good)
	from, to := strings.Index(s, "  - id: andes\n"), strings.Index(s, "\nsla:")
	if from < 0 || to < from {
		t.Fatal("example config has no andes block before sla")
	}
	if err := os.WriteFile(cfgPath, []byte(s[:from]+s[to:]), 0o600); err != nil {
		t.Fatal(err)
	}
	hup <- nil
	eventually(t, "the reload's audit line", func() bool { return r.audits(ticketing.AuditConfigReloaded) == 1 })
	if got := r.event(msg("EvD2", 10)); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	f.waitFor("the contract answer", func() bool { return len(f.Posts(andesChannel)) >= 2 })
	if got := len(r.tickets("andes")); got != 1 {
		t.Errorf("andes tickets = %d, want the one opened before the reload", got)
	}
	if got := r.audits(ticketing.AuditContractRefused); got != 1 {
		t.Errorf("contract refusals = %d, want 1\n%s", got, f.Dump())
	}
}
