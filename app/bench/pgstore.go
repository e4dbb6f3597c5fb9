package bench

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"

	"supportbot/store"
)

// benchStore is where one step of the bench keeps its store: a SQLite file
// under the bench's directory, or with -store a schema of its own on the
// PostgreSQL server, dropped when the bench ends.
type benchStore struct {
	opts store.Options
	drop func() error
}

// sqliteStore is the file name.db under dir.
func sqliteStore(path string) benchStore {
	return benchStore{opts: store.Options{Driver: store.DriverSQLite, Path: path}, drop: func() error { return nil }}
}

// postgresSchema makes a fresh schema named after step on the server base
// names and points a URL at it.
func postgresSchema(ctx context.Context, base, step string) (benchStore, error) {
	u, err := url.Parse(base)
	if err != nil {
		return benchStore{}, fmt.Errorf("bench: -store: want a postgres:// URL")
	}
	b := make([]byte, 4)
	rand.Read(b)
	schema := "supportbot_bench_" + step + "_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return benchStore{}, fmt.Errorf("bench: -store: %w", err)
	}
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		return benchStore{}, fmt.Errorf("bench: create schema on -store: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return benchStore{
		opts: store.Options{Driver: store.DriverPostgres, URL: u.String()},
		drop: func() error {
			defer admin.Close()
			_, err := admin.ExecContext(context.WithoutCancel(ctx), `DROP SCHEMA `+schema+` CASCADE`)
			return err
		},
	}, nil
}

// yaml is the store section of the step's configuration.
func (s benchStore) yaml() string {
	if s.opts.Driver == store.DriverPostgres {
		return fmt.Sprintf("store: {driver: postgres, url: %q}\n", s.opts.URL)
	}
	return fmt.Sprintf("store: {path: %q}\n", s.opts.Path)
}

// raw opens the store's database without the store, for the raw floor.
func (s benchStore) raw() (*sql.DB, error) {
	if s.opts.Driver == store.DriverPostgres {
		db, err := sql.Open("pgx", s.opts.URL)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		return db, nil
	}
	return openRaw(s.opts.Path)
}

// placeholder is the n-th (from 1) bind parameter in the store's SQL.
func (s benchStore) placeholder(n int) string {
	if s.opts.Driver == store.DriverPostgres {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}

func isPostgresURL(s string) bool {
	o, err := store.ParseLocation(s)
	return err == nil && o.Driver == store.DriverPostgres
}
