package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

var t0 = time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "supportbot.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func seedClients(t *testing.T, db *store.DB) {
	t.Helper()
	ar, _ := time.LoadLocation("America/Argentina/Buenos_Aires")
	clients := []ticketing.Client{
		{ID: "acme", Name: "ACME", Country: ticketing.CountryAR, Location: ar, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractActive, Channel: "C1", FocalPoint: "UF", Contacts: []string{"+5491100000001"}},
		{ID: "beta", Name: "Beta", Country: ticketing.CountryAR, Location: ar, Plan: ticketing.PlanExtendido, Contract: ticketing.ContractActive, Channel: "C2", FocalPoint: "UF"},
	}
	staff := []ticketing.Staff{{ID: "UF", Name: "Focal", Role: ticketing.RoleFocal}}
	err := db.Update(context.Background(), func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(context.Background(), staff, t0); err != nil {
			return err
		}
		return tx.SyncClients(context.Background(), clients, t0)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func newTicket(client string) *ticketing.Ticket {
	return &ticketing.Ticket{
		ClientID: client, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Status: ticketing.StatusNuevo,
		Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, OpenedBy: "UC", Subject: "no anda el discador",
		Cues: []string{"no anda", "discador"}, ReceivedAt: t0, ClockStart: t0, DueAt: t0.Add(4 * time.Hour),
		NextActionAt: t0.Add(2 * time.Hour),
	}
}

func TestMigrationsApplyOnceAndAreIdempotent(t *testing.T) {
	db, path := openTemp(t)
	ctx := context.Background()
	first, err := db.Versions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || first[0] != 1 {
		t.Fatalf("versions after open = %v, want to start at 1", first)
	}
	applied, err := db.Apply(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Errorf("second apply ran %v, want nothing", applied)
	}
	db.Close()
	again, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got, err := again.Versions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, first) {
		t.Errorf("versions after reopen = %v, want %v", got, first)
	}
}

// Every pooled connection must enforce foreign keys: hold several at once so
// the pool has to open new ones.
// The store's own writer is a single connection, but anything opening the
// file with DSN (a second process, the benchmark) gets the pragmas on every
// pooled connection.
func TestForeignKeysOnEveryPooledConnection(t *testing.T) {
	_, path := openTemp(t)
	ctx := context.Background()
	pool, err := sql.Open("sqlite3", store.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var conns []interface{ Close() error }
	for i := range 5 {
		c, err := pool.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var fk int
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		var busy int
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || mode != "wal" || busy == 0 {
			t.Errorf("connection %d: foreign_keys=%d journal_mode=%s busy_timeout=%d, want 1, wal, >0", i, fk, mode, busy)
		}
		// And it is enforced, not just reported.
		_, err = c.ExecContext(ctx, `INSERT INTO tickets (client_id, kind, priority, status, source, opened_by, subject,
			received_at, clock_start, due_at, created_at, updated_at) VALUES ('nobody','consulta','media','nuevo','slack','U','x','a','a','a','a','a')`)
		if err == nil {
			t.Errorf("connection %d: ticket for an unknown client was accepted", i)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestTicketRoundTripAndTenantIsolation(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	tk := newTicket("acme")
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.CreateTicket(ctx, tk) }); err != nil {
		t.Fatal(err)
	}
	if tk.ID == 0 {
		t.Fatal("ticket got no number")
	}
	var got *ticketing.Ticket
	err := db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.Ticket(ctx, "acme", tk.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != tk.Subject || !got.DueAt.Equal(tk.DueAt) || !slices.Equal(got.Cues, tk.Cues) || got.FirstResponseAt != (time.Time{}) {
		t.Errorf("round trip: got %+v, want %+v", got, tk)
	}
	err = db.View(ctx, func(tx ticketing.Tx) error {
		_, err := tx.Ticket(ctx, "beta", tk.ID)
		return err
	})
	if !errors.Is(err, ticketing.ErrNotFound) {
		t.Errorf("another client's ticket: err = %v, want ErrNotFound", err)
	}
}

func TestMessagesAndEventsDeduplicate(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	tk := newTicket("acme")
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.CreateTicket(ctx, tk); err != nil {
			return err
		}
		return tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: "slack:C1:1.1", AuthorID: "UC", AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceSlack, Text: "hola", At: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: "slack:C1:1.1", AuthorID: "UC", AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceSlack, Text: "hola", At: t0})
	})
	if !errors.Is(err, ticketing.ErrDuplicate) {
		t.Errorf("second message with the same id: err = %v, want ErrDuplicate", err)
	}
	for i, want := range []error{nil, ticketing.ErrDuplicate} {
		err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkEvent(ctx, "Ev1", t0) })
		if !errors.Is(err, want) && !(want == nil && err == nil) {
			t.Errorf("MarkEvent #%d: err = %v, want %v", i+1, err, want)
		}
	}
}

