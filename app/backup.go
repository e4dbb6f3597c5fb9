package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"supportbot/config"
	"supportbot/store"
)

// Backup takes an online copy of the store at store.path into to while the
// bot may be running, verifies it and prints its size and ticket count.
func Backup(ctx context.Context, cfg *config.Config, to string, out io.Writer) error {
	if to == "" {
		return &ConfigError{Err: errors.New("backup: -to FILE is required")}
	}
	if cfg.Store.Driver == config.StorePostgres {
		return store.ErrBackupPostgres
	}
	db, err := openExistingStore(ctx, cfg, "backup")
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Backup(ctx, to)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "backup %s: %d bytes, %d tickets, integrity ok\n", res.Path, res.Size, res.Tickets)
	return nil
}

// openExistingStore opens the configured store for a maintenance command;
// on SQLite a missing file is a wrong store.path, not a store to create.
// It takes no lock, so it works beside a running bot.
func openExistingStore(ctx context.Context, cfg *config.Config, what string) (*store.DB, error) {
	if cfg.Store.Driver != config.StorePostgres {
		if _, err := os.Stat(cfg.Store.Path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no store at %s (store.path)", what, cfg.Store.Path)
		}
	}
	return store.OpenWith(ctx, store.Options{Driver: cfg.Store.Driver, Path: cfg.Store.Path, URL: cfg.Store.URL})
}
