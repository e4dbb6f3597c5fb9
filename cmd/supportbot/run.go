package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
)

func (m *Main) runBot(ctx context.Context, args []string) error {
	fs, path := m.flagSet("run")
	level := fs.String("log-level", "info", "debug, info, warn or error")
	grace := fs.Duration("shutdown-timeout", 10*time.Second, "on SIGTERM, how long to keep delivering owed replies before exiting (the rest go out on the next start)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := newLogger(m.Stderr, *level)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, cfg, m.Clock.Now())
	if err != nil {
		return err
	}
	m.closers = append(m.closers, db)

	link := m.WhatsAppLink
	if link == nil {
		link = whatsmeowLink(cfg.WhatsApp.StorePath, log, func(c io.Closer) { m.closers = append(m.closers, c) })
	}
	a, err := newApp(ctx, cfg, log, m.Clock, db, link)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("listen on http.listen %s: %w", cfg.HTTP.Listen, err)
	}
	timeouts := defaultHTTPTimeouts
	if m.httpTimeouts != nil {
		timeouts = *m.httpTimeouts
	}
	srv := newHTTPServer(a.httpHandler(), timeouts)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("supportbot running", "version", Version, "store", cfg.Store.Path, "http", ln.Addr().String(),
		"slack", cfg.Slack.Mode, "whatsapp", cfg.WhatsApp.Enabled, "clients", len(cfg.TicketingClients()))
	if m.Listening != nil {
		m.Listening(ln.Addr().String())
	}
	if cfg.Slack.Mode == config.SlackOff {
		log.Info("slack is off: set slack.mode to socket (bot_token + app_token) or events (bot_token + signing_secret) to connect; see README \"Connecting Slack\"")
	}

	w := a.start(ctx)
	var runErr error
	select {
	case <-ctx.Done():
	case err := <-served:
		runErr = fmt.Errorf("http server: %w", err)
	case err := <-w.fatal:
		runErr = err
	}
	log.Info("shutting down")
	// Stop taking events first, so everything accepted is in the store
	// before the last delivery pass.
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), *grace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("http shutdown", "err", err)
	}
	w.stop(shutdownCtx)
	return runErr
}

// openStore opens the store and syncs clients and staff from the config.
func openStore(ctx context.Context, cfg *config.Config, now time.Time) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		return nil, err
	}
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(ctx, cfg.TicketingStaff(), now); err != nil {
			return err
		}
		return tx.SyncClients(ctx, cfg.TicketingClients(), now)
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sync config into store: %w", err)
	}
	return db, nil
}
