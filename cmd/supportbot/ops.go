package main

import (
	"context"

	"supportbot/app"
)

func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs, path := m.flagSet("backup")
	to := fs.String("to", "", "file to write the copy to (must not exist)")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	return app.Backup(ctx, cfg, *to, m.Stdout)
}

// runPrivacy answers personal-data requests: "privacy export|erase".
func (m *Main) runPrivacy(ctx context.Context, args []string) error {
	sub := func(name string) command {
		return command{name, "-contact +549… | -slack-user U…", func(m *Main, ctx context.Context, args []string) error {
			fs, path := m.flagSet("privacy " + name)
			req := app.PrivacyRequest{Erase: name == "erase", Now: m.Clock.Now()}
			fs.StringVar(&req.Contact, "contact", "", "the person's WhatsApp number (+549…)")
			fs.StringVar(&req.SlackUser, "slack-user", "", "the person's Slack user id (U…)")
			cfg, err := m.parseConfig(fs, path, args)
			if err != nil {
				return err
			}
			return app.Privacy(ctx, cfg, req, m.Stdout)
		}}
	}
	return m.runGroup(ctx, "privacy", args, sub("export"), sub("erase"))
}
