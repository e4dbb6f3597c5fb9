package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// uniqueContactVersion is the migration that makes a contact's open ticket
// unique.
const uniqueContactVersion = 6

// A file written before the unique index may hold several open tickets of
// one contact: the migration keeps the newest open and closes the others,
// with an audit line each, and leaves every other ticket alone.
func TestMigrationClosesOlderOpenTicketsOfAContact(t *testing.T) {
	ctx := context.Background()
	sqldb, d, _ := fileBefore(t, uniqueContactVersion)
	const ts = "2026-11-24T13:00:00.000Z"
	rows := []struct {
		contact, status string
	}{
		{"+1", "nuevo"},             // 1: older open duplicate → closed
		{"+1", "cerrado"},           // 2: already closed, untouched
		{"+1", "en_curso"},          // 3: older open duplicate → closed
		{"+1", "resuelto"},          // 4: newest open of +1, kept
		{"+2", "escalado"},          // 5: the only open one of +2, kept
		{"", "nuevo"},               // 6: no contact, untouched
		{"", "en_curso"},            // 7: no contact, untouched
		{"+3", "cerrado"},           // 8: closed, untouched
		{"+3", "esperando_cliente"}, // 9: the only open one of +3, kept
	}
	for _, r := range rows {
		if _, err := sqldb.ExecContext(ctx, `INSERT INTO tickets (client_id, kind, priority, status, source, whatsapp_contact,
			opened_by, subject, received_at, clock_start, due_at, next_action_at, created_at, updated_at)
			VALUES ('acme', 'incidente', 'alta', ?, 'whatsapp', ?, 'x', 'x', ?, ?, ?, ?, ?, ?)`,
			r.status, r.contact, ts, ts, ts, ts, ts, ts); err != nil {
			t.Fatal(err)
		}
	}

	applied, err := d.Apply(ctx)
	if err != nil {
		t.Fatalf("migrating a file with duplicate open tickets: %v", err)
	}
	if !slices.ContainsFunc(applied, func(name string) bool { return strings.HasPrefix(name, "0006_") }) {
		t.Fatalf("applied %v, want 0006 among them", applied)
	}

	var got []string
	q, err := sqldb.QueryContext(ctx, `SELECT status FROM tickets ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for q.Next() {
		var s string
		if err := q.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	q.Close()
	want := []string{"cerrado", "cerrado", "cerrado", "resuelto", "escalado", "nuevo", "en_curso", "cerrado", "esperando_cliente"}
	if !slices.Equal(got, want) {
		t.Errorf("statuses after migration = %v, want %v", got, want)
	}

	var closedAt, reason string
	var next sql.NullString
	if err := sqldb.QueryRowContext(ctx, `SELECT closed_at, close_reason, next_action_at FROM tickets WHERE id = 3`).Scan(&closedAt, &reason, &next); err != nil {
		t.Fatal(err)
	}
	if _, err := parseTime(closedAt); err != nil || reason == "" || next.Valid {
		t.Errorf("closed duplicate: closed_at %q (%v), reason %q, next action %v; want a stored time, a reason, no next action", closedAt, err, reason, next)
	}

	var audited []string
	q, err = sqldb.QueryContext(ctx, `SELECT ticket_id || ' ' || detail FROM audit_log WHERE action = 'closed' ORDER BY ticket_id`)
	if err != nil {
		t.Fatal(err)
	}
	for q.Next() {
		var s string
		if err := q.Scan(&s); err != nil {
			t.Fatal(err)
		}
		audited = append(audited, s)
	}
	q.Close()
	if len(audited) != 2 || !strings.HasPrefix(audited[0], "1 ") || !strings.HasPrefix(audited[1], "3 ") ||
		!strings.HasSuffix(audited[0], "#4") || !strings.HasSuffix(audited[1], "#4") {
		t.Errorf("audit lines = %q, want one for #1 and one for #3, each naming the kept #4", audited)
	}

	// And from now on the schema refuses a second open ticket.
	_, err = sqldb.ExecContext(ctx, `INSERT INTO tickets (client_id, kind, priority, status, source, whatsapp_contact,
		opened_by, subject, received_at, clock_start, due_at, created_at, updated_at)
		VALUES ('acme', 'consulta', 'media', 'nuevo', 'whatsapp', '+2', 'x', 'x', ?, ?, ?, ?, ?)`, ts, ts, ts, ts, ts)
	if !isUniqueViolation(err) {
		t.Errorf("second open ticket of +2 after migration: err = %v, want a unique violation", err)
	}
}

// fileBefore makes a store file with every migration before version applied,
// as an older release left it, for a test to fill and then migrate.
func fileBefore(t *testing.T, version int) (*sql.DB, *DB, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	sqldb, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	sqldb.SetMaxOpenConns(1)
	t.Cleanup(func() { sqldb.Close() })
	if _, err := sqldb.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	all, err := migrations(sqliteDialect.migrationDir())
	if err != nil {
		t.Fatal(err)
	}
	d := &DB{db: sqldb, path: path}
	for _, m := range all {
		if m.version >= version {
			break
		}
		if _, err := d.applyOne(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sqldb.ExecContext(ctx, `INSERT INTO clients (id, name, country, timezone, plan, contract, synced_at)
		VALUES ('acme', 'ACME', 'AR', 'UTC', 'estandar', 'active', '2026-11-24T13:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	return sqldb, d, path
}
