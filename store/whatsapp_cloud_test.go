package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/store/pgtest"
	"supportbot/ticketing"
)

// The Cloud transport's state on both backends: each contact's window, and
// statuses recorded on their outbox item in rank order.
func TestWhatsAppCloudState(t *testing.T) {
	backends := []struct {
		name string
		open func(t *testing.T) *store.DB
	}{
		{"sqlite", func(t *testing.T) *store.DB {
			db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "supportbot.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}},
		{"postgres", func(t *testing.T) *store.DB { pgtest.URL(t); return openPostgres(t) }},
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			db := b.open(t)
			at := time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)
			const phone = "+5491155550101"
			if w, err := db.WhatsAppWindow(ctx, phone); err != nil || w != (store.WhatsAppWindow{}) {
				t.Fatalf("unknown contact's window = %+v %v, want zero", w, err)
			}
			for _, seen := range []time.Time{at, at.Add(-time.Hour)} { // a late re-delivery does not shorten it
				if err := db.SawWhatsAppInbound(ctx, phone, seen); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.WhatsAppTemplateSent(ctx, phone, at.Add(25*time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := db.WhatsAppWindowClosed(ctx, phone, at.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			w, err := db.WhatsAppWindow(ctx, phone)
			if err != nil || !w.LastInbound.Equal(at) || !w.TemplateSent.Equal(at.Add(25*time.Hour)) || !w.ClosedAt.Equal(at.Add(time.Minute)) {
				t.Errorf("window = %+v %v, want inbound %v template %v closed %v", w, err, at, at.Add(25*time.Hour), at.Add(time.Minute))
			}

			item := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone},
				Mode: ticketing.ModePost, Text: "hola", CreatedAt: at, NextAttemptAt: at}
			if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, &item) }); err != nil {
				t.Fatal(err)
			}
			steps := []struct {
				s          store.PlatformStatus
				found, chg bool
				wantStatus string
				wantRef    string
			}{
				{store.PlatformStatus{OutboxID: item.ID, Ref: "wamid.1", Status: "delivered", At: at}, true, true, "delivered", "wamid.1"},
				{store.PlatformStatus{Ref: "wamid.1", Status: "sent", At: at}, true, false, "delivered", "wamid.1"},
				{store.PlatformStatus{Ref: "wamid.1", Status: "failed", At: at, Error: "131026: undeliverable"}, true, true, "failed", "wamid.1"},
				{store.PlatformStatus{Ref: "wamid.other", Status: "read", At: at}, false, false, "failed", "wamid.1"},
			}
			for i, s := range steps {
				st, found, err := db.RecordPlatformStatus(ctx, s.s)
				if err != nil || found != s.found || st.Changed != s.chg {
					t.Errorf("step %d: found %v changed %v err %v, want %v %v", i, found, st.Changed, err, s.found, s.chg)
				}
				got, err := db.PlatformStatusOf(ctx, item.ID)
				if err != nil || got.Status != s.wantStatus || got.Ref != s.wantRef {
					t.Errorf("step %d: status %+v %v, want %s %s", i, got, err, s.wantStatus, s.wantRef)
				}
			}
			if text, err := db.ChatMessageText(ctx, "whatsapp:wamid.1", "wamid.1"); err != nil || text != "hola" {
				t.Errorf("quoted text of the bot's message = %q %v, want hola", text, err)
			}
			// Meta's late 131047: owed again, statuses start over.
			if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkSent(ctx, item.ID, at, "wamid.1") }); err != nil {
				t.Fatal(err)
			}
			if err := db.RequeueSent(ctx, item.ID, at.Add(time.Hour), "131047"); err != nil {
				t.Fatal(err)
			}
			var due []ticketing.OutboxItem
			if err := db.View(ctx, func(tx ticketing.Tx) error {
				var err error
				due, err = tx.DueOutbox(ctx, at.Add(time.Hour), 10)
				return err
			}); err != nil || len(due) != 1 || due[0].ID != item.ID {
				t.Errorf("due after requeue = %+v %v, want the item", due, err)
			}
			if got, _ := db.PlatformStatusOf(ctx, item.ID); got.Status != "" || got.Ref != "" {
				t.Errorf("status after requeue = %+v, want none", got)
			}
		})
	}
}
