package main

import (
	"context"
	"errors"
	"time"

	"supportbot/app"
	"supportbot/config"
)

func (m *Main) runBot(ctx context.Context, args []string) error {
	fs, path := m.flagSet("run")
	level := fs.String("log-level", "info", "debug, info, warn or error")
	grace := fs.Duration("shutdown-timeout", 10*time.Second, "on SIGTERM, how long to keep delivering owed replies before exiting (the rest go out on the next start)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := app.NewLogger(m.Stderr, *level)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	a, err := app.New(ctx, cfg, app.Options{
		Clock: m.Clock, Log: log, Version: Version, ShutdownTimeout: *grace,
		Listening: m.Listening, WhatsApp: m.WhatsAppLink, HTTPTimeouts: m.httpTimeouts,
	})
	if err != nil {
		return err
	}
	m.closers = append(m.closers, a)
	defer a.WatchReloads(ctx, m.hangup, func() (*config.Config, error) { return m.loadConfig(*path) })()
	return a.Run(ctx)
}

// exitStatus makes a configuration problem exit status 2.
func exitStatus(err error) error {
	var cfgErr *app.ConfigError
	var exit *ExitError
	if !errors.As(err, &exit) && errors.As(err, &cfgErr) {
		return &ExitError{Code: 2, Err: err}
	}
	return err
}
