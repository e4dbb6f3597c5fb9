package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"supportbot/ticketing"
)

// maxBatch bounds how many Updates share one commit.
const maxBatch = 128

// write is one Update waiting for the writer.
type write struct {
	ctx  context.Context
	fn   func(ticketing.Tx) error
	done chan error
}

// writer commits Updates in batches: everything that queued while the
// previous commit ran goes into the next transaction, each Update inside its
// own savepoint. A commit costs the same for one change or a hundred, so
// under load the store keeps up with many more changes per second, while
// each Update still commits all of its changes or none, and returns only
// once they are durable.
func (d *DB) writer() {
	defer close(d.writerDone)
	for first := range d.writes {
		batch := []write{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case w, ok := <-d.writes:
				if !ok {
					break drain
				}
				batch = append(batch, w)
			default:
				break drain
			}
		}
		d.commitBatch(batch)
	}
}

func (d *DB) commitBatch(batch []write) {
	results := make([]error, len(batch))
	tx, err := d.db.BeginTx(context.Background(), nil)
	if err != nil {
		for _, w := range batch {
			w.done <- fmt.Errorf("begin: %w", err)
		}
		return
	}
	queued := false
	for i, w := range batch {
		var broken error
		t := &Tx{tx: tx, d: sqliteDialect, held: d.held}
		results[i], broken = runInSavepoint(t, w)
		queued = queued || t.queued && results[i] == nil
		if broken != nil {
			// A failed update could not be undone on its own: nothing in
			// this batch may commit.
			_ = tx.Rollback()
			for _, w := range batch {
				w.done <- fmt.Errorf("store batch abandoned: %w", broken)
			}
			return
		}
	}
	err = tx.Commit()
	if err == nil && d.ckpt != nil {
		d.ckpt.committed()
	}
	if err != nil {
		for i := range results {
			if results[i] == nil {
				results[i] = fmt.Errorf("commit: %w", err)
			}
		}
	}
	for i, w := range batch {
		w.done <- results[i]
	}
	if queued && err == nil {
		d.queuedCommitted()
	}
}

// runInSavepoint runs one Update so that its failure (or panic) undoes
// only its own changes. broken reports that the savepoint itself failed, so
// the update's changes may still be in the transaction.
func runInSavepoint(t *Tx, w write) (err, broken error) {
	tx := t.tx
	if err := w.ctx.Err(); err != nil {
		return err, nil
	}
	if _, err := tx.Exec(`SAVEPOINT upd`); err != nil {
		return nil, fmt.Errorf("savepoint: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store update panicked: %v\n%s", p, debug.Stack())
		}
		if err != nil {
			if _, rbErr := tx.Exec(`ROLLBACK TO upd`); rbErr != nil {
				broken = fmt.Errorf("rolling back a failed update: %w", rbErr)
			}
		}
		if _, relErr := tx.Exec(`RELEASE upd`); relErr != nil && broken == nil {
			broken = fmt.Errorf("release savepoint: %w", relErr)
		}
	}()
	return w.fn(t), nil
}

// errClosed answers Updates after Close.
var errClosed = errors.New("store is closed")

// updateQueued is SQLite's Update: Updates queued together share one
// commit (see writer), and the single writer makes them serializable.
func (d *DB) updateQueued(ctx context.Context, fn func(ticketing.Tx) error) error {
	w := write{ctx: ctx, fn: fn, done: make(chan error, 1)}
	d.closeMu.RLock()
	if d.closed {
		d.closeMu.RUnlock()
		return errClosed
	}
	select {
	case d.writes <- w:
	case <-ctx.Done():
		d.closeMu.RUnlock()
		return ctx.Err()
	}
	d.closeMu.RUnlock()
	// Always wait for the answer: once queued, the update may commit, and
	// the caller must not believe otherwise.
	return <-w.done
}

// stopWriter lets queued Updates finish and stops the writer.
func (d *DB) stopWriter() {
	d.closeMu.Lock()
	if !d.closed {
		d.closed = true
		close(d.writes)
	}
	d.closeMu.Unlock()
	<-d.writerDone
}
