package store

import "time"

// DueStatement is DueOutbox's statement on db's driver and its arguments
// for the deliverer's read at now, so tests can check the plan of the very
// statement the deliverer runs.
func DueStatement(db *DB, now time.Time) (string, []any) {
	q, args := dueHeadsQuery, []any{stampOf(now), 8}
	if db.dialect.queuesFresh() {
		q, args = dueQuery, []any{stampOf(now), 8, stampOf(now), 8, 8}
	}
	return db.dialect.rebind(q), db.dialect.args(args)
}
