package whatsappchannel

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the device store's driver
	"go.mau.fi/whatsmeow/store/sqlstore"
)

// OpenDeviceStore opens (creating it if needed) the SQLite file that holds
// the bot's WhatsApp session keys and brings its schema up to date. The file
// is the bot's WhatsApp identity: it is created readable by the owner only.
func OpenDeviceStore(ctx context.Context, path string, log *slog.Logger) (*sqlstore.Container, error) {
	if path == "" {
		return nil, errors.New("whatsapp store path is empty (whatsapp.store_path)")
	}
	if strings.ContainsAny(path, "?#%") {
		// The path becomes part of a file: URI; these characters would be
		// read as URI syntax and open some other file.
		return nil, fmt.Errorf("whatsapp store path %q: must not contain ?, # or %%", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create whatsapp store directory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create whatsapp store %s: %w", path, err)
	}
	f.Close()
	db, err := openDeviceDB(path)
	if err != nil {
		return nil, err
	}
	container := sqlstore.NewWithDB(db, "sqlite3", newWALogger(log, "store"))
	if err := container.Upgrade(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("upgrade whatsapp store %s: %w", path, err)
	}
	return container, nil
}

// openDeviceDB opens the pool. The pragmas live in the DSN because
// database/sql opens connections lazily and at will: a PRAGMA run once would
// reach one connection, and sqlstore relies on foreign keys (ON DELETE
// CASCADE) on every one of them.
func openDeviceDB(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=10000")
	if err != nil {
		return nil, fmt.Errorf("open whatsapp store %s: %w", path, err)
	}
	return db, nil
}
