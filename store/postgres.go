package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"supportbot/ticketing"
)

// pgConns bounds the PostgreSQL pool: enough for the deliverer, the
// scheduler and a burst of inbound messages at once.
const pgConns = 10

// updateTries bounds how often an Update runs after losing serialization
// conflicts before its error reaches the caller. Sixteen writers at once
// on one client's rows (the bench at saturation, two replicas) lost five
// in a row now and then, turning a request into a 500 Slack retries; with
// burst grouping each message also reads and writes its sender's burst
// row, and under the race detector ten tries were not always enough.
const updateTries = 20

// maxRetryPause caps the backoff between two runs of an Update.
const maxRetryPause = 200 * time.Millisecond

// openPostgres connects to url and applies the PostgreSQL migrations.
func openPostgres(ctx context.Context, url string) (*DB, error) {
	if url == "" {
		return nil, errors.New("open store: empty PostgreSQL URL")
	}
	sqldb, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	sqldb.SetMaxOpenConns(pgConns)
	sqldb.SetMaxIdleConns(pgConns)
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	d := &DB{dialect: postgresDialect, db: sqldb, rdb: sqldb, url: url}
	if err := d.Migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	d.notify, d.stopNotify, d.notifierDone = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
	go d.notifier(d.stopNotify, d.notifierDone)
	return d, nil
}

// updateSerializable is PostgreSQL's Update: a SERIALIZABLE transaction,
// run again (as the Store contract allows) when it loses a conflict with
// another, a few times with a growing, jittered pause so racers spread out.
func (d *DB) updateSerializable(ctx context.Context, fn func(ticketing.Tx) error) error {
	pause := 5 * time.Millisecond
	for try := 1; ; try++ {
		err := d.updateOnce(ctx, fn)
		if err == nil || !isSerializationFailure(err) || try == updateTries {
			return err
		}
		select {
		case <-time.After(pause/2 + rand.N(pause)):
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		}
		pause = min(2*pause, maxRetryPause)
	}
}

func (d *DB) updateOnce(ctx context.Context, fn func(ticketing.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	t := &Tx{tx: tx, d: postgresDialect}
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if t.queued {
		d.queuedCommitted()
	}
	return nil
}

// Conn is a connection of the store's own for session-level work
// (advisory locks); the caller closes it. PostgreSQL only: SQLite's one
// writer connection is the writer's.
func (d *DB) Conn(ctx context.Context) (*sql.Conn, error) {
	if d.dialect != postgresDialect {
		return nil, errors.New("store: a dedicated connection needs PostgreSQL")
	}
	c, err := d.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store connection: %w", err)
	}
	return c, nil
}
