package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/config"
	"supportbot/schedules"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// frontBot is the handler the transports hold: a reload builds a new bot
// from the new configuration and swaps it in, so the next event meets the
// new clients, staff and texts while an event already being handled
// finishes with the bot it started with.
type frontBot struct{ p atomic.Pointer[bot.Bot] }

var _ channels.Handler = (*frontBot)(nil)

func newFrontBot(b *bot.Bot) *frontBot {
	f := &frontBot{}
	f.p.Store(b)
	return f
}

func (f *frontBot) Handle(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	return f.p.Load().Handle(ctx, in)
}

// currentBot is the bot events meet now.
func (a *App) currentBot() *bot.Bot {
	if a.front == nil {
		return a.bot
	}
	return a.front.p.Load()
}

// botConfig is the router's configuration from cfg, for New and reloads.
func (a *App) botConfig(cfg *config.Config, engine *schedules.Engine, clients []ticketing.Client) bot.Config {
	return bot.Config{
		Store:      a.db,
		Classifier: classifierAdapter{LoadClassifier(cfg, a.log)},
		Calendar:   engine,
		Clock:      a.clock,
		Log:        a.log.With("component", "bot"),
		Clients:    clients,
		Staff:      cfg.TicketingStaff(),
		ServiceDesk: bot.ServiceDesk{
			Phones: cfg.ServiceDesk.Phones, Website: cfg.ServiceDesk.Website,
			ELearningURL: cfg.ServiceDesk.ELearningURL, Channel: cfg.ServiceDesk.Channel,
		},
		DefaultPriority: cfg.SLA.Default(),
		MirrorChannel:   cfg.WhatsApp.MirrorChannel,
		NoticeAfter:     cfg.SLA.AutoClose.NoticeDelay(),
		CloseAfter:      cfg.SLA.AutoClose.CloseDelay(),
		// The deliverer exists before any event can arrive: transports
		// start only in run.
		// The store wakes the deliverer after each commit that queued a
		// reply (DB.OnQueued); other commits owe nothing new.
		Observer:    a.metrics,
		Report:      a.monthlyReport,
		GroupWindow: cfg.Intake.Window(),
		Home:        a.home,
		ThreadLink:  a.threadLink,
		CSAT:        cfg.CSAT.Asks(), CSATOnAutoClose: cfg.CSAT.AsksOnAutoClose(),
		DeskLanguage:  cfg.Desk.Lang(),
		Knowledge:     a.loadKnowledge(cfg),
		TriageChannel: cfg.Triage(),
	}
}

// jobsConfig is the scheduled jobs' configuration from cfg.
// b asks for the rating of what the jobs auto-close (csat.on_autoclose).
func (a *App) jobsConfig(cfg *config.Config, engine *schedules.Engine, clients []ticketing.Client, wake func(), b *bot.Bot) schedules.JobsConfig {
	return schedules.JobsConfig{
		Store: a.db, Engine: engine, Clock: a.clock, Log: a.jobsLog,
		Clients: clients, Staff: cfg.TicketingStaff(), WarnAt: cfg.SLA.WarnAt,
		Desk:             ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: cfg.ServiceDesk.Channel},
		SendEmptyDigests: !cfg.Digest.SkipsEmpty(),
		NoticeAfter:      cfg.SLA.AutoClose.NoticeDelay(), CloseAfter: cfg.SLA.AutoClose.CloseDelay(),
		OnQueued: wake, Observer: homeOnJobs{JobsObserver: a.metrics, bot: b}, OnAutoClosed: b.AskCSATOnAutoClose, ResolutionTargets: cfg.SLA.ResolutionTargetMap(),
		DeskLanguage: cfg.Desk.Lang(),
		Triage:       ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: cfg.Triage()},
		// The jobs' breaches and closes redraw the ticket's staff card.
		OnTicketChanged: b.RefreshCard,
	}
}

