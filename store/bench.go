package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// ingestTables hold what handling client messages writes, parents first so
// a copy satisfies the foreign keys row by row.
var ingestTables = []string{"inbound_events", "tickets", "ticket_messages", "outbox", "notifications", "audit_log"}

// setupTables are the config the ingest rows point at; copied untimed.
var setupTables = []string{"clients", "staff", "whatsapp_contacts"}

// IngestRows counts the rows handling client messages has written, so a
// benchmark can tell how many rows each message costs.
func (d *DB) IngestRows(ctx context.Context) (int64, error) {
	var total int64
	for _, t := range ingestTables {
		var n int64
		if err := d.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return 0, fmt.Errorf("count %s: %w", t, err)
		}
		total += n
	}
	return total, nil
}

// RawInsertRate is the floor under the store: it re-inserts every row src's
// ingest wrote into a fresh store at dstPath, one transaction per row, with
// the same pragmas on the same disk, and reports rows per second.
// `supportbot bench` compares its ingest with it.
func RawInsertRate(ctx context.Context, src *DB, dstPath string) (rows int, perSecond float64, err error) {
	dst, err := Open(ctx, dstPath)
	if err != nil {
		return 0, 0, err
	}
	dst.stopWriter() // the copy goes through the raw connection
	defer dst.Close()
	for _, t := range setupTables {
		if _, err := copyTable(ctx, src.rdb, dst.db, t, false); err != nil {
			return 0, 0, err
		}
	}
	start := time.Now()
	for _, t := range ingestTables {
		n, err := copyTable(ctx, src.rdb, dst.db, t, true)
		if err != nil {
			return 0, 0, err
		}
		rows += n
	}
	return rows, float64(rows) / time.Since(start).Seconds(), nil
}

// copyTable copies table from src to dst, each row in its own transaction
// when perRow, else all in one.
func copyTable(ctx context.Context, src, dst *sql.DB, table string, perRow bool) (int, error) {
	all, cols, err := readTable(ctx, src, table)
	if err != nil {
		return 0, err
	}
	insert := fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, table, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))
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
