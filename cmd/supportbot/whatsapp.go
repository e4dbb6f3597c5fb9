package main

import (
	"context"
	"errors"
	"fmt"

	"supportbot/app"
	whatsappchannel "supportbot/channels/whatsapp"
)

const whatsappUsage = "usage: supportbot whatsapp pair [-config PATH] [-phone +549…]"

// runWhatsApp handles "whatsapp pair": it links the bot's WhatsApp number by
// QR code, or by a pairing code typed on the phone when -phone is given.
func (m *Main) runWhatsApp(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(m.Stderr, whatsappUsage)
		return &ExitError{Code: 2, Err: errors.New("whatsapp: missing subcommand (pair)")}
	}
	switch args[0] {
	case "pair":
		return m.runWhatsAppPair(ctx, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(m.Stderr, whatsappUsage)
		return nil
	}
	fmt.Fprintln(m.Stderr, whatsappUsage)
	return &ExitError{Code: 2, Err: fmt.Errorf("whatsapp: unknown subcommand %q", args[0])}
}

func (m *Main) runWhatsAppPair(ctx context.Context, args []string) error {
	fs, path := m.flagSet("whatsapp pair")
	phone := fs.String("phone", "", "the bot's own number in E.164 (+549…): get a code to type on that phone instead of scanning a QR code")
	level := fs.String("log-level", "warn", "debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// Checked before anything is opened, so a typo costs no pairing session.
	if *phone != "" {
		if _, err := whatsappchannel.ToJID(*phone); err != nil {
			return &ExitError{Code: 2, Err: fmt.Errorf("-phone: %w", err)}
		}
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
