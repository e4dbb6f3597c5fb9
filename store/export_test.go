package store

import "time"

// DueStatement is DueOutbox's statement on db's driver and its arguments
// for the deliverer's read at now, so tests can check the plan of the very
// statement the deliverer runs.
func DueStatement(db *DB, now time.Time) (string, []any) {
	q, args := db.dialect.dueStatement(now, 8)
	return db.dialect.rebind(q), db.dialect.args(args)
}
