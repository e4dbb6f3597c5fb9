package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

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
