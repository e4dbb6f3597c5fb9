package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// SQLite copies the WAL back into the database file (a checkpoint, with
// its two fsyncs) inside whichever commit takes the WAL past 1 000 pages,
// so under load one commit in a few hundred stalls on the disk and every
// Update queued behind it waits too. The writer's connection does not
// checkpoint; a checkpointer does, beside it, on a connection of its own:
// it wakes after commits, at most every checkpointEvery, and runs a
// PASSIVE checkpoint, which never blocks the writer or the readers.
const checkpointEvery = 100 * time.Millisecond

// writerConnector opens the writer's connections: each one leaves
// checkpoints to the checkpointer, including one database/sql opens again
// after a broken one.
type writerConnector struct{ dsn string }

var writerDriver = &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
	if _, err := c.Exec(`PRAGMA wal_autocheckpoint = 0`, nil); err != nil {
		return fmt.Errorf("writer connection: %w", err)
	}
	return nil
}}

func (w writerConnector) Connect(context.Context) (driver.Conn, error) {
	return writerDriver.Open(w.dsn)
}
func (w writerConnector) Driver() driver.Driver { return writerDriver }

// checkpointer runs the checkpoints of one SQLite store until stopped.
type checkpointer struct {
	db   *sql.DB
	wake chan struct{}
	stop chan struct{}
	done chan struct{}
	once sync.Once
	err  error
}

func startCheckpointer(path string) (*checkpointer, error) {
	db, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, fmt.Errorf("checkpointer: %w", err)
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

// committed tells the checkpointer the WAL grew; it never blocks.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run() {
	defer close(c.done)
	pace := time.NewTimer(0)
	defer pace.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		// A failed checkpoint leaves the pages in the WAL, where readers
		// still find them; the next one copies them.
		_, _ = c.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
		pace.Reset(checkpointEvery)
		select {
		case <-c.stop:
			return
		case <-pace.C:
		}
	}
}

// close stops the checkpointer (once, however often the store is
// closed); the last connection to close checkpoints what is left.
func (c *checkpointer) close() error {
	c.once.Do(func() {
		close(c.stop)
		<-c.done
		c.err = c.db.Close()
	})
	return c.err
}
