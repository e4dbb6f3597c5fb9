package store

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// dialect is what differs between the backends below the shared query
// code. Queries are written once, in SQLite's spelling with ? placeholders
// and ON CONFLICT upserts (which PostgreSQL shares); the Tx helpers pass
// them through rebind and bind their arguments through arg.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// Drivers, as store.driver names them.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

func (d dialect) String() string {
	if d == postgresDialect {
		return DriverPostgres
	}
	return DriverSQLite
}

// rebind turns ? placeholders into PostgreSQL's $n. No query of the store
// has a ? inside a string literal, so a plain scan is enough.
func (d dialect) rebind(q string) string {
	if d != postgresDialect || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stamp is an instant on its way into a query; each backend stores it its
// own way: fixed-width UTC text in SQLite (see timeLayout), timestamptz in
// PostgreSQL. A stamp with unset is "no time" in a column that SQLite keeps
// NOT NULL with the empty text (outbox.in_flight_at) and PostgreSQL keeps NULL.
type stamp struct {
	t     time.Time
	unset bool
}

// arg is a query argument as this backend stores it.
func (d dialect) arg(v any) any {
	switch v := v.(type) {
	case stamp:
		switch {
		case d == postgresDialect && v.unset:
			return nil
		case d == postgresDialect:
			// Truncated as SQLite's text is, so both keep the same instant.
			return v.t.UTC().Truncate(time.Millisecond)
		case v.unset:
			return ""
		default:
			return v.t.UTC().Format(timeLayout)
		}
	case time.Time:
		// Only a copy between backends binds a raw time.
		return d.arg(stamp{t: v})
	}
	return v
}

func (d dialect) args(in []any) []any {
	out := make([]any, len(in))
	for i, v := range in {
		out[i] = d.arg(v)
	}
	return out
}

// isUniqueViolation reports a broken UNIQUE or PRIMARY KEY rule.
func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrConstraint &&
			(se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isSerializationFailure reports a PostgreSQL transaction that lost a
// conflict (SQLSTATE 40001) or a deadlock (40P01) and may simply run again.
func isSerializationFailure(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// readOptions are View's: a snapshot of committed data that takes no write
// lock. PostgreSQL needs REPEATABLE READ for one snapshot across
// statements; SQLite's read transaction is one already and its driver
// accepts only the default level.
func (d dialect) readOptions() *sql.TxOptions {
	if d == postgresDialect {
		return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// queuesFresh: on PostgreSQL, replicas queue replies side by side, so a
// reply is queued fresh and the delivering replica places it among the
// conversations' heads (see settleFresh). SQLite's single writer places
// every reply as it is queued: no fresh reply exists there, and nothing
// reads for one.
func (d dialect) queuesFresh() bool { return d == postgresDialect }

// statementAbortsTx: after a failed statement PostgreSQL refuses every
// other one until the transaction ends, where SQLite undoes only that
// statement. Statements that may fail on purpose (a duplicate) run inside
// a savepoint there (see Tx.guarded).
func (d dialect) statementAbortsTx() bool { return d == postgresDialect }
