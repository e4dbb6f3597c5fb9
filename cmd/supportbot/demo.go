package main

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"supportbot/channels"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/config"
	"supportbot/ticketing"
)

//go:embed demo_config.yaml
var demoConfig []byte

// runDemo plays a support scenario against the real bot, with Slack and
// WhatsApp played in-process and a simulated clock, and prints what
// everybody sees.
func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("demo")
	scriptPath := fs.String("script", "", "play this scenario instead of the built-in one (format: cmd/supportbot/demo_script.yaml)")
	noColor := fs.Bool("no-color", false, "plain text even on a terminal")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	raw := defaultDemoScript
	if *scriptPath != "" {
		var err error
		if raw, err = os.ReadFile(*scriptPath); err != nil {
			return &ExitError{Code: 2, Err: fmt.Errorf("demo script: %w", err)}
		}
	}
	script, err := parseDemoScript(raw)
	if err != nil {
		return &ExitError{Code: 2, Err: err}
	}

	dir, err := os.MkdirTemp("", "supportbot-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	slackAPI := newSlackStandIn()
	defer slackAPI.Close()

	secret := randomSecret()
	env := map[string]string{
		"DEMO_STORE": filepath.Join(dir, "supportbot.db"), "DEMO_WHATSAPP_STORE": filepath.Join(dir, "whatsapp.db"),
		"DEMO_SECRET": secret, "DEMO_SLACK_URL": slackAPI.apiURL(),
	}
	cfg, err := config.Parse("demo_config.yaml", demoConfig, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	clock := ticketing.NewManualClock(script.Start)
	// The transcript is the demo's output; the bot's own log only speaks up
	// when something is wrong.
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))

	db, err := openStore(ctx, cfg, clock.Now())
	if err != nil {
		return err
	}
	defer db.Close()
	phone := whatsappchannel.NewStandIn()
	link := func(_ context.Context, h channels.Handler, opts whatsappchannel.Options) (*whatsappchannel.Adapter, error) {
		return whatsappchannel.NewAdapter(phone, h, opts), nil
	}
	a, err := newApp(ctx, cfg, log, clock, db, link)
	if err != nil {
		return err
	}

	tr := &transcript{w: m.Stdout, color: !*noColor && isTerminal(m.Stdout) && m.Getenv("NO_COLOR") == "",
		loc: demoLocation(cfg), clock: clock, names: demoNames(cfg, script), desk: cfg.ServiceDesk.Channel}
	slackAPI.onCall = tr.slackCall
	phone.OnSend = func(msg whatsappchannel.SentMessage) {
		tr.line(styleBot, "🤖 → WhatsApp "+msg.To+":", msg.Text)
	}
	p := &demoPlayer{a: a, clock: clock, tr: tr, secret: secret, script: script}
	fmt.Fprintf(m.Stdout, "%s\n", tr.paint(styleBold, "supportbot demo: the real bot, Slack and WhatsApp played in-process, a simulated clock."))
	start := time.Now()
	if err := p.play(ctx); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\n%s\n", tr.paint(styleDim, fmt.Sprintf("Played %s of support in %.1f s.", clock.Now().Sub(script.Start).Round(time.Minute), time.Since(start).Seconds())))
	return nil
}

func randomSecret() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// demoLocation is the first client's time zone: the transcript reads like
// the desk's day.
func demoLocation(cfg *config.Config) *time.Location {
	if cs := cfg.TicketingClients(); len(cs) > 0 && cs[0].Location != nil {
		return cs[0].Location
	}
	return time.UTC
}

func demoNames(cfg *config.Config, s *demoScript) map[string]string {
	names := map[string]string{cfg.ServiceDesk.Channel: "#mesa-de-ayuda"}
	for _, st := range cfg.TicketingStaff() {
		names[st.ID] = st.Name
	}
	for _, c := range cfg.TicketingClients() {
		names[c.Channel] = "#" + c.ID
	}
	for id, n := range s.People {
		names[id] = n
	}
	return names
}
