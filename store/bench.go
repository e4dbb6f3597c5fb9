package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// RawInsertRate measures the floor under every ticket the bot stores: rows
// inserted per second into a fresh file at path, one transaction per row,
// with the store's own connection pragmas and the same disk. `supportbot
// bench` divides its ingest rate by this.
func RawInsertRate(ctx context.Context, path string, rows int, text string) (float64, error) {
	db, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return 0, fmt.Errorf("raw insert: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE raw_messages (
		id INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
		author_id TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("raw insert: %w", err)
	}
	stmt, err := db.PrepareContext(ctx, `INSERT INTO raw_messages (external_id, client_id, author_id, text, at) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, fmt.Errorf("raw insert: %w", err)
	}
	defer stmt.Close()
	start := time.Now()
	for i := range rows {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return 0, fmt.Errorf("raw insert: %w", err)
		}
		_, err = tx.StmtContext(ctx, stmt).ExecContext(ctx, fmt.Sprintf("slack:C%03d:%d", i%50, i), fmt.Sprintf("c%03d", i%50), "U0CLIENT", text, formatTime(start))
		if err != nil {
			tx.Rollback()
			return 0, fmt.Errorf("raw insert: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return 0, fmt.Errorf("raw insert: %w", err)
		}
	}
	return float64(rows) / time.Since(start).Seconds(), nil
}
