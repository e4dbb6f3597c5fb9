package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

const (
	erased = "+5491100000001"
	kept   = "+5491100000002"
	secret = "mi documento es 30111222"
)

// privacyStore is populate's store, plus every other place a number lands:
// a message with the client's words, an answered unknown number, audit
// details in both spellings, and a second contact who must stay.
func privacyStore(t *testing.T) (*store.DB, string) {
	t.Helper()
	db, path := openTemp(t)
	seedPrivacy(t, db)
	return db, path
}

func seedPrivacy(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	populate(t, db)
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.UpsertContact(ctx, ticketing.Contact{Phone: kept, ClientID: "beta", Name: "Otra", InvitedBy: "UF", InvitedAt: t0}); err != nil {
			return err
		}
		if err := tx.UpsertContact(ctx, ticketing.Contact{Phone: erased, ClientID: "acme", Name: "Juana Pérez", InvitedBy: "UF", InvitedAt: t0}); err != nil {
			return err
		}
		var wa *ticketing.Ticket
		for _, tk := range openTicketsOf(t, tx) {
			if tk.Client.Address == erased {
				wa = tk
			}
		}
		if wa == nil {
			t.Fatal("populate has no ticket of " + erased)
		}
		if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: wa.ID, ExternalID: "whatsapp:ABC", AuthorID: erased,
			AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceWhatsApp, Text: secret, Media: "image/jpeg dni.jpg", At: t0}); err != nil {
			return err
		}
		if _, err := tx.AnswerUnknown(ctx, erased, t0, t0.Add(-24*time.Hour)); err != nil {
			return err
		}
		for _, detail := range []string{erased, "5491100000001@s.whatsapp.net", kept} {
			// A line on the erased person's ticket is theirs; the other
			// contact's is the client's.
			ticket := wa.ID
			if detail == kept {
				ticket = 0
			}
			if err := tx.Audit(ctx, ticketing.AuditEntry{At: t0, Actor: "supportbot", ClientID: "acme", TicketID: ticket, Action: ticketing.AuditUnknownContact, Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func openTicketsOf(t *testing.T, tx ticketing.Tx) []*ticketing.Ticket {
	t.Helper()
	var out []*ticketing.Ticket
	for id := int64(1); ; id++ {
		tk, err := tx.Ticket(context.Background(), "acme", id)
		if err != nil {
			return out
		}
		out = append(out, tk)
	}
}

// storeFiles is the store file with its -wal and -shm, as bytes.
func storeFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		out[p] = b
	}
	return out
}

func TestErasePersonLeavesNoTraceInTheFile(t *testing.T) {
	ctx := context.Background()
	db, path := privacyStore(t)
	before := ticketCount(t, db)
	var messagesBefore int64
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ticket_messages`).Scan(&messagesBefore); err != nil {
		t.Fatal(err)
	}
	rep, err := db.ErasePerson(ctx, store.Person{Phone: erased}, "cli", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Checkpointed {
		t.Error("the write-ahead log was not truncated")
	}
	for p, b := range storeFiles(t, path) {
		for _, trace := range []string{strings.TrimPrefix(erased, "+"), secret, "dni.jpg", "Juana"} {
			if bytes.Contains(b, []byte(trace)) {
				t.Errorf("%s still holds %q", p, trace)
			}
		}
	}
	// The check above can fail: the contact who was not erased is found.
	if all := storeFiles(t, path); !bytes.Contains(all[path], []byte(kept)) {
		t.Errorf("%s lost %s, who was not erased", path, kept)
	}
	var messagesAfter int64
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ticket_messages`).Scan(&messagesAfter); err != nil {
		t.Fatal(err)
	}
	if got := ticketCount(t, db); got != before || messagesAfter != messagesBefore {
		t.Errorf("tickets %d→%d, messages %d→%d: counts must stay", before, got, messagesBefore, messagesAfter)
	}
	var placeholders int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM tickets WHERE whatsapp_contact = ?`, rep.Placeholder).Scan(&placeholders); err != nil {
		t.Fatal(err)
	}
	if placeholders != 1 {
		t.Errorf("tickets of %s = %d, want the ticket kept under the placeholder", rep.Placeholder, placeholders)
	}
	got, err := db.ExportPerson(ctx, store.Person{Phone: erased}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tables) != 0 {
		t.Errorf("export after erase still finds %v", got.Tables)
	}
}

func TestExportPerson(t *testing.T) {
	db, _ := privacyStore(t)
	got, err := db.ExportPerson(context.Background(), store.Person{Phone: erased}, t0)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"whatsapp_contacts", "whatsapp_invitations", "tickets", "ticket_messages", "outbox", "audit_log", "unknown_contacts"} {
		if len(got.Tables[table]) == 0 {
			t.Errorf("export has no %s rows", table)
		}
	}
	if !strings.Contains(string(raw), secret) {
		t.Error("export lacks the client's message")
	}
	if strings.Contains(string(raw), kept) {
		t.Errorf("export of %s holds %s's data", erased, kept)
	}
}

func TestPersonNeedsAStrictID(t *testing.T) {
	db, _ := openTemp(t)
	for _, p := range []store.Person{{}, {Phone: "549"}, {Phone: "+12"}, {SlackUser: "U1"}, {SlackUser: "u0abcdefg"}, {Phone: erased, SlackUser: "U0ABCDEFG"}} {
		if _, err := db.ErasePerson(context.Background(), p, "cli", t0); err == nil {
			t.Errorf("erase %+v succeeded", p)
		}
	}
}

// The same requests on PostgreSQL: the export finds the person, the erase
// leaves nothing an export could find, and retention runs.
func TestPostgresPrivacyAndRetention(t *testing.T) {
	ctx := context.Background()
	db := openPostgres(t)
	seedPrivacy(t, db)
	got, err := db.ExportPerson(ctx, store.Person{Phone: erased}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tables["ticket_messages"]) == 0 || len(got.Tables["whatsapp_contacts"]) != 1 {
		t.Errorf("export = %+v", got.Tables)
	}
	if _, err := db.ErasePerson(ctx, store.Person{Phone: erased}, "cli", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, err := db.ExportPerson(ctx, store.Person{Phone: erased}, t0); err != nil || len(got.Tables) != 0 {
		t.Errorf("export after erase = %v, %v", got.Tables, err)
	}
	res, err := db.PurgeMessages(ctx, t0.AddDate(0, 1, 0), t0.AddDate(0, 1, 0), "retention")
	if err != nil || res.Messages == 0 {
		t.Errorf("retention = %+v, %v", res, err)
	}
	if _, err := db.Backup(ctx, t.TempDir()+"/x.db"); !errors.Is(err, store.ErrBackupPostgres) {
		t.Errorf("backup on PostgreSQL: %v, want ErrBackupPostgres", err)
	}
}
