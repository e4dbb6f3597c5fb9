package main

import (
	"context"
	"errors"

	"supportbot/app"
)

func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs, path := m.flagSet("backup")
	to := fs.String("to", "", "file to write the copy to (must not exist)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *to == "" {
		return &ExitError{Code: 2, Err: errors.New("backup: -to FILE is required")}
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	return app.Backup(ctx, cfg, *to, m.Stdout)
}