// Reload applies a configuration already loaded and validated in full. The
// store, HTTP, Slack connection and WhatsApp link keep their running
// settings (changing them takes a restart, and the log says so); clients,
// staff, contacts, plans, SLA targets and texts apply to the next event.
// Clients gone from the file stay known with an expired contract, so their
// tickets stay readable and new messages get the contract answer.
func (a *App) Reload(ctx context.Context, next *config.Config) error {
	a.live.reloadMu.Lock()
	defer a.live.reloadMu.Unlock()
	prev := a.live.cfg.Load()
	if keys := restartOnly(prev, next); len(keys) > 0 {
		a.log.Warn("config reload: these keys take effect only after a restart", "keys", strings.Join(keys, ", "))
	}
	clients := withRemoved(next.TicketingClients(), a.live.clients())
	engine := engineOf(next)
	wake := func() { a.deliverer.Wake() }
	b, err := bot.New(a.botConfig(next, engine, clients))
	if err != nil {
		return fmt.Errorf("config reload: %w", err)
	}
	jobs, err := schedules.NewJobs(a.jobsConfig(next, engine, clients, wake, b))
	if err != nil {
		return fmt.Errorf("config reload: %w", err)
	}
	now := a.clock.Now()
	change := describeChange(prev, next)
	err = a.db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(ctx, next.TicketingStaff(), now); err != nil {
			return err
		}
		if err := tx.SyncClients(ctx, clients, now); err != nil {
			return err
		}
		return tx.Audit(ctx, ticketing.AuditEntry{At: now, Actor: "supportbot", Action: ticketing.AuditConfigReloaded, Detail: change})
	})
	if err != nil {
		return fmt.Errorf("config reload: sync store: %w", err)
	}
	a.front.p.Store(b)
	a.live.swap(next, jobs, clients)
	a.log.Info("config reloaded", "change", change)
	return nil
}

// WatchReloads reloads the configuration each time hup fires (SIGHUP when
// hup is nil), with load reading and validating the file; a file that
// fails keeps the running configuration, and the error, naming its keys,
// is logged and posted to the service desk channel. The returned stop
// ends the watch and waits for a reload under way.
func (a *App) WatchReloads(ctx context.Context, hup <-chan os.Signal, load func() (*config.Config, error)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	if hup == nil {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGHUP)
		context.AfterFunc(ctx, func() { signal.Stop(c) })
		hup = c
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				a.reloadFrom(ctx, load)
			}
		}
	})
	return func() { cancel(); wg.Wait() }
}

func (a *App) reloadFrom(ctx context.Context, load func() (*config.Config, error)) {
	next, err := load()
	if err == nil {
		err = a.Reload(ctx, next)
	}
	if err == nil {
		return
	}
	a.log.Error("config reload refused; the running configuration stays", "err", err)
	l := a.currentBot().DeskLanguage()
	text := l.Say("alert.reload_refused", reloadProblem(l, err))
	if aerr := a.currentBot().AlertDesk(context.WithoutCancel(ctx), ticketing.AuditConfigRejected, text); aerr != nil {
		a.log.Error("config reload: alert the service desk", "err", aerr)
	}
}

// reloadProblem names the keys at fault, without quoting values (a
// token or a URL with a password may be among them).
func reloadProblem(l wording.Language, err error) string {
	var cerr *config.Error
	if !errors.As(err, &cerr) {
		return l.Say("alert.reload_see_log")
	}
	keys := make([]string, 0, len(cerr.Problems))
	for _, p := range cerr.Problems {
		key, _, _ := strings.Cut(p, ": ")
		keys = append(keys, key)
	}
	return l.Say("alert.reload_check", strings.Join(slices.Compact(keys), ", "))
}

