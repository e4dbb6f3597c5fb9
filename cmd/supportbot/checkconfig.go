package main

import (
	"context"

	"supportbot/app"
)

func (m *Main) runCheckConfig(_ context.Context, args []string) error {
	fs, path := m.flagSet("check-config")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	app.Summary(m.Stdout, cfg)
	return nil
}
