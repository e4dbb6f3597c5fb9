package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"supportbot/store"
	"time"
)

// The floor the bench compares the store with is the database itself,
// without the store: the same rows inserted raw (on SQLite through the
// store's own DSN), so
// this file speaks SQL on purpose and nothing in the bot calls it.

// ingestTables hold what handling client messages writes, parents first so
// a copy satisfies the foreign keys row by row.
var ingestTables = []string{"inbound_events", "tickets", "ticket_messages", "outbox", "notifications", "audit_log"}

// setupTables are the config the ingest rows point at; copied untimed.
var setupTables = []string{"clients", "staff", "whatsapp_contacts"}

// openRaw opens path's SQLite file with the store's pragmas.
func openRaw(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", store.DSN(path))
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return db, nil
}

// ingestRows counts the rows handling client messages has written to the
// store at path, so the bench can tell how many rows each message costs.
func ingestRows(ctx context.Context, s benchStore) (int64, error) {
	db, err := s.raw()
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var total int64
	for _, t := range ingestTables {
		var n int64
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return 0, fmt.Errorf("count %s: %w", t, err)
		}
		total += n
	}
	return total, nil
}

// rawInsertRate re-inserts every row the ingest wrote into the store at
// srcPath into a fresh store at dstPath, one transaction per row, with the
// same pragmas on the same disk, and reports rows per second.
func rawInsertRate(ctx context.Context, srcStore, dstStore benchStore) (rows int, perSecond float64, err error) {
	// The store lays out the schema; the copy then bypasses it.
	fresh, err := store.OpenWith(ctx, dstStore.opts)
	if err != nil {
		return 0, 0, err
	}
	if err := fresh.Close(); err != nil {
		return 0, 0, err
	}
	src, err := srcStore.raw()
	if err != nil {
		return 0, 0, err
	}
	defer src.Close()
	dst, err := dstStore.raw()
	if err != nil {
		return 0, 0, err
	}
	defer dst.Close()
	for _, t := range setupTables {
		if _, err := copyTable(ctx, src, dst, dstStore, t, false); err != nil {
			return 0, 0, err
		}
	}
	start := time.Now()
	for _, t := range ingestTables {
		n, err := copyTable(ctx, src, dst, dstStore, t, true)
		if err != nil {
			return 0, 0, err
		}
		rows += n
	}
	return rows, float64(rows) / time.Since(start).Seconds(), nil
}

// copyTable copies table from src to dst, each row in its own transaction
// when perRow, else all in one.
func copyTable(ctx context.Context, src, dst *sql.DB, dstStore benchStore, table string, perRow bool) (int, error) {
	all, cols, err := readTable(ctx, src, table)
	if err != nil {
		return 0, err
	}
	marks := make([]string, len(cols))
	for i := range marks {
		marks[i] = dstStore.placeholder(i + 1)
	}
	insert := fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, table, strings.Join(cols, ", "), strings.Join(marks, ", "))
	stmt, err := dst.PrepareContext(ctx, insert)
	if err != nil {
		return 0, fmt.Errorf("copy %s: %w", table, err)
	}
	defer stmt.Close()
	var tx *sql.Tx
	for i, row := range all {
		if tx == nil {
			if tx, err = dst.BeginTx(ctx, nil); err != nil {
				return i, fmt.Errorf("copy %s: %w", table, err)
			}
		}
		if _, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, row...); err != nil {
			tx.Rollback()
			return i, fmt.Errorf("copy %s: %w", table, err)
		}
		if perRow {
			if err := tx.Commit(); err != nil {
				return i, fmt.Errorf("copy %s: %w", table, err)
			}
			tx = nil
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return len(all), fmt.Errorf("copy %s: %w", table, err)
		}
	}
	return len(all), nil
}

func readTable(ctx context.Context, db *sql.DB, table string) ([][]any, []string, error) {
	rs, err := db.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	var all [][]any
	for rs.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", table, err)
		}
		all = append(all, row)
	}
	return all, cols, rs.Err()
}
