package main

import (
	"context"
	"fmt"
	"supportbot/app"
)

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs, path := m.flagSet("migrate")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	version, err := app.Migrate(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "store %s is at migration %d\n", app.StoreName(cfg), version)
	return nil
}
