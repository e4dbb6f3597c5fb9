package main

import (
	"context"
	"fmt"

	"supportbot/store"
)

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs, path := m.flagSet("migrate")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		return err
	}
	defer db.Close()
	versions, err := db.Versions(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "store %s is at migration %d\n", cfg.Store.Path, versions[len(versions)-1])
	return nil
}
