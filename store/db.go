// Package store is the only package that speaks SQL. It keeps supportbot's
// state in one SQLite file through mattn/go-sqlite3 (the default), or in a
// PostgreSQL database through pgx, and implements ticketing.Store on both
// with the same queries (see dialect).
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
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"supportbot/ticketing"
)

var _ ticketing.Store = (*DB)(nil)

// DB is an open store. On SQLite: one writer connection and a pool of
// readers. SQLite takes one writer at a time; queuing writers on a Go
// connection pool instead of SQLite's busy handler (which sleeps in growing
// steps) keeps the queue fair and its tail short under load, and readers in
// WAL mode never wait for the writer. On PostgreSQL: one pool for both, and
// each Update its own serializable transaction (see postgres.go).
type DB struct {
	dialect dialect
	db      *sql.DB // the writer
	rdb     *sql.DB // readers
	path    string
	lock    *fileLock // held when opened Exclusive

	url string // PostgreSQL's, for the outbox listener's own connection

	writes     chan write
	writerDone chan struct{}
	held       *heldEditIDs // SQLite's writer only
	ckpt       *checkpointer
	onQueued   atomic.Pointer[func()]
	// notify wakes the notifier (PostgreSQL), which stops on stopNotify.
	notifyPeers  atomic.Bool
	notify       chan struct{}
	stopNotify   chan struct{}
	notifierDone chan struct{}
	notifyOnce   sync.Once
	closeMu      sync.RWMutex
	closed       bool
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

// Options say which store to open; store.driver, store.path and store.url
// of the configuration.
type Options struct {
	// Driver is DriverSQLite (also when empty) or DriverPostgres.
	Driver string
	// Path is the SQLite file.
	Path string
	// URL is the PostgreSQL connection URL (postgres://user:pass@host/db).
	URL string
	// Exclusive, on SQLite, holds a lock beside the file for as long as the
	// store is open, so a second exclusive open (a second run) fails at
	// once with a *LockedError. Commands that only read leave it off.
	// PostgreSQL takes many processes and ignores it.
	Exclusive bool
}

// OpenWith opens (creating if needed) the store opts name and applies
// migrations.
func OpenWith(ctx context.Context, opts Options) (*DB, error) {
	switch opts.Driver {
	case "", DriverSQLite:
		if !opts.Exclusive {
			return Open(ctx, opts.Path)
		}
		return openExclusive(ctx, opts.Path)
	case DriverPostgres:
		return openPostgres(ctx, opts.URL)
	}
	return nil, fmt.Errorf("open store: unknown driver %q (want %s or %s)", opts.Driver, DriverSQLite, DriverPostgres)
}

// Open opens (creating if needed) the SQLite store at path and applies
// migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	sqldb := sql.OpenDB(writerConnector{dsn: DSN(path)})
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	d := &DB{dialect: sqliteDialect, db: sqldb, path: path}
	err := d.Migrate(ctx)
	if err != nil {
		sqldb.Close()
		return nil, err
	}
	if d.held, err = loadHeldEditIDs(ctx, d); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// Opened after the migrations, so readers find the WAL file in place.
	if d.rdb, err = sql.Open("sqlite3", readDSN(path)); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open store %s for reading: %w", path, err)
	}
	d.rdb.SetMaxOpenConns(readers)
	d.rdb.SetMaxIdleConns(readers)
	if d.ckpt, err = startCheckpointer(path); err != nil {
		sqldb.Close()
		d.rdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	d.writes, d.writerDone = make(chan write, 4*maxBatch), make(chan struct{})
	go d.writer()
	return d, nil
}

// Path is the file the store lives in; empty on PostgreSQL.
func (d *DB) Path() string { return d.path }

// Driver is DriverSQLite or DriverPostgres.
func (d *DB) Driver() string { return d.dialect.String() }

// SQL exposes the pool for benchmarks that compare against raw inserts.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes every connection.
func (d *DB) Close() error {
	var errs []error
	if d.dialect == sqliteDialect {
		d.stopWriter()
		if d.ckpt != nil {
			errs = append(errs, d.ckpt.close())
		}
	}
	if d.stopNotify != nil {
		d.notifyOnce.Do(func() { close(d.stopNotify) })
		<-d.notifierDone
	}
	errs = append(errs, d.db.Close())
	if d.rdb != d.db {
		errs = append(errs, d.rdb.Close())
	}
	if d.lock != nil {
		errs = append(errs, d.lock.release())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Update runs fn in a write transaction: its changes all commit or none
// do, and Update returns once that is decided.
func (d *DB) Update(ctx context.Context, fn func(ticketing.Tx) error) error {
	if d.dialect == postgresDialect {
		return d.updateSerializable(ctx, fn)
	}
	return d.updateQueued(ctx, fn)
}

// View runs fn in a transaction that is always rolled back.
func (d *DB) View(ctx context.Context, fn func(ticketing.Tx) error) error {
	tx, err := d.rdb.BeginTx(ctx, d.dialect.readOptions())
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Tx{tx: tx, d: d.dialect})
}

// Ping checks that the store answers and can be written, for readiness.
func (d *DB) Ping(ctx context.Context, at time.Time) error {
	_, err := d.db.ExecContext(ctx, d.dialect.rebind(`INSERT INTO heartbeat (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at`),
		d.dialect.arg(stampOf(at)))
	if err != nil {
		return fmt.Errorf("store not writable: %w", err)
	}
	return nil
}
