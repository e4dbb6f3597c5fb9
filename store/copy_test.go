package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

// populate writes a row of every kind through the store's API, with set and
// unset times, flags both ways and a ticket number given out and then
// lost, so a copy has every case to carry.
func populate(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	seedClients(t, db)
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		for i := range 4 {
			tk := newTicket("acme")
			tk.Subject = fmt.Sprintf("ticket %d", i+1)
			tk.Desk.Thread = fmt.Sprintf("170000000%d.000100", i)
			if i == 1 {
				tk.AwaitingChoice, tk.FirstResponseAt, tk.Assignee = true, t0.Add(7*time.Minute+123*time.Millisecond), "UF"
				tk.NextActionAt = time.Time{}
			}
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
			if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: fmt.Sprintf("slack:m%d", i), AuthorID: "UC",
				AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceSlack, Text: "no anda", At: t0.Add(time.Duration(i) * time.Minute)}); err != nil {
				return err
			}
			if _, err := tx.RecordNotification(ctx, tk.ID, "warn", 0.75, t0.Add(time.Hour)); err != nil {
				return err
			}
		}
		wa := newTicket("acme")
		wa.Source, wa.Client, wa.Desk.Thread = ticketing.SourceWhatsApp, ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, ""
		if err := tx.CreateTicket(ctx, wa); err != nil {
			return err
		}
		if err := tx.MarkEvent(ctx, "Ev1", t0); err != nil {
			return err
		}
		items := []*ticketing.OutboxItem{
			{To: slackIn("C1"), Mode: ticketing.ModePost, InDeskThread: true, TicketID: 1, Text: "recibido",
				Buttons: []ticketing.Button{{ActionID: "take", Label: "Tomar", Value: "1"}}, DedupeKey: "ack:1", CreatedAt: t0},
			{To: slackIn("C1"), Mode: ticketing.ModePost, TicketID: 2, Text: "root", SetsThread: true, CreatedAt: t0},
			{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000001"}, Mode: ticketing.ModePost, TicketID: wa.ID, Text: "hola", CreatedAt: t0},
			{To: slackIn("UF"), Mode: ticketing.ModeDirect, Text: "aviso", CreatedAt: t0},
		}
		for _, it := range items {
			if err := tx.Enqueue(ctx, it); err != nil {
				return err
			}
		}
		if err := tx.MarkInFlight(ctx, []int64{items[0].ID, items[1].ID}, t0.Add(time.Second)); err != nil {
			return err
		}
		if err := tx.MarkSent(ctx, items[1].ID, t0.Add(2*time.Second), "1700000009.000100"); err != nil {
			return err
		}
		if err := tx.MarkDead(ctx, items[3].ID, t0.Add(3*time.Second), "user_not_found"); err != nil {
			return err
		}
		if err := tx.MarkFailed(ctx, items[2].ID, t0.Add(time.Minute), "timeout"); err != nil {
			return err
		}
		if err := tx.UpsertContact(ctx, ticketing.Contact{Phone: "+5491100000002", ClientID: "beta", Name: "Ana", InvitedBy: "UF", InvitedAt: t0}); err != nil {
			return err
		}
		if err := tx.RevokeContact(ctx, "+5491100000002", "UF", t0.Add(time.Hour)); err != nil {
			return err
		}
		if err := tx.SetStaffAbsent(ctx, "UF", true); err != nil {
			return err
		}
		if _, err := tx.RecordDigest(ctx, "UF", "America/Argentina/Buenos_Aires", ticketing.DateOf(t0), t0); err != nil {
			return err
		}
		return tx.Audit(ctx, ticketing.AuditEntry{At: t0, Actor: "UF", ClientID: "acme", TicketID: 1, Action: "taken", Detail: "por UF"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(ctx, t0); err != nil {
		t.Fatal(err)
	}
	// Ticket #6 was given out and is gone; its number must not come back.
	err = db.Update(ctx, func(tx ticketing.Tx) error { return tx.CreateTicket(ctx, newTicket("beta")) })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM tickets WHERE id = 6`); err != nil {
		t.Fatal(err)
	}
}

// dump reads every table of a SQLite store as raw values, in id order.
func dump(t *testing.T, db *store.DB) map[string][][]any {
	t.Helper()
	ctx := context.Background()
	tables, err := db.SQL().QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	out := map[string][][]any{}
	for _, name := range names {
		rows, err := db.SQL().QueryContext(ctx, `SELECT * FROM `+name+` ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		out[name] = [][]any{}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], vals)
		}
		rows.Close()
	}
	return out
}

func openSQLite(t *testing.T, name string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustCopy(t *testing.T, from, to *store.DB) store.CopyReport {
	t.Helper()
	report, err := store.Copy(context.Background(), from, to)
	if err != nil {
		t.Fatalf("copy %s → %s: %v", from.Driver(), to.Driver(), err)
	}
	return report
}

// wantCounts checks a copy's report against the source's own tables.
func wantCounts(t *testing.T, report store.CopyReport, src map[string][][]any) {
	t.Helper()
	if len(report.Tables) != len(src) {
		t.Errorf("report has %d tables, the store %d", len(report.Tables), len(src))
	}
	for _, tc := range report.Tables {
		if want := int64(len(src[tc.Table])); tc.Rows != want {
			t.Errorf("copied %d rows of %s, want %d", tc.Rows, tc.Table, want)
		}
	}
}

// A copy into a store that has rows changes nothing and says why.
func wantRefused(t *testing.T, from, to *store.DB) {
	t.Helper()
	if _, err := store.Copy(context.Background(), from, to); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("copy into a store with rows: err = %v, want a refusal naming it not empty", err)
	}
}