func TestOutboxAndNotifications(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	item := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "Ticket #1", DedupeKey: "answer:1", CreatedAt: t0}
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, item) }); err != nil {
		t.Fatal(err)
	}
	dup := *item
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.Enqueue(ctx, &dup) }); !errors.Is(err, ticketing.ErrDuplicate) {
		t.Errorf("same dedupe key: err = %v, want ErrDuplicate", err)
	}
	pending := func(at time.Time) int {
		var items []ticketing.OutboxItem
		db.View(ctx, func(tx ticketing.Tx) error {
			var err error
			items, err = tx.PendingOutbox(ctx, at, 10)
			return err
		})
		return len(items)
	}
	if got := pending(t0); got != 1 {
		t.Fatalf("pending = %d, want 1", got)
	}
	db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkFailed(ctx, item.ID, t0.Add(time.Minute), "429") })
	if got := pending(t0); got != 0 {
		t.Errorf("pending before retry time = %d, want 0", got)
	}
	if got := pending(t0.Add(time.Minute)); got != 1 {
		t.Errorf("pending at retry time = %d, want 1", got)
	}
	db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkSent(ctx, item.ID, t0.Add(time.Minute), "1.2") })
	if got := pending(t0.Add(time.Hour)); got != 0 {
		t.Errorf("pending after sent = %d, want 0", got)
	}

	tk := newTicket("acme")
	db.Update(ctx, func(tx ticketing.Tx) error { return tx.CreateTicket(ctx, tk) })
	var got []bool
	for range 2 {
		db.Update(ctx, func(tx ticketing.Tx) error {
			first, err := tx.RecordNotification(ctx, tk.ID, "warn", 0.5, t0)
			got = append(got, first)
			return err
		})
	}
	if !slices.Equal(got, []bool{true, false}) {
		t.Errorf("RecordNotification twice = %v, want [true false]", got)
	}
}

func TestDueTicketsUsesNextAction(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	due, later, none := newTicket("acme"), newTicket("acme"), newTicket("acme")
	later.NextActionAt = t0.Add(5 * time.Hour)
	none.NextActionAt = time.Time{}
	db.Update(ctx, func(tx ticketing.Tx) error {
		for _, tk := range []*ticketing.Ticket{due, later, none} {
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
		}
		return nil
	})
	var got []int64
	db.View(ctx, func(tx ticketing.Tx) error {
		ts, err := tx.DueTickets(ctx, t0.Add(3*time.Hour), 10)
		for _, tk := range ts {
			got = append(got, tk.ID)
		}
		return err
	})
	if want := []int64{due.ID}; !slices.Equal(got, want) {
		t.Errorf("due tickets = %v, want %v", got, want)
	}
	var plan string
	db.SQL().QueryRowContext(ctx, `EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE next_action_at IS NOT NULL AND next_action_at <= ? ORDER BY next_action_at LIMIT 10`, "x").Scan(new(int), new(int), new(int), &plan)
	if plan == "" || !strings.Contains(plan, "tickets_next_action") {
		t.Errorf("due query plan = %q, want it to use tickets_next_action", plan)
	}
}

func TestContactsInviteRevokeAndOwnership(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	phone := "+5491100000002"
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: "acme", InvitedBy: "UF", InvitedAt: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: "beta", InvitedBy: "UF", InvitedAt: t0})
	})
	if !errors.Is(err, ticketing.ErrDuplicate) {
		t.Errorf("inviting acme's number for beta: err = %v, want ErrDuplicate", err)
	}
	db.Update(ctx, func(tx ticketing.Tx) error { return tx.RevokeContact(ctx, phone, "UF", t0.Add(time.Hour)) })
	var c ticketing.Contact
	var seeded []ticketing.Contact
	db.View(ctx, func(tx ticketing.Tx) error {
		c, _ = tx.Contact(ctx, phone)
		seeded, _ = tx.Contacts(ctx, "acme")
		return nil
	})
	if c.Active() || c.RevokedBy != "UF" {
		t.Errorf("after revoke: %+v, want revoked by UF", c)
	}
	if len(seeded) != 2 || seeded[0].Phone != "+5491100000001" || !seeded[0].Active() {
		t.Errorf("acme contacts = %+v, want the config seed first and active", seeded)
	}
}

// A second process must be able to open and write the same file while this
// one holds it open (WAL); the test binary re-runs itself as that process.
func TestSecondProcessOpensSameFile(t *testing.T) {
	if path := os.Getenv("STORE_SECOND_PROCESS"); path != "" {
		return
	}
	db, path := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	// Keep a read transaction open across the child's write.
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcessChild$", "-test.v")
	cmd.Env = append(os.Environ(), "STORE_SECOND_PROCESS="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("second process: %v\n%s", err, out)
	}
	conn.Close() // the writer pool holds one connection
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM tickets WHERE subject = 'from the second process'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("tickets written by the second process = %d, want 1\n%s", n, out)
	}
}

func TestSecondProcessChild(t *testing.T) {
	path := os.Getenv("STORE_SECOND_PROCESS")
	if path == "" {
		t.Skip("only runs as TestSecondProcessOpensSameFile's child")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tk := newTicket("acme")
	tk.Subject = "from the second process"
	if err := db.Update(ctx, func(tx ticketing.Tx) error { return tx.CreateTicket(ctx, tk) }); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentWritersQueue(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			errs <- db.Update(ctx, func(tx ticketing.Tx) error { return tx.CreateTicket(ctx, newTicket("acme")) })
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent write: %v", err)
		}
	}
}
