package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/slack-go/slack"

	"supportbot/bot"
	"supportbot/channels"
	slackchannel "supportbot/channels/slack"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/channels/whatsapp/cloud"
	"supportbot/config"
	"supportbot/metrics"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
	"supportbot/ticketing/intent"
)

// WhatsAppLink builds the WhatsApp adapter around the bot's handler. The
// default opens whatsmeow on whatsapp.store_path; tests and the demo put a
// stand-in there instead.
type WhatsAppLink func(ctx context.Context, h channels.Handler, opts whatsappchannel.Options) (*whatsappchannel.Adapter, error)

// App is one bot: everything `supportbot run` builds from the
// configuration. New builds it, Run serves until its context ends, Close
// releases the store and the WhatsApp device store.
type App struct {
	cfg   *config.Config
	opts  Options
	log   *slog.Logger
	clock ticketing.Clock
	db    *store.DB
	// closers are what New opened, closed last opened first.
	closers []io.Closer

	bot       *bot.Bot
	deliverer *bot.Deliverer
	engine    *schedules.Engine

	slackClient *slack.Client
	// slackURL is the workspace's address, from auth.test.
	slackURL   string
	home       *bot.Home
	slackHTTP  http.Handler               // events mode
	socket     *slackchannel.SocketRunner // socket mode
	slackReady func() bool
	whatsapp   *whatsappchannel.Adapter // nil when disabled or on the Cloud API
	cloud      *cloud.Connector         // nil unless whatsapp.transport is cloud
	// cloudTokenAlerted: the desk heard that Meta refuses the token.
	cloudTokenAlerted atomic.Bool
	// phoneKept is the phone's offline timeline as last stored.
	phoneKept ticketing.PhoneHealth
	jobs      *schedules.Jobs
	live      *liveJobs // what cron ticks; reload swaps its parts
	front     *frontBot // what the transports call; reload swaps the bot behind it
	jobsLog   *slog.Logger
	metrics   *metrics.Metrics

	// election is nil on SQLite, whose one process always leads.
	election *election
	leader   atomic.Bool
}

// classifierAdapter turns the intent classifier's reading into the router's.
type classifierAdapter struct{ c *intent.Classifier }

func (a classifierAdapter) Classify(text string) bot.Classification {
	r := a.c.Classify(text)
	c := bot.Classification{Kind: r.Kind, Priority: r.Priority, Confidence: r.Confidence, Ask: r.Ask,
		DoubtfulCritical: r.DoubtfulCritical, NoCase: r.NoCase, Cues: r.Cues}
	for _, x := range r.Exclusions {
		c.Exclusions = append(c.Exclusions, bot.Exclusion{Code: x.Code, Reason: x.Reason})
	}
	return c
}

// New opens the store, syncs the configured clients and staff into it and
// builds the bot and its transports; nothing runs until Run. On error what
// it opened is closed again.
func New(ctx context.Context, cfg *config.Config, opts Options) (*App, error) {
	opts = opts.withDefaults()
	db, err := OpenStore(ctx, cfg, opts.Clock.Now())
	if err != nil {
		return nil, err
	}
	a := &App{cfg: cfg, opts: opts, log: opts.Log, clock: opts.Clock, db: db, engine: engineOf(cfg)}
	a.closers = append(a.closers, db)
	if err := a.build(ctx); err != nil {
		return nil, errors.Join(err, a.Close())
	}
	return a, nil
}

