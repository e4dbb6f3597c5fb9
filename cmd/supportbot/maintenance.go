package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/config"
)

// Subcommands that set up and look after a deployment: its configuration,
// store, backups, personal-data requests and WhatsApp link.

func (m *Main) runCheckConfig(_ context.Context, args []string) error {
	fs, path := m.flagSet("check-config")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	app.Summary(m.Stdout, cfg)
	return nil
}

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs, path := m.flagSet("migrate")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	version, err := app.Migrate(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "store %s is at migration %d\n", app.StoreName(cfg), version)
	return nil
}

func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs, path := m.flagSet("backup")
	to := fs.String("to", "", "file to write the copy to (must not exist)")
	return m.withConfig(fs, path, args, func(cfg *config.Config) error { return app.Backup(ctx, cfg, *to, m.Stdout) })
}

// runPrivacy answers personal-data requests: "privacy export|erase".
func (m *Main) runPrivacy(ctx context.Context, args []string) error {
	sub := func(name string) command {
		return command{name, "-contact +549… | -slack-user U…", func(m *Main, ctx context.Context, args []string) error {
			fs, path := m.flagSet("privacy " + name)
			req := app.PrivacyRequest{Erase: name == "erase", Now: m.Clock.Now()}
			fs.StringVar(&req.Contact, "contact", "", "the person's WhatsApp number (+549…)")
			fs.StringVar(&req.SlackUser, "slack-user", "", "the person's Slack user id (U…)")
			return m.withConfig(fs, path, args, func(cfg *config.Config) error { return app.Privacy(ctx, cfg, req, m.Stdout) })
		}}
	}
	return m.runGroup(ctx, "privacy", args, sub("export"), sub("erase"))
}

// runStore handles "store copy": moving the store to another backend.
func (m *Main) runStore(ctx context.Context, args []string) error {
	return m.runGroup(ctx, "store", args, command{"copy", "-from sqlite:PATH -to postgres://…", (*Main).runStoreCopy})
}

func (m *Main) runStoreCopy(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("store copy")
	from, to := fs.String("from", "", "the store to copy: sqlite:PATH or postgres://user:pass@host/db"), fs.String("to", "", "the empty store to fill, same forms; a non-empty one is refused")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return app.CopyStore(ctx, *from, *to, m.Stdout)
}

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
	log, err := app.NewLogger(m.Stderr, *level)
	if err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	return app.PairWhatsApp(ctx, cfg, m.Stdout, *phone, log)
}
