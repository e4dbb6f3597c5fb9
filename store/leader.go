package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// Replicas on one PostgreSQL elect a leader with a session advisory lock:
// the server holds it for as long as the session that took it lives, and
// drops it the moment that session ends, whether the process exited,
// crashed or was killed. The key is the schema's, so stores in separate
// schemas of one database (the tests' per-test schemas) each have their own
// leader.
const leaderClass = 0x7362 // "sb": advisory locks of supportbot

// LeaderLock is a held leadership: a connection of its own whose session
// holds the lock. It is used by one goroutine at a time.
type LeaderLock struct {
	conn *sql.Conn
}

// TryLead takes leadership if no other session holds it, and returns nil,
// nil if one does. idle is how long the server keeps the session (and so
// the lock) once its holder stops talking: a holder whose host vanished
// without closing its connection loses the lock after idle, as long as it
// calls Held more often than that. PostgreSQL only.
func (d *DB) TryLead(ctx context.Context, idle time.Duration) (*LeaderLock, error) {
	conn, err := d.Conn(ctx)
	if err != nil {
		return nil, err
	}
	l := &LeaderLock{conn: conn}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext(current_schema()))`, leaderClass).Scan(&got); err != nil {
		return nil, errors.Join(fmt.Errorf("leader lock: %w", err), l.Release())
	}
	if !got {
		// Nothing was changed on the session: it goes back to the pool,
		// so followers asking every few seconds reuse one connection.
		conn.Close()
		return nil, nil
	}
	// idle_session_timeout (PostgreSQL 14) ends a silent session on the
	// server; before 14 the setting is unknown and the kernel's TCP
	// timeouts are all there is.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`SET idle_session_timeout = %d`, idle.Milliseconds())); err != nil {
		var pgErr interface{ SQLState() string }
		if !errors.As(err, &pgErr) || pgErr.SQLState() != "42704" {
			return nil, errors.Join(fmt.Errorf("leader lock: %w", err), l.Release())
		}
	}
	return l, nil
}

// Held checks, with a round trip on the lock's own session, that the lock
// is still held: an error means the session is gone or lost it, and with it
// the leadership.
func (l *LeaderLock) Held(ctx context.Context) error {
	var held bool
	err := l.conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND classid = $1)`,
		leaderClass).Scan(&held)
	if err != nil {
		return fmt.Errorf("leader lock: %w", err)
	}
	if !held {
		return errors.New("leader lock: no longer held")
	}
	return nil
}

// releaseWait bounds the unlock of a session that may be dead already.
const releaseWait = time.Second

// Release gives leadership up: it unlocks, so the next replica may lead as
// soon as Release returns (a closing session frees its locks only once the
// server has noticed), then ends the session, which also frees the lock
// if the unlock could not reach the server. Closing a sql.Conn alone would
// put it back in the pool, still holding the lock.
func (l *LeaderLock) Release() error {
	ctx, cancel := context.WithTimeout(context.Background(), releaseWait)
	defer cancel()
	_, _ = l.conn.ExecContext(ctx, `SELECT pg_advisory_unlock_all()`)
	_ = l.conn.Raw(func(any) error { return driver.ErrBadConn })
	if err := l.conn.Close(); err != nil && !errors.Is(err, sql.ErrConnDone) {
		return fmt.Errorf("leader lock: %w", err)
	}
	return nil
}
