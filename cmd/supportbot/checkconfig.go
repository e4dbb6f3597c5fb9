package main

import (
	"context"

	"supportbot/app"
)

func (m *Main) runCheckConfig(_ context.Context, args []string) error {
	fs, path := m.flagSet("check-config")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	app.Summary(m.Stdout, cfg)
	return nil
}
