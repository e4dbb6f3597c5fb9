package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Each backend's migrations are a directory of numbered files: SQLite's
// in migrations/, PostgreSQL's in migrations/postgres/. A number names the
// same schema change in both (TestMigrationsMatchAcrossBackends).
//
//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migrationDir is where d's backend keeps its migrations.
func (d dialect) migrationDir() string {
	if d == postgresDialect {
		return "migrations/postgres"
	}
	return "migrations"
}

// migrationsTable is schema_migrations in the backend's own types.
func (d dialect) migrationsTable() string {
	applied := "TEXT"
	if d == postgresDialect {
		applied = "timestamptz"
	}
	return `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at ` + applied + ` NOT NULL)`
}

// migrationLock, run first in each migration's transaction, keeps two
// processes from applying the same migration at once. SQLite's write
// transaction (_txlock=immediate) already excludes the other.
func (d dialect) migrationLock() string {
	if d == postgresDialect {
		return `SELECT pg_advisory_xact_lock(hashtext('supportbot.migrate'))`
	}
	return ""
}

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files in version order; a file is named
// NNNN_description.sql and never edited once released.
func migrations(dir string) ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// Migrate applies every migration not yet recorded, each in its own
// transaction with its record, so a crash leaves either all of one or none.
func (d *DB) Migrate(ctx context.Context) error {
	_, err := d.Apply(ctx)
	return err
}

// Apply is Migrate reporting which migrations it applied.
func (d *DB) Apply(ctx context.Context) ([]string, error) {
	if _, err := d.db.ExecContext(ctx, d.dialect.migrationsTable()); err != nil {
		return nil, fmt.Errorf("create migrations table: %w", err)
	}
	all, err := migrations(d.dialect.migrationDir())
	if err != nil {
		return nil, err
	}
	var applied []string
	for _, m := range all {
		done, err := d.applyOne(ctx, m)
		if err != nil {
			return applied, err
		}
		if done {
			applied = append(applied, m.name)
		}
	}
	return applied, nil
}

func (d *DB) applyOne(ctx context.Context, m migration) (bool, error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	t := &Tx{tx: tx, d: d.dialect}
	if lock := d.dialect.migrationLock(); lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return false, fmt.Errorf("migration %s: lock: %w", m.name, err)
		}
	}
	var n int
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := t.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, stampOf(time.Now())); err != nil {
		return false, fmt.Errorf("record migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return true, nil
}

// Versions lists the migrations recorded in the file.
func (d *DB) Versions(ctx context.Context) ([]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("list migrations: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
