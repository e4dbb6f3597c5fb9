// Package bot is the router: it turns inbound chat events into ticket changes
// and the replies they owe, all in one store transaction, and leaves delivery
// to the outbox.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"supportbot/channels"
	"supportbot/knowledge"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// Classification is what the classifier says of a client message.
type Classification struct {
	Kind       ticketing.Kind
	Priority   ticketing.Priority
	Confidence float64
	// Ask is set when the classifier is not sure enough: the client is asked.
	Ask bool
	// DoubtfulCritical is set for outage evidence short of certain: the
	// client is asked whether the whole operation is down before any ticket.
	DoubtfulCritical bool
	// NoCase is set for a greeting, thanks or "ok" alone: no case yet.
	NoCase bool
	Cues   []string
	// Exclusions are the support policy's exclusions the message points
	// at: shown to staff on the ticket's card, never to the client, and
	// never a change of kind or deadline.
	Exclusions []Exclusion
}

// Exclusion is one exclusion code and the client's words that point at it.
type Exclusion struct {
	Code   string
	Reason string
}

// Classifier reads a client's message.
type Classifier interface {
	Classify(text string) Classification
}

// ClassifierFunc adapts a function to Classifier.
type ClassifierFunc func(text string) Classification

func (f ClassifierFunc) Classify(text string) Classification { return f(text) }

// Calendar answers deadline questions on the clients' business calendars.
type Calendar interface {
	Deadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, receivedAt time.Time) (clockStart, due time.Time)
	IsOpen(c ticketing.Client, k ticketing.Kind, at time.Time) bool
	NextOpening(c ticketing.Client, k ticketing.Kind, at time.Time) time.Time
	// NextResponseDeadline is the clock of a client message after the first
	// response; ok is false when next responses are not timed.
	NextResponseDeadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, at time.Time) (clockStart, due time.Time, ok bool)
	// OpenTimeBetween is the attended time between two instants.
	OpenTimeBetween(c ticketing.Client, k ticketing.Kind, from, to time.Time) time.Duration
}

// ServiceDesk is the phone path for critical incidents (from config).
type ServiceDesk struct {
	Phones       []string
	Website      string
	ELearningURL string
	// Channel is the internal Slack channel for alerts.
	Channel string
}

// Config is everything the router needs; cmd builds it from the config file.
type Config struct {
	Store      ticketing.Store
	Classifier Classifier
	Calendar   Calendar
	Clock      ticketing.Clock
	Log        *slog.Logger

	Clients         []ticketing.Client
	Staff           []ticketing.Staff
	ServiceDesk     ServiceDesk
	DefaultPriority ticketing.Priority
	// MirrorChannel, if set, receives WhatsApp conversations instead of each
	// client's own channel.
	MirrorChannel string
	// NoticeAfter and CloseAfter drive closing tickets that wait on the client.
	NoticeAfter time.Duration
	CloseAfter  time.Duration
	// Observer, if set, hears about what the bot did (metrics, the demo).
	Observer Observer
	// Report, if set, serves `/soporte reporte`.
	Report MonthlyReport
	// GroupWindow is intake.group_window: a person's top-level messages
	// closer together than this are one case. Zero means DefaultGroupWindow.
	GroupWindow time.Duration
	// Home, if set, publishes the Home tab; it outlives reloads.
	Home *Home
	// ThreadLink, if set, gives a Slack thread's permalink for the Home tab.
	ThreadLink func(ticketing.Conversation) string
	// CSAT is csat.enabled: a client who confirms a ticket is solved is
	// asked to rate the help; CSATOnAutoClose (csat.on_autoclose) asks on
	// the scheduler's closes too.
	CSAT, CSATOnAutoClose bool
	// DeskLanguage is desk.language, what staff read and what a number
	// nobody invited is answered in; zero is es-AR.
	DeskLanguage wording.Language
	// Knowledge, if set, is searched for articles to suggest (knowledge.dir
	// plus the desk's known fixes, which the bot reads from the store).
	Knowledge *knowledge.Base
	// TriageChannel is desk.triage_channel: where each ticket's staff card
	// and its internal thread live. Empty: the service desk channel.
	TriageChannel string
}

// Bot routes inbound events. It is safe for concurrent use: all state lives
// in the store.
type Bot struct {
	store      ticketing.Store
	classifier Classifier
	calendar   Calendar
	clock      ticketing.Clock
	log        *slog.Logger
	dir        *directory
	desk       ServiceDesk
	defaultPri ticketing.Priority
	mirror     string
	notice     time.Duration
	closeAfter time.Duration
	observer   Observer
	report     MonthlyReport
	window     time.Duration
	home       *Home
	links      func(ticketing.Conversation) string
	csat       bool
	// csatOnAutoClose is read by AskCSATOnAutoClose.
	csatOnAutoClose bool
	deskLang        wording.Language
	kb              *knowledge.Base
	extras          memo[int64, cardExtras]
	triage          string
}

