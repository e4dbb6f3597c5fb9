package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// copyTables is every table of a store, parents before the rows that point
// at them so each insert meets the foreign keys. A migration that adds a
// table adds it here (TestCopyTablesAreEveryTable).
var copyTables = []string{
	"clients", "staff", "whatsapp_contacts", "whatsapp_invitations",
	"tickets", "ticket_messages", "inbound_events", "outbox", "notifications",
	"audit_log", "digests", "heartbeat", "unknown_contacts", "ticket_files", "message_revisions", "pending_edits", "bursts", "critical_questions", "corrections", "csat",
	"next_responses", "phone_health", "whatsapp_windows", "desk_articles", "ticket_cards",
}

// TableCount is how many rows of one table a copy moved.
type TableCount struct {
	Table string
	Rows  int64
}

// CopyReport lists what Copy moved, table by table in copy order.
type CopyReport struct {
	Tables []TableCount
}

// Rows is the total copied.
func (r CopyReport) Rows() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.Rows
	}
	return n
}

// Copy copies every row of every table of from into to, in one pass: one
// snapshot of from, one transaction on to, so to ends with all of from or
// nothing. Rows keep their ids (ticket numbers are what clients quote), and
// on PostgreSQL the id sequences continue after the highest copied. Both
// stores must be at the same migrations; to must be empty. Each table's
// count in to is checked against from's before the commit.
func Copy(ctx context.Context, from, to *DB) (CopyReport, error) {
	if err := sameVersions(ctx, from, to); err != nil {
		return CopyReport{}, err
	}
	src, err := from.rdb.BeginTx(ctx, from.dialect.readOptions())
	if err != nil {
		return CopyReport{}, fmt.Errorf("copy: read source: %w", err)
	}
	defer src.Rollback()
	dst, err := to.db.BeginTx(ctx, nil)
	if err != nil {
		return CopyReport{}, fmt.Errorf("copy: write target: %w", err)
	}
	defer dst.Rollback()
	c := &copier{src: &Tx{tx: src, d: from.dialect}, dst: &Tx{tx: dst, d: to.dialect}}
	if err := c.refuseNonEmpty(ctx); err != nil {
		return CopyReport{}, err
	}
	var report CopyReport
	for _, table := range copyTables {
		n, err := c.table(ctx, table)
		if err != nil {
			return CopyReport{}, fmt.Errorf("copy %s: %w", table, err)
		}
		report.Tables = append(report.Tables, TableCount{Table: table, Rows: n})
	}
	if err := c.verify(ctx, report); err != nil {
		return CopyReport{}, err
	}
	if err := c.continueIDs(ctx); err != nil {
		return CopyReport{}, err
	}
	if err := c.dst.placeCopied(ctx); err != nil {
		return CopyReport{}, fmt.Errorf("copy: %w", err)
	}
	if err := dst.Commit(); err != nil {
		return CopyReport{}, fmt.Errorf("copy: commit: %w", err)
	}
	return report, nil
}

func sameVersions(ctx context.Context, from, to *DB) error {
	fv, err := from.Versions(ctx)
	if err != nil {
		return fmt.Errorf("copy: source: %w", err)
	}
	tv, err := to.Versions(ctx)
	if err != nil {
		return fmt.Errorf("copy: target: %w", err)
	}
	if !slices.Equal(fv, tv) {
		return fmt.Errorf("copy: source has migrations %v, target %v: open both with the same supportbot", fv, tv)
	}
	return nil
}

type copier struct {
	src, dst *Tx
}

func (c *copier) refuseNonEmpty(ctx context.Context) error {
	for _, table := range copyTables {
		n, err := count(ctx, c.dst, table)
		if err != nil {
			return fmt.Errorf("copy: target: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("copy: target is not empty (%s has %d rows): copy only into a new store", table, n)
		}
	}
	return nil
}

func count(ctx context.Context, t *Tx, table string) (int64, error) {
	var n int64
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		return 0, fmt.Errorf("count %s: %w", table, err)
	}
	return n, nil
}