func TestCopySQLiteToSQLite(t *testing.T) {
	src := openSQLite(t, "src.db")
	populate(t, src)
	dst := openSQLite(t, "dst.db")
	report := mustCopy(t, src, dst)
	want := dump(t, src)
	wantCounts(t, report, want)
	if got := dump(t, dst); !reflect.DeepEqual(got, want) {
		t.Errorf("copied store differs:\n got %v\nwant %v", got, want)
	}
	wantRefused(t, src, dst)
	wantNextIDs(t, dst)
}

// SQLite → PostgreSQL → SQLite gives back the very same rows, so nothing is
// lost or bent on the way through PostgreSQL, and the PostgreSQL store
// reads what the SQLite one does and numbers on from it.
func TestCopyThroughPostgres(t *testing.T) {
	pg := openPostgres(t)
	src := openSQLite(t, "src.db")
	populate(t, src)
	want := dump(t, src)
	wantCounts(t, mustCopy(t, src, pg), want)

	back := openSQLite(t, "back.db")
	wantCounts(t, mustCopy(t, pg, back), want)
	if got := dump(t, back); !reflect.DeepEqual(got, want) {
		t.Errorf("SQLite → PostgreSQL → SQLite differs:\n got %v\nwant %v", got, want)
	}
	if got, want := readAll(t, pg), readAll(t, src); !reflect.DeepEqual(got, want) {
		t.Errorf("PostgreSQL reads differ from SQLite's:\n got %+v\nwant %+v", got, want)
	}
	wantRefused(t, src, pg)
	wantNextIDs(t, pg)
}

// wantNextIDs checks that the copied store numbers on after the source:
// ticket #6 was given out by the source, so the next is #7, and every other
// id follows the highest copied.
func wantNextIDs(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	tk := newTicket("beta")
	m := &ticketing.Message{ExternalID: "slack:next", AuthorID: "UC", AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceSlack, Text: "x", At: t0}
	it := &ticketing.OutboxItem{To: slackIn("C2"), Mode: ticketing.ModePost, Text: "x", CreatedAt: t0}
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		m.TicketID = tk.ID
		if err := tx.AddMessage(ctx, m); err != nil {
			return err
		}
		return tx.Enqueue(ctx, it)
	})
	if err != nil {
		t.Fatalf("%s after the copy: %v", db.Driver(), err)
	}
	if tk.ID != 7 || m.ID != 5 || it.ID != 5 {
		t.Errorf("%s after the copy: ticket #%d, message %d, outbox item %d; want 7, 5, 5", db.Driver(), tk.ID, m.ID, it.ID)
	}
}

// contents is what the store's API reads back of populate's rows.
type contents struct {
	Tickets  []ticketing.Ticket
	Messages []ticketing.Message
	Outbox   []ticketing.OutboxItem
	Contacts []ticketing.Contact
	Audit    []ticketing.AuditEntry
	Staff    ticketing.Staff
	Warned   time.Time
}

func readAll(t *testing.T, db *store.DB) contents {
	t.Helper()
	ctx := context.Background()
	var c contents
	err := db.View(ctx, func(tx ticketing.Tx) error {
		tks, err := tx.FindTickets(ctx, ticketing.TicketFilter{})
		if err != nil {
			return err
		}
		for _, tk := range tks {
			c.Tickets = append(c.Tickets, *tk)
			ms, err := tx.Messages(ctx, tk.ID)
			if err != nil {
				return err
			}
			c.Messages = append(c.Messages, ms...)
		}
		if c.Outbox, err = tx.PendingOutbox(ctx, t0.Add(24*time.Hour), 0); err != nil {
			return err
		}
		for _, client := range []string{"acme", "beta"} {
			cs, err := tx.Contacts(ctx, client)
			if err != nil {
				return err
			}
			c.Contacts = append(c.Contacts, cs...)
		}
		if c.Audit, err = tx.AuditLog(ctx, "", t0.Add(-time.Hour)); err != nil {
			return err
		}
		if c.Staff, err = tx.Staff(ctx, "UF"); err != nil {
			return err
		}
		c.Warned, err = tx.Notification(ctx, 2, "warn", 0.75)
		return err
	})
	if err != nil {
		t.Fatalf("read %s: %v", db.Driver(), err)
	}
	return c
}

// slackIn is an address on Slack: a channel, or a person for a DM.
func slackIn(address string) ticketing.Conversation {
	return ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: address}
}

// Replies queued on PostgreSQL wait there, fresh, for the delivering
// replica to place them; a copy into SQLite, which never settles fresh
// replies, places them itself: each conversation's first reply is due.
func TestCopyFromPostgresPlacesQueuedReplies(t *testing.T) {
	pg := openPostgres(t)
	seedClients(t, pg)
	thread := ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}
	enqueue(t, pg, ticketing.OutboxItem{To: thread, Mode: ticketing.ModePost, Text: "primera"})
	enqueue(t, pg, ticketing.OutboxItem{To: thread, Mode: ticketing.ModePost, Text: "segunda"})
	enqueue(t, pg, ticketing.OutboxItem{To: slackIn("C2"), Mode: ticketing.ModePost, Text: "otro canal"})
	sqlite := openSQLite(t, "from-pg.db")
	mustCopy(t, pg, sqlite)
	want := []string{"primera", "otro canal"}
	if got := dueTexts(t, pg, t0); !reflect.DeepEqual(got, want) {
		t.Fatalf("due on PostgreSQL = %q, want %q", got, want)
	}
	if got := dueTexts(t, sqlite, t0); !reflect.DeepEqual(got, want) {
		t.Errorf("due after the copy into SQLite = %q, want %q", got, want)
	}
}
