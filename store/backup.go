package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"
)

// ErrBackupPostgres is Backup's answer on PostgreSQL, whose own tool takes
// a consistent copy of a running server.
var ErrBackupPostgres = errors.New("backup: the store is on PostgreSQL: use pg_dump (for example pg_dump -Fc -f supportbot.dump \"$URL\")")

// BackupResult describes a finished backup.
type BackupResult struct {
	Path    string
	Size    int64
	Tickets int64
}

// Backup writes a consistent copy of the running store to path through
// SQLite's online backup API: the copy is one snapshot taken while the bot
// keeps writing (WAL readers never block the writer). It goes to a
// temporary file beside path, passes integrity_check and only then takes
// path's name, so a failed backup never leaves a half file under it. path
// must not exist: a backup never overwrites one.
func (d *DB) Backup(ctx context.Context, path string) (BackupResult, error) {
	if d.dialect == postgresDialect {
		return BackupResult{}, ErrBackupPostgres
	}
	if path == "" {
		return BackupResult{}, errors.New("backup: empty target path")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			return BackupResult{}, fmt.Errorf("backup: %s already exists; pick a new name", path)
		}
		return BackupResult{}, fmt.Errorf("backup: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".part-*")
	if err != nil {
		return BackupResult{}, fmt.Errorf("backup: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer removeSQLiteFiles(tmpPath)
	if err := d.backupTo(ctx, tmpPath); err != nil {
		return BackupResult{}, err
	}
	tickets, err := verifyBackup(ctx, tmpPath)
	if err != nil {
		return BackupResult{}, err
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return BackupResult{}, fmt.Errorf("backup: %w", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return BackupResult{}, fmt.Errorf("backup: %w", err)
	}
	return BackupResult{Path: path, Size: st.Size(), Tickets: tickets}, nil
}

// backupTo copies every page of the store into the file at target in one
// step, so the copy is one read snapshot of the source.
func (d *DB) backupTo(ctx context.Context, target string) error {
	src, err := d.rdb.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: read store: %w", err)
	}
	defer src.Close()
	dstDB, err := sql.Open("sqlite3", "file:"+target)
	if err != nil {
		return fmt.Errorf("backup: open %s: %w", target, err)
	}
	defer dstDB.Close()
	dst, err := dstDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: open %s: %w", target, err)
	}
	defer dst.Close()
	return dst.Raw(func(dc any) error {
		dconn, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("backup: target connection is %T, not SQLite", dc)
		}
		return src.Raw(func(sc any) error {
			sconn, ok := sc.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("backup: store connection is %T, not SQLite", sc)
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return fmt.Errorf("backup: start: %w", err)
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return fmt.Errorf("backup: copy: %w", err)
			}
			if err := b.Finish(); err != nil {
				return fmt.Errorf("backup: finish: %w", err)
			}
			return nil
		})
	})
}

// verifyBackup opens the copy on its own, checks every page and index, and
// counts its tickets; the copy is left with no -wal file beside it.
func verifyBackup(ctx context.Context, path string) (int64, error) {
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return 0, fmt.Errorf("backup: verify: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&result); err != nil {
		return 0, fmt.Errorf("backup: verify: %w", err)
	}
	if result != "ok" {
		return 0, fmt.Errorf("backup: verify: integrity_check says %q", result)
	}
	var tickets int64
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM tickets`).Scan(&tickets); err != nil {
		return 0, fmt.Errorf("backup: verify: %w", err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return 0, fmt.Errorf("backup: verify: %w", err)
	}
	return tickets, nil
}

// removeSQLiteFiles removes a database file and its -wal and -shm files,
// whichever exist.
func removeSQLiteFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}
