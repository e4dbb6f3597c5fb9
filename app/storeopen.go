package app

import (
	"context"
	"log/slog"
	"net/url"

	"go.mau.fi/whatsmeow/store/sqlstore"

	whatsappchannel "supportbot/channels/whatsapp"

	"supportbot/config"
	"supportbot/store"
)

// storeOptions names the store the configuration points at. exclusive is
// for run: on SQLite it refuses a second process on the same file, and on
// PostgreSQL it does nothing (replicas share the server).
func storeOptions(cfg *config.Config, exclusive bool) store.Options {
	return store.Options{Driver: cfg.Store.Driver, Path: cfg.Store.Path, URL: cfg.Store.URL, Exclusive: exclusive}
}

// openConfigured opens the configured store without the one-process lock:
// for the commands that run beside a live bot (migrate, report).
func openConfigured(ctx context.Context, cfg *config.Config) (*store.DB, error) {
	return store.OpenWith(ctx, storeOptions(cfg, false))
}

// StoreName is the store as logs and messages show it: the SQLite path, or
// the PostgreSQL URL without its password.
func StoreName(cfg *config.Config) string {
	if cfg.Store.Driver != config.StorePostgres {
		return cfg.Store.Path
	}
	u, err := url.Parse(cfg.Store.URL)
	if err != nil {
		return "postgres"
	}
	return u.Redacted()
}

// openDeviceStore opens WhatsApp's device store: the whatsapp.store_path
// file beside a SQLite store, or tables in the same PostgreSQL database, so
// every replica that comes to lead links as the same device.
func openDeviceStore(ctx context.Context, cfg *config.Config, log *slog.Logger) (*sqlstore.Container, error) {
	if cfg.Store.Driver == config.StorePostgres {
		return whatsappchannel.OpenDeviceStorePostgres(ctx, cfg.Store.URL, log)
	}
	return whatsappchannel.OpenDeviceStore(ctx, cfg.WhatsApp.StorePath, log)
}

// deviceStoreName is where the WhatsApp link is kept, as messages show it.
func deviceStoreName(cfg *config.Config) string {
	if cfg.Store.Driver == config.StorePostgres {
		return StoreName(cfg)
	}
	return cfg.WhatsApp.StorePath
}
