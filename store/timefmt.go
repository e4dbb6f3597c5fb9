package store

import (
	"fmt"
	"time"
)

// timeLayout stores instants as fixed-width UTC text in SQLite: readable in
// the sqlite3 shell and ordered correctly by plain string comparison, which
// the indexes on due times rely on. PostgreSQL keeps timestamptz instead
// (see dialect.arg), to the same millisecond.
const timeLayout = "2006-01-02T15:04:05.000Z"

// stampOf binds an instant to a query.
func stampOf(t time.Time) stamp { return stamp{t: t} }

// nullStamp binds the zero time as NULL.
func nullStamp(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return stamp{t: t}
}

// noStamp is "no time" in outbox.in_flight_at (see stamp).
var noStamp = stamp{unset: true}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// instant scans a stored time from either backend, in UTC: SQLite's text
// or PostgreSQL's timestamptz. NULL and the empty text are the zero time.
type instant struct{ t *time.Time }

func (i instant) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*i.t = time.Time{}
	case time.Time:
		*i.t = v.UTC()
	case string:
		return i.parse(v)
	case []byte:
		return i.parse(string(v))
	default:
		return fmt.Errorf("stored time: unexpected %T", src)
	}
	return nil
}

func (i instant) parse(s string) error {
	if s == "" {
		*i.t = time.Time{}
		return nil
	}
	t, err := parseTime(s)
	*i.t = t
	return err
}
