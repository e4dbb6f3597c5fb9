// Package playground runs the real bot in-process (Slack's Web API and a
// WhatsApp phone played by stand-ins, a temporary SQLite store, a simulated
// clock) behind one local web page where anyone can write as a client, a
// WhatsApp contact or a member of the desk, press the bot's buttons and move
// the clock. `supportbot playground` serves it.
package playground

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"supportbot/app"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/config"
	"supportbot/knowledge"
	"supportbot/ticketing"
)

// botWho is who the bot's posts are from, on Slack and WhatsApp alike.
const botWho = "bot"

// StartExample shows the form -start takes.
const StartExample = "2026-12-07T09:00"

// ErrUsage marks a problem with what the playground was asked to do (a bad
// -start, a non-loopback address without -public), not with running it.
var ErrUsage = errors.New("playground")

// Options say what the playground plays.
type Options struct {
	// ConfigPath, if set, is a configuration whose clients, staff, plans,
	// languages and SLA are played; without it the demo's are.
	ConfigPath string
	// LookupEnv serves ${NAME} in the kept parts of ConfigPath's file.
	LookupEnv func(string) (string, bool)
	// Start is when the simulated clock starts: 2026-12-07T09:00 in the
	// first client's time zone, or RFC 3339. Empty: 09:00 of the first day
	// from Today on which every client is attended (see defaultStart).
	Start string
	// Today is the wall clock's date for the default start; nil: time.Now.
	Today func() time.Time
	// Stderr gets the notice about what of the file is ignored, and the
	// bot's log when something goes wrong.
	Stderr io.Writer
}

// Playground is the running bot and its stand-ins. Everything that drives
// the bot (a post, a press, the clock) holds mu, so the bot sees one thing
// at a time, as the demo plays it.
type Playground struct {
	app    *app.App
	cfg    *config.Config
	api    *slackfake.Server
	phone  *whatsappchannel.StandIn
	clock  *ticketing.ManualClock
	secret string
	http   http.Handler
	dir    string
	feed   *feed
	world  World
	loc    *time.Location

	mu  sync.Mutex
	seq int
}

// New starts the bot on a temporary store. Close removes it.
func New(ctx context.Context, o Options) (_ *Playground, err error) {
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	dir, err := os.MkdirTemp("", "supportbot-playground-")
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	p := &Playground{dir: dir, feed: newFeed(), phone: whatsappchannel.NewStandIn(), api: slackfake.New(nil)}
	defer func() {
		if err != nil {
			p.Close()
		}
	}()
	p.secret = slackfake.RandomSecret()
	if err := knowledge.WriteSample(filepath.Join(dir, "knowledge")); err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	env := map[string]string{
		"DEMO_STORE": filepath.Join(dir, "supportbot.db"), "DEMO_WHATSAPP_STORE": filepath.Join(dir, "whatsapp.db"),
		"DEMO_KNOWLEDGE": filepath.Join(dir, "knowledge"),
		"DEMO_SECRET":    p.secret, "DEMO_SLACK_URL": p.api.APIURL(),
	}
	cfg, ignored, err := playConfig(o.ConfigPath, env, o.LookupEnv)
	if err != nil {
		return nil, err
	}
	p.cfg = cfg
	p.loc = firstLocation(cfg)
	start, err := ParseStart(o.Start, p.loc)
	if err != nil {
		return nil, err
	}
	if o.Start == "" {
		today := time.Now
		if o.Today != nil {
			today = o.Today
		}
		start = defaultStart(cfg, p.loc, today())
	}
	p.clock = ticketing.NewManualClock(start)
	p.api.StampWith(p.clock.Now)
	p.world = newWorld(cfg, ignored, o.ConfigPath)
	if p.world.Note != "" {
		fmt.Fprintln(o.Stderr, "playground:", p.world.Note)
	}
	p.api.OnPost(p.slackPost)
	p.api.OnCall(p.slackCall)
	p.phone.OnSend = p.phoneReceived
	log := slog.New(slog.NewTextHandler(o.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	p.app, err = app.New(ctx, cfg, app.Options{Clock: p.clock, Log: log, WhatsApp: p.phone.Link})
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	p.http = p.app.Handler()
	// Every member of the desk has the Home tab open, so the page shows it
	// from the start and as it changes.
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range cfg.TicketingStaff() {
		if err := p.openHome(s.ID); err != nil {
			return nil, err
		}
	}
	if err := p.settle(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// Close stops the bot and removes its store.
func (p *Playground) Close() {
	if p.app != nil {
		_ = p.app.Close()
	}
	p.api.Close()
	_ = os.RemoveAll(p.dir)
}

// Now is the simulated time.
func (p *Playground) Now() time.Time { return p.clock.Now().In(p.loc) }

// Transcript is every post so far.
func (p *Playground) Transcript() []Post { return p.feed.all() }

// SlackAPIURL is where the bot's Slack client calls: the in-process Web API.
func (p *Playground) SlackAPIURL() string { return p.cfg.Slack.APIURL }

// ParseStart reads -start: a local time in loc (2026-12-07T09:00, seconds
// optional) or RFC 3339 with its offset.
func ParseStart(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: -start %q: want a time like %s (local to the first client) or RFC 3339", ErrUsage, s, StartExample)
}

// firstLocation is the first client's time zone: the page reads like the
// desk's day, as the demo's transcript does.
func firstLocation(cfg *config.Config) *time.Location {
	if cs := cfg.TicketingClients(); len(cs) > 0 && cs[0].Location != nil {
		return cs[0].Location
	}
	return time.UTC
}
