package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
)

func TestPrivacyExportThenErase(t *testing.T) {
	ctx := context.Background()
	path := writeConfig(t)
	cfg, err := config.Load(path, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	const phone, words = "+5491155550199", "mi cuit es 20-11222333-4"
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 10, 13, 0, 0, 0, time.UTC)
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncClients(ctx, cfg.TicketingClients(), at); err != nil {
			return err
		}
		if err := tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: "acme", Name: "Juana", InvitedBy: "U0AGENT01", InvitedAt: at}); err != nil {
			return err
		}
		tk := &ticketing.Ticket{ClientID: "acme", Kind: ticketing.KindConsulta, Priority: ticketing.PriorityBaja, Status: ticketing.StatusNuevo,
			Source: ticketing.SourceWhatsApp, Client: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone}, OpenedBy: phone,
			Subject: words, ReceivedAt: at, ClockStart: at, DueAt: at.Add(48 * time.Hour)}
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		return tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: "whatsapp:X1", AuthorID: phone, AuthorKind: ticketing.AuthorClient,
			Channel: ticketing.SourceWhatsApp, Text: words, At: at})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	m, out, _ := testMain()
	if err := m.Run(ctx, []string{"privacy", "export", "-contact", "+54 9 11 5555-0199", "-config", path}); err != nil {
		t.Fatal(err)
	}
	var export struct {
		Subject string                      `json:"subject"`
		Tables  map[string][]map[string]any `json:"tables"`
	}
	if err := json.Unmarshal(out.Bytes(), &export); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out)
	}
	if export.Subject != phone || len(export.Tables["ticket_messages"]) != 1 || len(export.Tables["whatsapp_contacts"]) != 1 {
		t.Errorf("export = %+v", export)
	}

	m, out, _ = testMain()
	if err := m.Run(ctx, []string{"privacy", "erase", "-contact", phone, "-config", path}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "erased:") {
		t.Errorf("erase printed %q", out)
	}
	for _, p := range []string{cfg.Store.Path, cfg.Store.Path + "-wal", cfg.Store.Path + "-shm"} {
		b, _ := os.ReadFile(p)
		for _, trace := range []string{strings.TrimPrefix(phone, "+"), words, "Juana"} {
			if bytes.Contains(b, []byte(trace)) {
				t.Errorf("%s still holds %q", p, trace)
			}
		}
	}
}

func TestPrivacyBadInput(t *testing.T) {
	path := writeConfig(t)
	for _, args := range [][]string{
		{"privacy"},
		{"privacy", "export"},
		{"privacy", "export", "-contact", "12"},
		{"privacy", "erase", "-contact", "+5491155550199", "-slack-user", "U0ABCDEFG"},
		{"backup"},
	} {
		m, _, _ := testMain()
		if err := m.Run(context.Background(), append(args, "-config", path)); exitCode(err) != 2 {
			t.Errorf("%v: %v, want exit 2", args, err)
		}
	}
}

// A client's distinctive words, one per path the bot stores text through.
var zorzal = []struct{ path, words string }{
	{"message", "zorzalcaso"},
	{"esperando quote and its audit line", "zorzalesperando"},
	{"csat comment", "zorzalcomentario"},
	{"revision (the text before the edit)", "zorzalmensaje"},
	{"edit", "zorzaledicion"},
	{"file name", "zorzalarchivo"},
	{"doubtful question and its audit line", "zorzalpregunta"},
	{"burst", "zorzalrafaga"},
}

