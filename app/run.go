package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
)

// Options are what the process, not the configuration, decides.
type Options struct {
	// Clock is the bot's time (default: the system clock).
	Clock ticketing.Clock
	// Log is the bot's logger (default: discard).
	Log *slog.Logger
	// Version is logged at start.
	Version string
	// ShutdownTimeout is how long Run keeps delivering owed replies once
	// its context ends (default 10 s); the rest go out on the next start.
	ShutdownTimeout time.Duration
	// Listening, if set, is told the HTTP address once Run is serving;
	// tests use it with http.listen 127.0.0.1:0.
	Listening func(addr string)
	// WhatsApp, if set, replaces whatsmeow (tests, the demo).
	WhatsApp WhatsAppLink
	// HTTPTimeouts, if set, replaces the HTTP server's timeouts (tests).
	HTTPTimeouts *HTTPTimeouts
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = ticketing.SystemClock{}
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = 10 * time.Second
	}
	return o
}

// ConfigError is a problem only a change to the configuration or to the
// command line fixes, such as a token Slack refuses or an unknown client:
// trying again, or restarting the bot, would not help.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Run serves HTTP on http.listen and runs the transports, the outbox and
// the scheduled jobs until ctx ends or one of them fails for good; then it
// winds down within Options.ShutdownTimeout.
func (a *App) Run(ctx context.Context) error {
	cfg, log := a.cfg, a.log
	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("listen on http.listen %s: %w", cfg.HTTP.Listen, err)
	}
	timeouts := defaultHTTPTimeouts
	if a.opts.HTTPTimeouts != nil {
		timeouts = *a.opts.HTTPTimeouts
	}
	srv := newHTTPServer(a.Handler(), timeouts)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("supportbot running", "version", a.opts.Version, "store", StoreName(cfg), "http", ln.Addr().String(),
		"slack", cfg.Slack.Mode, "whatsapp", cfg.WhatsApp.Enabled, "clients", len(cfg.TicketingClients()))
	if a.opts.Listening != nil {
		a.opts.Listening(ln.Addr().String())
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
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("http shutdown", "err", err)
	}
	w.stop(shutdownCtx)
	return runErr
}

// Close releases what New opened, last opened first.
func (a *App) Close() error {
	var errs []error
	for i := len(a.closers) - 1; i >= 0; i-- {
		errs = append(errs, a.closers[i].Close())
	}
	a.closers = nil
	return errors.Join(errs...)
}

// OpenStore opens the store and syncs clients and staff from the config.
// It holds SQLite's one-process lock: it is what run opens.
func OpenStore(ctx context.Context, cfg *config.Config, now time.Time) (*store.DB, error) {
	db, err := store.OpenWith(ctx, storeOptions(cfg, true))
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

var _ io.Closer = (*App)(nil)
