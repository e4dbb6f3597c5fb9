// Package store is the only package that speaks SQL. It keeps supportbot's
// state in one SQLite file through mattn/go-sqlite3 and implements
// ticketing.Store.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"supportbot/ticketing"
)

var _ ticketing.Store = (*DB)(nil)

// DB is an open store file: one writer connection and a pool of readers.
// SQLite takes one writer at a time; queuing writers on a Go connection
// pool instead of SQLite's busy handler (which sleeps in growing steps)
// keeps the queue fair and its tail short under load, and readers in WAL
// mode never wait for the writer.
type DB struct {
	db   *sql.DB // the writer
	rdb  *sql.DB // readers
	path string

	writes     chan write
	writerDone chan struct{}
	closeMu    sync.RWMutex
	closed     bool
}

// readers is the size of the read pool.
const readers = 4

// DSN is the connection string for path with the pragmas every connection
// needs, and a statement cache so the same few statements are not parsed
// again for every ticket. mattn/go-sqlite3 applies DSN pragmas when it
// opens each connection, so a connection the pool opens later gets them too
// (a PRAGMA run once on the pool would reach only one connection).
// _txlock=immediate takes the write lock at BEGIN, so two writers queue on
// busy_timeout instead of one failing when it upgrades a read lock.
func DSN(path string) string {
	return dsn(path, "_journal_mode", "WAL", "_synchronous", "NORMAL", "_txlock", "immediate")
}

// readDSN is DSN for the read pool: deferred transactions take no write
// lock, and query_only makes a stray write an error rather than a surprise.
func readDSN(path string) string {
	return dsn(path, "_txlock", "deferred", "_query_only", "true")
}

// dsn adds pairs of pragma settings to those both pools share.
func dsn(path string, pairs ...string) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_stmt_cache_size", "64")
	for i := 0; i+1 < len(pairs); i += 2 {
		q.Set(pairs[i], pairs[i+1])
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the store at path and applies migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	sqldb, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	d := &DB{db: sqldb, path: path}
	if err := d.Migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	// Opened after the migrations, so readers find the WAL file in place.
	if d.rdb, err = sql.Open("sqlite3", readDSN(path)); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open store %s for reading: %w", path, err)
	}
	d.rdb.SetMaxOpenConns(readers)
	d.rdb.SetMaxIdleConns(readers)
	d.writes, d.writerDone = make(chan write, 4*maxBatch), make(chan struct{})
	go d.writer()
	return d, nil
}

// Path is the file the store lives in.
func (d *DB) Path() string { return d.path }

// SQL exposes the pool for benchmarks that compare against raw inserts.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes every connection.
func (d *DB) Close() error {
	d.stopWriter()
	if err := errors.Join(d.rdb.Close(), d.db.Close()); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// View runs fn in a transaction that is always rolled back.
func (d *DB) View(ctx context.Context, fn func(ticketing.Tx) error) error {
	tx, err := d.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Tx{tx: tx})
}

// Ping checks that the store answers and can be written, for readiness.
func (d *DB) Ping(ctx context.Context, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO heartbeat (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at`, formatTime(at))
	if err != nil {
		return fmt.Errorf("store not writable: %w", err)
	}
	return nil
}