// TestPrivacyEraseWhileRunning: a Slack client's words go through every
// path that keeps text, all through the real handlers of the running bot;
// `privacy export`, run beside it, finds each, and `privacy erase`, run
// beside it, leaves none in the database file, its -wal or its -shm.
func TestPrivacyEraseWhileRunning(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	r := startBot(t, cfg, ticketing.NewManualClock(e2eStart))
	defer func() {
		if t.Failed() {
			t.Logf("slack:\n%s", f.Dump())
		}
	}()
	staffCmd := func(user, text string) {
		t.Helper()
		if status, body := r.command(acmeChannel, user, text); status != http.StatusOK {
			t.Fatalf("%s: %d %s", text, status, body)
		}
	}
	// Ticket #1: the client's case, an esperando quote, then closed by the
	// client, rated and commented.
	first := slackfake.Message{EventID: "EvP1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Los reportes de la campaña zorzalcaso no cargan desde esta mañana"}
	if got := r.event(first); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	eventually(t, "ticket #1", func() bool { return len(r.tickets("acme")) == 1 })
	r.clock.Set(e2eAt(60))
	staffCmd(focalAR, "esperando #1 necesitamos la captura zorzalesperando")
	r.clock.Set(e2eAt(120))
	staffCmd(acmeClient, "conforme #1")
	f.waitFor("the rating question", func() bool { return len(callsWith(f.Posts(acmeChannel), "calificarías")) == 1 })
	if got := r.pressCSAT(acmeChannel, acmeClient, "1:5", tsAt(130)); got != http.StatusOK {
		t.Fatalf("press status = %d", got)
	}
	if got := r.event(slackfake.Message{EventID: "EvP2", Channel: acmeChannel, User: acmeClient, TS: tsAt(140), ThreadTS: first.TS,
		Text: "zorzalcomentario fueron muy rápidos"}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	eventually(t, "the comment", func() bool { c := r.csatOf(1); return c != nil && c.Comment != "" })

	// Ticket #2: a message with a file, edited, and corrected by staff.
	r.clock.Set(e2eAt(600))
	log := f.AddFileBytes("zorzalarchivo.log", "text/plain", []byte("ERROR sip 503\n"))
	second := slackfake.Message{EventID: "EvP3", Channel: acmeChannel, User: acmeClient, TS: tsAt(600),
		Text: "El discador zorzalmensaje se corta desde esta mañana, adjunto el log", Files: []slackfake.File{log}}
	if got := r.event(second); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	eventually(t, "ticket #2", func() bool { return len(r.tickets("acme")) == 2 })
	r.clock.Set(e2eAt(660))
	r.postEvent(slackChange("EvP4", acmeChannel, acmeClient, second.TS, second.Text, "El discador zorzaledicion se corta en la cola ventas desde esta mañana", 660))
	staffCmd(focalAR, "tipo #2 consulta")

	// A doubtful outage, left unanswered, and a lone greeting.
	r.clock.Set(e2eAt(1200))
	if got := r.event(slackfake.Message{EventID: "EvP5", Channel: acmeChannel, User: acmeClient, TS: tsAt(1200), Text: doubtfulText + " zorzalpregunta"}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the question", func() bool { return len(callsWith(f.Posts(acmeChannel), "toda la operación")) >= 1 })
	r.clock.Set(e2eAt(1800))
	if got := r.event(slackfake.Message{EventID: "EvP6", Channel: acmeChannel, User: acmeClient, TS: tsAt(1800), Text: "Hola zorzalrafaga"}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		bu, err := tx.Burst(ctx, "slack:"+acmeChannel+":"+acmeClient)
		if err != nil || len(bu.Pending) != 1 {
			t.Errorf("burst = %+v, %v; want the greeting waiting", bu, err)
		}
		return nil
	})
	if got := r.event(slackfake.Message{EventID: "EvP7", Channel: andesChannel, User: andesClient, TS: tsAt(1810),
		Text: "Los reportes de la campaña calandria no cargan desde esta mañana"}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	eventually(t, "the outbox to drain", func() bool { return r.backlog() == 0 })

	m, out, _ := testMain()
	if err := m.Run(t.Context(), []string{"privacy", "export", "-slack-user", acmeClient, "-config", cfg}); err != nil {
		t.Fatal(err)
	}
	for _, z := range zorzal {
		if !strings.Contains(out.String(), z.words) {
			t.Errorf("export lacks the %s: %q", z.path, z.words)
		}
	}
	m, out, _ = testMain()
	if err := m.Run(t.Context(), []string{"privacy", "erase", "-slack-user", acmeClient, "-config", cfg}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "warning") {
		t.Errorf("erase beside the running bot: %s", out)
	}
	for _, p := range []string{r.dbPath, r.dbPath + "-wal", r.dbPath + "-shm"} {
		b, _ := os.ReadFile(p)
		for _, z := range zorzal {
			if n := bytes.Count(b, []byte(z.words)); n != 0 {
				t.Errorf("%s still holds the %s %d times", p, z.path, n)
			}
		}
	}
	// The check above can fail: another client's words are still there.
	if b, _ := os.ReadFile(r.dbPath); !bytes.Contains(b, []byte("calandria")) {
		t.Errorf("%s lost another client's words too", r.dbPath)
	}
}
