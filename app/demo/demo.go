// Package demo plays a support day against the real bot: Slack's Web API
// and a WhatsApp phone in-process, a simulated clock, and a transcript of
// what everyone sees. `supportbot demo` runs it.
package demo

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"supportbot/app"
	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/config"
	"supportbot/knowledge"
	"supportbot/ticketing"
)

//go:embed demo_config.yaml
var demoConfig []byte

// Options are where the demo prints and how.
type Options struct {
	// Stdout gets the transcript, Stderr the bot's log when something is
	// wrong.
	Stdout, Stderr io.Writer
	// Color paints the transcript for a terminal.
	Color bool
}

// DefaultScript is the built-in scenario; its comments document the format.
func DefaultScript() []byte { return defaultDemoScript }

// Colorful tells whether w is a terminal, where the transcript is painted.
func Colorful(w io.Writer) bool { return isTerminal(w) }

// Play plays a support scenario against the real bot, with Slack and
// WhatsApp played in-process and a simulated clock, and prints what
// everybody sees.
func Play(ctx context.Context, script *Script, o Options) error {
	dir, err := os.MkdirTemp("", "supportbot-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	slackAPI := slackfake.New(nil)
	defer slackAPI.Close()

	secret := slackfake.RandomSecret()
	if err := knowledge.WriteSample(filepath.Join(dir, "knowledge")); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	env := map[string]string{
		"DEMO_STORE": filepath.Join(dir, "supportbot.db"), "DEMO_WHATSAPP_STORE": filepath.Join(dir, "whatsapp.db"),
		"DEMO_KNOWLEDGE": filepath.Join(dir, "knowledge"),
		"DEMO_SECRET":    secret, "DEMO_SLACK_URL": slackAPI.APIURL(),
	}
	cfg, err := config.Parse("demo_config.yaml", demoConfig, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	clock := ticketing.NewManualClock(script.Start)
	// The transcript is the demo's output; the bot's own log only speaks up
	// when something is wrong.
	log := slog.New(slog.NewTextHandler(o.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))

	phone := whatsappchannel.NewStandIn()
	var graph *graphfake.Server
	if script.WhatsAppTransport == config.TransportCloud {
		graph = graphfake.New(demoPhoneNumberID, "demo-access-token")
		defer graph.Close()
		playCloud(cfg, graph, secret)
	}
	a, err := app.New(ctx, cfg, app.Options{Clock: clock, Log: log, WhatsApp: phone.Link})
	if err != nil {
		return err
	}
	defer a.Close()

	tr := &transcript{w: o.Stdout, color: o.Color,
		loc: demoLocation(cfg), clock: clock, names: demoNames(cfg, script), desk: cfg.ServiceDesk.Channel}
	slackAPI.OnCall(tr.slackCall)
	phone.OnSend = func(msg whatsappchannel.SentMessage) {
		text := msg.Text
		if msg.Kind != "" {
			text += fmt.Sprintf("\n📎 %s %s (%s, %s)", msg.Kind, msg.FileName, msg.MIME, channels.SizeText(msg.Size))
		}
		tr.line(styleBot, "🤖 → WhatsApp "+msg.To+":", text)
	}
	if graph != nil {
		graph.OnSend = func(m graphfake.Sent) {
			tr.line(styleBot, "🤖 → WhatsApp (Cloud API) +"+m.To+":", cloudSentText(m))
		}
	}
	p := &demoPlayer{a: a, http: a.Handler(), clock: clock, tr: tr, secret: secret, script: script, phone: phone, api: slackAPI, graph: graph}
	fmt.Fprintf(o.Stdout, "%s\n", tr.paint(styleBold, "supportbot demo: the real bot, Slack and WhatsApp played in-process, a simulated clock."))
	start := time.Now()
	if err := p.play(ctx); err != nil {
		return err
	}
	fmt.Fprintf(o.Stdout, "\n%s\n", tr.paint(styleDim, fmt.Sprintf("Played %s of support in %.1f s.", clock.Now().Sub(script.Start).Round(time.Minute), time.Since(start).Seconds())))
	return nil
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

func demoNames(cfg *config.Config, s *Script) map[string]string {
	names := map[string]string{cfg.ServiceDesk.Channel: "#mesa-de-ayuda"}
	if cfg.Desk.TriageChannel != "" && cfg.Desk.TriageChannel != cfg.ServiceDesk.Channel {
		names[cfg.Desk.TriageChannel] = "#triage"
	}
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
