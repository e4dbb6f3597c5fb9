package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/config"
)

// Migrate applies the store's migrations and says which one it is at.
func Migrate(ctx context.Context, cfg *config.Config) (int, error) {
	db, err := openConfigured(ctx, cfg)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	versions, err := db.Versions(ctx)
	if err != nil {
		return 0, err
	}
	return versions[len(versions)-1], nil
}

// PairWhatsApp links the bot's WhatsApp number in whatsapp.store_path: by
// QR code printed to out, or by a pairing code typed on the phone when
// phone is given.
// CheckPairPhone refuses a -phone WhatsApp would not take, before anything
// is opened, so a typo costs no pairing session.
func CheckPairPhone(phone string) error {
	if phone == "" {
		return nil
	}
	if _, err := whatsappchannel.ToJID(phone); err != nil {
		return &ConfigError{Err: fmt.Errorf("-phone: %w", err)}
	}
	return nil
}

func PairWhatsApp(ctx context.Context, cfg *config.Config, out io.Writer, phone string, log *slog.Logger) error {
	if err := CheckPairPhone(phone); err != nil {
		return err
	}
	container, err := openDeviceStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer container.Close()
	jid, err := whatsappchannel.Pair(ctx, container, out, phone, log)
	if err != nil {
		return fmt.Errorf("whatsapp pair: %w", err)
	}
	fmt.Fprintf(out, "WhatsApp linked as %s (store %s).\n", jid, deviceStoreName(cfg))
	if !cfg.WhatsApp.Enabled {
		fmt.Fprintln(out, "note: whatsapp.enabled is false; set it to true for the bot to use this link.")
	}
	return nil
}
