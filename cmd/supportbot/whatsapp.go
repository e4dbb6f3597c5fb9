package main

import (
	"context"

	"supportbot/app"
)

// runWhatsApp handles "whatsapp pair": it links the bot's WhatsApp number by
// QR code, or by a pairing code typed on the phone when -phone is given.
func (m *Main) runWhatsApp(ctx context.Context, args []string) error {
	return m.runGroup(ctx, "whatsapp", args, command{"pair", "[-phone +549…]", (*Main).runWhatsAppPair})
}

func (m *Main) runWhatsAppPair(ctx context.Context, args []string) error {
	fs, path := m.flagSet("whatsapp pair")
	phone := fs.String("phone", "", "the bot's own number in E.164 (+549…): get a code to type on that phone instead of scanning a QR code")
	level := fs.String("log-level", "warn", "debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := app.CheckPairPhone(*phone); err != nil {
		return err
	}
	log, err := m.logger(*level)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	return app.PairWhatsApp(ctx, cfg, m.Stdout, *phone, log)
}
