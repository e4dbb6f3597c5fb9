package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"supportbot/ticketing"
)

var _ ticketing.Tx = (*Tx)(nil)

// Tx is one transaction; it is only valid inside Update or View. Every
// statement goes through exec, query or queryRow, which speak the
// transaction's dialect.
type Tx struct {
	tx *sql.Tx
	d  dialect
	// queued is set once the transaction queued an outbox item, so its
	// commit wakes the deliverer (see DB.OnQueued).
	queued bool
	// held lists the ids edits may be held for; nil asks the table.
	held *heldEditIDs
}

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.d.rebind(q), t.d.args(args)...)
}

func (t *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.d.rebind(q), t.d.args(args)...)
}

func (t *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.d.rebind(q), t.d.args(args)...)
}

// guarded runs a statement that may break a uniqueness rule on purpose and
// reports that as ErrDuplicate, leaving the transaction usable as the
// contract promises: on PostgreSQL inside a savepoint, since there a failed
// statement would abort the whole transaction. Inserts say ON CONFLICT DO
// NOTHING instead (insertNew, insertOnce), which fails nothing and costs
// no savepoint; an UPDATE has no such clause.
func (t *Tx) guarded(ctx context.Context, stmt func() error) error {
	if !t.d.statementAbortsTx() {
		return duplicate(stmt())
	}
	if _, err := t.tx.ExecContext(ctx, `SAVEPOINT guarded`); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if err := stmt(); err != nil {
		if _, rbErr := t.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT guarded`); rbErr != nil {
			return errors.Join(err, fmt.Errorf("roll back to savepoint: %w", rbErr))
		}
		return duplicate(err)
	}
	if _, err := t.tx.ExecContext(ctx, `RELEASE SAVEPOINT guarded`); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}

// insertNew runs an INSERT that ends in ON CONFLICT DO NOTHING RETURNING
// a column into dest: a row that would break a uniqueness rule is not
// written, which is reported as ErrDuplicate. Nothing fails, so unlike
// guarded it needs no savepoint on PostgreSQL, two round trips fewer for
// the inserts every message makes.
func (t *Tx) insertNew(ctx context.Context, dest any, q string, args ...any) error {
	err := t.queryRow(ctx, q, args...).Scan(dest)
	if errors.Is(err, sql.ErrNoRows) {
		return ticketing.ErrDuplicate
	}
	return err
}

// insertOnce is insertNew for an INSERT that returns nothing: no row
// written is the duplicate. SQLite's RETURNING costs several times the
// plain insert, so a caller that needs no id counts rows instead.
func (t *Tx) insertOnce(ctx context.Context, q string, args ...any) error {
	res, err := t.exec(ctx, q, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ticketing.ErrDuplicate
	}
	return nil
}

// duplicate reports a unique violation as ErrDuplicate.
func duplicate(err error) error {
	if isUniqueViolation(err) {
		return ticketing.ErrDuplicate
	}
	return err
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ticketing.ErrNotFound
	}
	return err
}

// splitCues and joinCues keep the classifier's cues in one column; cues are
// short lexicon labels that never contain a newline.
func joinCues(cues []string) string { return strings.Join(cues, "\n") }

func splitCues(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func isNotFound(err error) bool { return errors.Is(err, ticketing.ErrNotFound) }

// scanValues reads the current row of n columns as the driver gives them,
// for code that handles any table (a copy, a personal-data export).
func scanValues(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	return vals, nil
}