// build wires the bot, its transports, the outbox and the scheduled jobs.
func (a *App) build(ctx context.Context) error {
	cfg, log, clock, db := a.cfg, a.log, a.clock, a.db
	link := a.opts.WhatsApp
	if link == nil {
		link = whatsmeowLink(cfg, log, func(c io.Closer) { a.closers = append(a.closers, c) })
	}
	a.metrics = metrics.New(a.OutboxBacklog)
	a.metrics.SetLogger(log.With("component", "metrics"))
	if db.Driver() == store.DriverPostgres {
		a.election = &election{db: db, failover: cfg.HA.FailoverAfter(), log: log.With("component", "leader")}
	}
	a.setRole(a.election == nil)
	var deliverer *bot.Deliverer
	wake := func() { deliverer.Wake() }
	a.home = bot.NewHome(bot.HomeConfig{Publisher: slackHome{a}, Clock: clock, Log: log.With("component", "home")})
	b, err := bot.New(a.botConfig(cfg, a.engine, cfg.TicketingClients()))
	if err != nil {
		return err
	}
	a.bot = b
	a.front = newFrontBot(b)

	// Files cross through the outbox: the sender of the receiving side
	// fetches the bytes from the side that holds them.
	files := channels.FileSources{}
	var slackSender channels.Sender
	if cfg.Slack.Mode != config.SlackOff {
		if err := a.connectSlack(ctx); err != nil {
			return err
		}
		s := slackchannel.NewSender(a.slackClient).WithFiles(files, "")
		files[channels.Slack], slackSender = s, s
	} else {
		a.slackReady = func() bool { return true }
	}

	var waSender channels.Sender
	if cfg.WhatsApp.UsesCloud() {
		conn, err := a.buildCloud(ctx, files)
		if err != nil {
			return err
		}
		a.cloud = conn
		a.watchCloud()
		files[channels.WhatsApp], waSender = conn, conn
	} else if cfg.WhatsApp.Enabled {
		adapter, err := link(ctx, a.front, whatsappchannel.Options{
			Log: log, MinGap: cfg.WhatsApp.Gap(), Now: clock.Now, OnLost: a.whatsAppLost(ctx),
		})
		if err != nil {
			return fmt.Errorf("whatsapp: %w", err)
		}
		a.whatsapp = adapter.WithFiles(files, "")
		files[channels.WhatsApp], waSender = adapter, adapter
		if err := a.restorePhoneHealth(ctx); err != nil {
			return err
		}
	}

	deliverer = bot.NewDeliverer(bot.DelivererConfig{
		Store: db, Clock: clock, Senders: map[ticketing.Platform]channels.Sender{channels.Slack: slackSender, channels.WhatsApp: waSender}, Log: log.With("component", "outbox"),
		Observer: a.metrics, DeskLanguage: cfg.Desk.Lang(),
		// A mirror's thread once started is the card's link to it.
		OnThreadStarted: func(ctx context.Context, tx ticketing.Tx, ticketID int64) error {
			return a.currentBot().RefreshCard(ctx, tx, ticketID)
		},
	})
	a.deliverer = deliverer
	a.wakeOutbox()

	a.jobsLog = log.With("component", "jobs")
	jobs, err := schedules.NewJobs(a.jobsConfig(cfg, a.engine, cfg.TicketingClients(), wake, b))
	if err != nil {
		return fmt.Errorf("scheduled jobs: %w", err)
	}
	a.jobs = jobs
	a.live = newLiveJobs(cfg, jobs, db, clock, a.jobsLog)
	if a.whatsapp != nil {
		a.live.link = a.checkWhatsAppLink
		a.watchWhatsAppLink()
	}
	return nil
}

// connectSlack checks the bot token (auth.test also tells the bot its own
// user id, whose messages it must ignore, and its workspace) and prepares
// the transport. A token Slack refuses is a configuration error: restarting
// will not fix it.
func (a *App) connectSlack(ctx context.Context) error {
	cfg := a.cfg.Slack
	appToken := ""
	if cfg.Mode == config.SlackSocket {
		appToken = cfg.AppToken
	}
	a.slackClient = slackchannel.NewClient(cfg.BotToken, appToken, cfg.APIURL)
	id, err := slackchannel.BotIdentity(ctx, a.slackClient)
	if err != nil {
		if slackchannel.TokenRefused(err) {
			return &ConfigError{Err: fmt.Errorf("slack.bot_token refused by Slack: %w", err)}
		}
		return fmt.Errorf("%w (check slack.bot_token, slack.api_url and the network)", err)
	}
	a.slackURL = id.URL
	origin := a.slackOrigin(ctx, id)
	log := a.log.With("component", "slack")
	switch cfg.Mode {
	case config.SlackEvents:
		a.slackHTTP = slackchannel.NewHTTPHandler(slackchannel.HTTPConfig{
			SigningSecret: cfg.SigningSecret, Handler: a.front, BotUserID: id.UserID, Origin: origin, Now: a.clock.Now, Log: log,
		})
		a.slackReady = func() bool { return true }
	case config.SlackSocket:
		a.socket = slackchannel.NewSocketRunner(slackchannel.SocketConfig{
			Client: a.slackClient, Handler: a.front, BotUserID: id.UserID, Origin: origin, Now: a.clock.Now, Log: log,
		})
		a.slackReady = a.socket.Connected
	}
	// Not "connected": in socket mode that is logged once the socket is up.
	a.log.Info("slack bot token ok", "mode", cfg.Mode, "bot_user", id.UserID, "team", id.TeamID,
		"accepted_teams", origin.Teams, "accepted_enterprises", origin.Enterprises, "app", origin.AppID)
	return nil
}

// whatsmeowLink opens the device store and builds the real adapter; keep
// takes the store, for whoever owns the process to close it last.
func whatsmeowLink(cfg *config.Config, log *slog.Logger, keep func(io.Closer)) WhatsAppLink {
	return func(ctx context.Context, h channels.Handler, opts whatsappchannel.Options) (*whatsappchannel.Adapter, error) {
		container, err := openDeviceStore(ctx, cfg, log)
		if err != nil {
			return nil, err
		}
		keep(container)
		return whatsappchannel.New(container, h, opts)
	}
}

// whatsAppLost alerts the service desk: a logged-out or banned link needs a
// person, and until then WhatsApp contacts are not heard.
func (a *App) whatsAppLost(ctx context.Context) func(whatsappchannel.Status, string) {
	return func(status whatsappchannel.Status, detail string) {
		a.log.Error("whatsapp link lost", "status", status, "detail", detail)
		text := a.currentBot().DeskLanguage().Say("alert.whatsapp_lost", string(status), detail)
		if err := a.currentBot().AlertDesk(context.WithoutCancel(ctx), ticketing.AuditChatLinkLost, text); err != nil {
			a.log.Error("could not alert the service desk", "err", err)
		}
	}
}