// restartOnly lists the keys whose change a reload cannot apply, and puts
// their running values back into next.
func restartOnly(prev, next *config.Config) []string {
	var keys []string
	if !reflect.DeepEqual(prev.Store, next.Store) {
		keys, next.Store = append(keys, "store"), prev.Store
	}
	if !reflect.DeepEqual(prev.HTTP, next.HTTP) {
		keys, next.HTTP = append(keys, "http"), prev.HTTP
	}
	if !reflect.DeepEqual(prev.Slack, next.Slack) {
		keys, next.Slack = append(keys, "slack"), prev.Slack
	}
	mirror := next.WhatsApp.MirrorChannel
	wa := prev.WhatsApp
	wa.MirrorChannel = mirror
	if !reflect.DeepEqual(wa, next.WhatsApp) {
		keys, next.WhatsApp = append(keys, "whatsapp"), wa
	}
	return keys
}

// withRemoved adds to clients every client of before that the new file
// dropped, with an expired contract and without the channel or numbers a
// remaining client now uses.
func withRemoved(clients, before []ticketing.Client) []ticketing.Client {
	ids := map[string]bool{}
	taken := map[string]bool{}
	for _, c := range clients {
		ids[c.ID] = true
		taken[c.Channel] = true
		for _, p := range c.Contacts {
			taken[p] = true
		}
	}
	out := slices.Clone(clients)
	for _, c := range before {
		if ids[c.ID] {
			continue
		}
		c.Contract = ticketing.ContractExpired
		if taken[c.Channel] {
			c.Channel = ""
		}
		c.Contacts = slices.DeleteFunc(slices.Clone(c.Contacts), func(p string) bool { return taken[p] })
		out = append(out, c)
	}
	return out
}

// describeChange is the reload's audit line: who came and went, and which
// sections changed.
func describeChange(prev, next *config.Config) string {
	var parts []string
	before, after := prev.TicketingClients(), next.TicketingClients()
	parts = appendChange(parts, "clients", clientIDs(before), clientIDs(after))
	parts = appendChange(parts, "staff", staffIDs(prev), staffIDs(next))
	parts = appendChange(parts, "contacts", contactsOf(before), contactsOf(after))
	var changed []string
	for _, c := range after {
		if i := slices.IndexFunc(before, func(b ticketing.Client) bool { return b.ID == c.ID }); i >= 0 && !reflect.DeepEqual(before[i], c) {
			changed = append(changed, c.ID)
		}
	}
	if len(changed) > 0 {
		parts = append(parts, "clients changed: "+strings.Join(changed, ", "))
	}
	for _, s := range []struct {
		name string
		a, b any
	}{{"sla", prev.SLA, next.SLA}, {"service_desk", prev.ServiceDesk, next.ServiceDesk}, {"desk", prev.Desk, next.Desk}, {"classifier", prev.Classifier, next.Classifier},
		{"retention", prev.Retention, next.Retention}, {"whatsapp.mirror_channel", prev.WhatsApp.MirrorChannel, next.WhatsApp.MirrorChannel}} {
		if !reflect.DeepEqual(s.a, s.b) {
			parts = append(parts, s.name+" changed")
		}
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}

func appendChange(parts []string, what string, before, after []string) []string {
	added, removed := diffIDs(before, after)
	if len(added) > 0 {
		parts = append(parts, what+" added: "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, what+" removed: "+strings.Join(removed, ", "))
	}
	return parts
}

// diffIDs is what after has that before lacks, and the other way round.
func diffIDs(before, after []string) (added, removed []string) {
	for _, id := range after {
		if !slices.Contains(before, id) {
			added = append(added, id)
		}
	}
	for _, id := range before {
		if !slices.Contains(after, id) {
			removed = append(removed, id)
		}
	}
	return added, removed
}

func clientIDs(cs []ticketing.Client) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func staffIDs(cfg *config.Config) []string {
	var out []string
	for _, s := range cfg.TicketingStaff() {
		out = append(out, s.ID)
	}
	return out
}

func contactsOf(cs []ticketing.Client) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Contacts...)
	}
	return out
}