// copyChunk is how many rows go into one INSERT, under both backends'
// limits on bound parameters.
func copyChunk(cols int) int { return max(1, 30000/cols) }

// table copies one table, streaming from the source in chunks.
func (c *copier) table(ctx context.Context, table string) (int64, error) {
	cols, err := columns(ctx, c.dst, table)
	if err != nil {
		return 0, err
	}
	conv, err := c.converters(ctx, table, cols)
	if err != nil {
		return 0, err
	}
	rows, err := c.src.query(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table+` ORDER BY 1`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	chunk := make([]any, 0, copyChunk(len(cols))*len(cols))
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return n, err
		}
		for i, v := range vals {
			chunk = append(chunk, conv[i](v))
		}
		if len(chunk) == cap(chunk) {
			if err := c.insert(ctx, table, cols, chunk); err != nil {
				return n, err
			}
			n += int64(len(chunk) / len(cols))
			chunk = chunk[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if len(chunk) > 0 {
		if err := c.insert(ctx, table, cols, chunk); err != nil {
			return n, err
		}
		n += int64(len(chunk) / len(cols))
	}
	return n, nil
}

func (c *copier) insert(ctx context.Context, table string, cols []string, vals []any) error {
	row := "(" + placeholders(len(cols)) + ")"
	rows := strings.TrimSuffix(strings.Repeat(row+", ", len(vals)/len(cols)), ", ")
	_, err := c.dst.exec(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES `+rows, vals...)
	return err
}

// columns lists a table's columns as the target has them.
func columns(ctx context.Context, t *Tx, table string) ([]string, error) {
	rows, err := t.query(ctx, `SELECT * FROM `+table+` WHERE 1 = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// colKind is what a column holds where the backends store it differently.
type colKind int

const (
	plainCol colKind = iota
	timeCol
	boolCol
	dateCol
)

// converters say how each column's values cross from the source's types
// to the target's. PostgreSQL's column types tell which columns are
// instants, flags and dates; SQLite's declared types cannot.
func (c *copier) converters(ctx context.Context, table string, cols []string) ([]func(any) any, error) {
	kinds := map[string]colKind{}
	var notNull map[string]bool
	switch {
	case c.dst.d == postgresDialect:
		var err error
		if kinds, err = pgKinds(ctx, c.dst, table); err != nil {
			return nil, err
		}
	case c.src.d == postgresDialect:
		var err error
		if kinds, err = pgKinds(ctx, c.src, table); err != nil {
			return nil, err
		}
		if notNull, err = sqliteNotNull(ctx, c.dst, table); err != nil {
			return nil, err
		}
	}
	out := make([]func(any) any, len(cols))
	for i, col := range cols {
		kind, required := kinds[col], notNull[col]
		out[i] = func(v any) any { return c.dst.d.arg(convert(v, kind, required)) }
	}
	return out, nil
}

// convert brings v to the Go value of its kind, which the target's dialect
// then binds: an instant as time.Time (SQLite's text parsed, empty text as none), a
// flag as bool, a date as its ISO text. required is a SQLite NOT NULL
// column, where "no time" is the empty text (outbox.in_flight_at).
func convert(v any, kind colKind, required bool) any {
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	switch kind {
	case timeCol:
		if s, ok := v.(string); ok {
			if s == "" {
				v = nil
			} else if t, err := parseTime(s); err == nil {
				v = t
			}
		}
		if v == nil && required {
			return noStamp
		}
	case boolCol:
		if n, ok := v.(int64); ok {
			return n != 0
		}
	case dateCol:
		if t, ok := v.(time.Time); ok {
			return t.Format(time.DateOnly)
		}
	}
	return v
}

func pgKinds(ctx context.Context, t *Tx, table string) (map[string]colKind, error) {
	rows, err := t.query(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ?`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kinds := map[string]colKind{}
	for rows.Next() {
		var col, typ string
		if err := rows.Scan(&col, &typ); err != nil {
			return nil, err
		}
		switch typ {
		case "timestamp with time zone":
			kinds[col] = timeCol
		case "boolean":
			kinds[col] = boolCol
		case "date":
			kinds[col] = dateCol
		}
	}
	return kinds, rows.Err()
}

func sqliteNotNull(ctx context.Context, t *Tx, table string) (map[string]bool, error) {
	rows, err := t.query(ctx, `SELECT name, "notnull" FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var col string
		var nn bool
		if err := rows.Scan(&col, &nn); err != nil {
			return nil, err
		}
		out[col] = nn
	}
	return out, rows.Err()
}

// verify compares every table's count in the target with the source's.
func (c *copier) verify(ctx context.Context, report CopyReport) error {
	var problems []error
	for _, tc := range report.Tables {
		want, err := count(ctx, c.src, tc.Table)
		if err != nil {
			return fmt.Errorf("copy: verify: source: %w", err)
		}
		got, err := count(ctx, c.dst, tc.Table)
		if err != nil {
			return fmt.Errorf("copy: verify: target: %w", err)
		}
		if got != want || tc.Rows != want {
			problems = append(problems, fmt.Errorf("%s: source %d rows, copied %d, target has %d", tc.Table, want, tc.Rows, got))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("copy: counts differ, nothing kept: %w", errors.Join(problems...))
	}
	return nil
}

// continueIDs makes the target number on after the source: a new ticket
// gets a number the source never gave out. PostgreSQL's identity sequences
// move past the highest id copied and past what the source's own counters
// had given out (a ticket since deleted); SQLite's AUTOINCREMENT counter
// (sqlite_sequence) likewise. SQLite's other tables need nothing: their
// next id is always the highest one plus one.
func (c *copier) continueIDs(ctx context.Context) error {
	used, err := usedIDs(ctx, c.src)
	if err != nil {
		return fmt.Errorf("copy: source counters: %w", err)
	}
	if c.dst.d == postgresDialect {
		err = c.setSequences(ctx, used)
	} else {
		err = c.setSQLiteSequence(ctx, used)
	}
	if err != nil {
		return fmt.Errorf("copy: continue ids: %w", err)
	}
	return nil
}

// usedIDs is the highest id each table's counter has given out, where the
// backend remembers more than the rows show.
func usedIDs(ctx context.Context, t *Tx) (map[string]int64, error) {
	q := `SELECT name, seq FROM sqlite_sequence`
	if t.d == postgresDialect {
		q = `SELECT table_name, COALESCE(pg_sequence_last_value(pg_get_serial_sequence(table_name, 'id')), 0)
			FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`
	}
	rows, err := t.query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	used := map[string]int64{}
	for rows.Next() {
		var table string
		var n int64
		if err := rows.Scan(&table, &n); err != nil {
			return nil, err
		}
		used[table] = n
	}
	return used, rows.Err()
}

func (c *copier) setSequences(ctx context.Context, used map[string]int64) error {
	tables, err := usedIDs(ctx, c.dst)
	if err != nil {
		return err
	}
	for table := range tables {
		_, err := c.dst.exec(ctx, `SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(COALESCE(MAX(id), 0), ?) + 1, false) FROM `+table,
			table, used[table])
		if err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

func (c *copier) setSQLiteSequence(ctx context.Context, used map[string]int64) error {
	for table, n := range used {
		var auto bool
		err := c.dst.queryRow(ctx, `SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE '%AUTOINCREMENT%'`, table).Scan(&auto)
		if err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		if !auto {
			continue
		}
		res, err := c.dst.exec(ctx, `UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`, n, table)
		if err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			if _, err := c.dst.exec(ctx, `INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`, table, n); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
		}
	}
	return nil
}