var _ channels.Handler = (*Bot)(nil)

// New checks the configuration and builds the router.
func New(cfg Config) (*Bot, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("bot: no store")
	case cfg.Classifier == nil:
		return nil, errors.New("bot: no classifier")
	case cfg.Calendar == nil:
		return nil, errors.New("bot: no calendar")
	}
	if cfg.Clock == nil {
		cfg.Clock = ticketing.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.DefaultPriority == "" {
		cfg.DefaultPriority = ticketing.PriorityMedia
	}
	if cfg.NoticeAfter <= 0 {
		cfg.NoticeAfter = ticketing.DefaultNoticeAfter
	}
	if cfg.CloseAfter <= 0 {
		cfg.CloseAfter = ticketing.DefaultCloseAfter
	}
	if cfg.GroupWindow <= 0 {
		cfg.GroupWindow = DefaultGroupWindow
	}
	if cfg.Observer == nil {
		cfg.Observer = NopObserver{}
	}
	return &Bot{
		store: cfg.Store, classifier: newClassifyMemo(cfg.Classifier), calendar: cfg.Calendar, clock: cfg.Clock, log: cfg.Log,
		dir: newDirectory(cfg.Clients, cfg.Staff), desk: cfg.ServiceDesk, defaultPri: cfg.DefaultPriority,
		mirror: cfg.MirrorChannel, notice: cfg.NoticeAfter, closeAfter: cfg.CloseAfter, observer: cfg.Observer, report: cfg.Report,
		window: cfg.GroupWindow, home: cfg.Home, links: cfg.ThreadLink,
		csat: cfg.CSAT, csatOnAutoClose: cfg.CSAT && cfg.CSATOnAutoClose,
		deskLang: cfg.DeskLanguage, kb: cfg.Knowledge, triage: cfg.TriageChannel,
		extras: memo[int64, cardExtras]{maxEntries: cardExtrasMax},
	}, nil
}

// DeskLanguage is desk.language, for the service's own alerts to staff.
func (b *Bot) DeskLanguage() wording.Language { return b.deskLang }

// Handle routes one inbound. Everything it decides is committed before it
// returns, so the caller may acknowledge the platform right after.
func (b *Bot) Handle(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	b.observer.Inbound(in)
	if in.At.IsZero() {
		in.At = b.clock.Now()
	}
	switch {
	case in.Kind == channels.KindEdit || in.Kind == channels.KindDelete:
		return channels.Reply{}, b.handleEdit(ctx, in)
	case in.Platform == channels.WhatsApp && in.Kind == channels.KindMessage:
		return channels.Reply{}, b.handleWhatsApp(ctx, in)
	case in.Platform == channels.WhatsApp && in.Kind == channels.KindReaction:
		return channels.Reply{}, b.handleChatReaction(ctx, in)
	case in.Platform != channels.Slack:
		return channels.Reply{}, nil
	case in.Kind == channels.KindHomeOpened:
		b.homeOpened(in)
		return channels.Reply{}, nil
	case in.Kind == channels.KindMessage:
		return channels.Reply{}, b.handleSlackMessage(ctx, in)
	case in.Kind == channels.KindCommand:
		return b.handleCommand(ctx, in)
	case in.Kind == channels.KindAction:
		return b.handleAction(ctx, in)
	case in.Kind == channels.KindReaction:
		return channels.Reply{}, b.handleReaction(ctx, in)
	}
	return channels.Reply{}, nil
}

// effects is what to tell the observer once the transaction commits.
type effects = ticketing.AfterCommit

// update runs fn in one transaction, then the effects it collected, then
// wakes the outbox.
func (b *Bot) update(ctx context.Context, fn func(tx ticketing.Tx, fx *effects) error) error {
	var owners []string
	err := ticketing.UpdateThen(ctx, b.store, func(tx ticketing.Tx, fx *effects) error {
		cards := &cardWatch{Tx: tx}
		w := &homeWatch{Tx: cards, dir: b.dir}
		err := fn(w, fx)
		owners = w.owners
		if err != nil {
			return err
		}
		return b.refreshCards(ctx, cards)
	})
	if err != nil {
		return err
	}
	b.observer.Committed()
	b.home.touch(b.renderHome, owners...)
	return nil
}

// firstTime marks a delivery id as seen; false means it was handled already.
func firstTime(ctx context.Context, tx ticketing.Tx, eventID string, at time.Time) (bool, error) {
	if eventID == "" {
		return true, nil
	}
	err := tx.MarkEvent(ctx, eventID, at)
	if errors.Is(err, ticketing.ErrDuplicate) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("dedupe: %w", err)
	}
	return true, nil
}
