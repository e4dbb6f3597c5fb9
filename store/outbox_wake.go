package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// OnQueued registers wake, called after every commit of a transaction that
// queued outbox items, in this process, so the deliverer starts on them at
// once instead of at its next poll. Register it before the store is in
// use; wake must not block.
func (d *DB) OnQueued(wake func()) { d.onQueued.Store(&wake) }

// queuedCommitted calls the OnQueued hook and tells the other replicas.
func (d *DB) queuedCommitted() {
	if wake := d.onQueued.Load(); wake != nil {
		(*wake)()
	}
	if d.notifyPeers.Load() {
		select {
		case d.notify <- struct{}{}:
		default:
		}
	}
}

// NotifyPeers says whether commits that queue replies are announced to the
// other replicas of a PostgreSQL store (see ListenOutbox): a follower's
// are, the leader's need not be, as it delivers them itself.
func (d *DB) NotifyPeers(on bool) { d.notifyPeers.Store(on) }

// outboxChannel carries the announcements, with the schema's name as
// payload.
const outboxChannel = "supportbot_outbox"

// notifier announces queued replies after their commits, one NOTIFY for
// all those that committed while the last one was sent, until stop. Not
// in the transactions themselves: a NOTIFY takes a database-wide lock at
// commit, which would line up every transaction that queued a reply.
func (d *DB) notifier(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	for {
		select {
		case <-stop:
			return
		case <-d.notify:
		}
		ctx, cancel := context.WithTimeout(context.Background(), listenRetry)
		// A lost announcement costs only the wait until the leader's poll.
		_, _ = d.db.ExecContext(ctx, `SELECT pg_notify($1, current_schema())`, outboxChannel)
		cancel()
	}
}

// Listen retry pauses: the first after a lost connection, and the longest.
const (
	listenRetry    = time.Second
	listenRetryMax = 30 * time.Second
)

// ListenOutbox calls wake whenever another replica announces replies it
// queued in this store (see NotifyPeers), until ctx ends: it LISTENs on a connection of its own, outside the
// pool (a pooled connection would be handed to others between waits), and
// connects again after losing it, calling wake on each (re)connection for
// what was queued meanwhile. The caller still polls now and then: a
// notification the server sent while no one listened is lost. warn hears
// each lost connection. Returns at once on SQLite, where every writer is
// in this process and OnQueued hears them all.
func (d *DB) ListenOutbox(ctx context.Context, wake func(), warn func(error)) {
	if d.dialect != postgresDialect {
		return
	}
	pause := listenRetry
	for ctx.Err() == nil {
		listening := func() { pause = listenRetry; wake() }
		err := d.listenOnce(ctx, wake, listening)
		if ctx.Err() != nil {
			return
		}
		warn(err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, listenRetryMax)
	}
}

// listenOnce listens on one connection until it fails or ctx ends;
// listening is called once the LISTEN took.
func (d *DB) listenOnce(ctx context.Context, wake, listening func()) error {
	conn, err := pgx.Connect(ctx, d.url)
	if err != nil {
		return fmt.Errorf("listen for queued replies: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseWait)
		defer cancel()
		_ = conn.Close(closeCtx)
	}()
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("listen for queued replies: %w", err)
	}
	if _, err := conn.Exec(ctx, `LISTEN `+outboxChannel); err != nil {
		return fmt.Errorf("listen for queued replies: %w", err)
	}
	listening()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("listen for queued replies: %w", err)
		}
		// Stores in other schemas of the database share the channel.
		if n.Payload == schema {
			wake()
		}
	}
}
