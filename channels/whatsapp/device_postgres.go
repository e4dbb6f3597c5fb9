package whatsappchannel

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver sqlstore opens
	"go.mau.fi/whatsmeow/store/sqlstore"
)

// OpenDeviceStorePostgres opens whatsmeow's device store in the PostgreSQL
// database url names, in tables of its own (whatsmeow_*) beside the bot's,
// so whichever replica leads links with the same identity. Errors never
// quote url, which may hold a password.
func OpenDeviceStorePostgres(ctx context.Context, url string, log *slog.Logger) (*sqlstore.Container, error) {
	// Replicas start together and each upgrades the schema; one that loses
	// the race to create a table finds it made on its next try.
	var err error
	for attempt := range 3 {
		var c *sqlstore.Container
		if c, err = sqlstore.New(ctx, "pgx", url, newWALogger(log, "store")); err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 200 * time.Millisecond):
		}
	}
	return nil, fmt.Errorf("open whatsapp store in store.url's database: %w", err)
}
