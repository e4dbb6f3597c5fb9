package bot_test

import (
	"context"
	"path/filepath"
	"strings"
	slackchannel "supportbot/channels/slack"
	whatsappchannel "supportbot/channels/whatsapp"
	"sync"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/store"
	"supportbot/ticketing"
)

var (
	buenosAires, _ = time.LoadLocation("America/Argentina/Buenos_Aires")
	// A Tuesday, 10:00 in Buenos Aires.
	t0 = time.Date(2026, 11, 24, 10, 0, 0, 0, buenosAires)
)

// fakeCalendar is open around the clock with a fixed 4 h target, so router
// tests don't depend on the SLA engine.
type fakeCalendar struct{}

func (fakeCalendar) Deadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, at time.Time) (time.Time, time.Time) {
	return at, at.Add(4 * time.Hour)
}
func (fakeCalendar) IsOpen(ticketing.Client, ticketing.Kind, time.Time) bool { return true }
func (fakeCalendar) NextOpening(c ticketing.Client, k ticketing.Kind, at time.Time) time.Time {
	return at
}
func (fakeCalendar) NextResponseDeadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, at time.Time) (time.Time, time.Time, bool) {
	return at, at.Add(4 * time.Hour), true
}
func (fakeCalendar) OpenTimeBetween(c ticketing.Client, k ticketing.Kind, from, to time.Time) time.Duration {
	return max(to.Sub(from), 0)
}

// noCaseTexts open nothing on their own.
var noCaseTexts = map[string]bool{"hola": true, "buen día": true, "gracias": true, "gracias!!": true, "ok": true, "👍": true}

// keywordClassifier is a tiny stand-in: tests say what they mean with words.
func keywordClassifier(text string) bot.Classification {
	switch l := strings.ToLower(text); {
	case noCaseTexts[strings.TrimSpace(l)]:
		return bot.Classification{Kind: ticketing.KindConsulta, Confidence: 0.9, Ask: true, NoCase: true, Cues: []string{"saludo"}}
	case strings.Contains(l, "todo caído"):
		return bot.Classification{Kind: ticketing.KindIncidenteCritico, Priority: ticketing.PriorityCritica, Confidence: 0.9, Cues: []string{"todo caído"}}
	case strings.Contains(l, "no marca"):
		return bot.Classification{Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Confidence: 0.7, DoubtfulCritical: true, Cues: []string{"no marca"}}
	case strings.Contains(l, "no anda"):
		return bot.Classification{Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Confidence: 0.8, Cues: []string{"no anda"}}
	case strings.Contains(l, "hmm"):
		return bot.Classification{Kind: ticketing.KindConsulta, Confidence: 0.2, Ask: true}
	}
	return bot.Classification{Kind: ticketing.KindConsulta, Confidence: 0.8}
}

// How the store writes an item's route and its desk-thread marker, for
// tests that read the outbox table itself.
const (
	slackPost    = "slack_post"
	slackDM      = "slack_dm"
	slackUpdate  = "slack_update"
	waPost       = "whatsapp_post"
	inDeskThread = "@ticket"
)

// senders registers a Slack and a WhatsApp stand-in by platform.
func senders(slack, whatsapp channels.Sender) map[ticketing.Platform]channels.Sender {
	return map[ticketing.Platform]channels.Sender{channels.Slack: slack, channels.WhatsApp: whatsapp}
}

// recordingSender stands in for a platform; it can fail on demand.
type recordingSender struct {
	mu    sync.Mutex
	sent  []ticketing.OutboxItem
	fail  func(ticketing.OutboxItem) error
	count int
}

func (s *recordingSender) Send(ctx context.Context, it ticketing.OutboxItem) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		if err := s.fail(it); err != nil {
			return "", err
		}
	}
	s.count++
	// Recorded as people see it: written by the platform's own adapter.
	if it.To.Platform == ticketing.PlatformWhatsApp {
		it.Text = whatsappchannel.RenderText(it.Text)
	} else {
		it.Text = slackchannel.RenderText(it.Text)
	}
	s.sent = append(s.sent, it)
	return "17000000" + strings.Repeat("0", 2) + "." + string(rune('0'+s.count%10)) + "0000" + string(rune('a'+s.count%26)), nil
}

func (s *recordingSender) items() []ticketing.OutboxItem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ticketing.OutboxItem(nil), s.sent...)
}

type harness struct {
	t        *testing.T
	bot      *bot.Bot
	db       *store.DB
	clock    *ticketing.ManualClock
	slack    *recordingSender
	whatsapp *recordingSender
	deliver  *bot.Deliverer
	// triaged are the posts flush saw in the triage channel: the desk's
	// side, kept apart so a test of the client's side reads that alone.
	triaged []ticketing.OutboxItem
}

// triageChannel is the harness's desk.triage_channel.
const triageChannel = "CTRIAGE"

var (
	acme  = ticketing.Client{ID: "acme", Name: "ACME", Country: ticketing.CountryAR, Location: buenosAires, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractActive, Channel: "CACME", FocalPoint: "UFOCAL", Backups: []string{"UBACKUP"}, Contacts: []string{"+5491155550101"}}
	beta  = ticketing.Client{ID: "beta", Name: "Beta", Country: ticketing.CountryAR, Location: buenosAires, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractActive, Channel: "CBETA", FocalPoint: "UFOCAL", Contacts: []string{"+5491155550202"}}
	gamma = ticketing.Client{ID: "gamma", Name: "Gamma", Country: ticketing.CountryAR, Location: buenosAires, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractSuspended, Channel: "CGAMMA", FocalPoint: "UFOCAL"}
	staff = []ticketing.Staff{
		{ID: "UFOCAL", Name: "Lucía", Role: ticketing.RoleFocal},
		{ID: "UBACKUP", Name: "Diego", Role: ticketing.RoleAgent},
		{ID: "UDESK", Name: "Mesa", Role: ticketing.RoleServiceDesk},
	}
	phones = []string{"+54 9 5276-9999", "+56 2-2928-8900"}
)

func newHarness(t *testing.T) *harness {
	t.Helper()
	return newHarnessWith(t, nil)
}

// newHarnessWith lets a test adjust the router's config.
func newHarnessWith(t *testing.T, adjust func(*bot.Config)) *harness {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clients := []ticketing.Client{acme, beta, gamma}
	if err := db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(ctx, staff, t0); err != nil {
			return err
		}
		return tx.SyncClients(ctx, clients, t0)
	}); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, db: db, clock: ticketing.NewManualClock(t0), slack: &recordingSender{}, whatsapp: &recordingSender{}}
	cfg := bot.Config{
		Store: db, Classifier: bot.ClassifierFunc(keywordClassifier), Calendar: fakeCalendar{}, Clock: h.clock,
		Clients: clients, Staff: staff, ServiceDesk: bot.ServiceDesk{Phones: phones, Channel: "CDESK"},
		DefaultPriority: ticketing.PriorityMedia, TriageChannel: triageChannel,
	}
	if adjust != nil {
		adjust(&cfg)
	}
	h.bot, err = bot.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.deliver = bot.NewDeliverer(bot.DelivererConfig{Store: db, Clock: h.clock, Senders: senders(h.slack, h.whatsapp)})
	return h
}

func (h *harness) handle(in channels.Inbound) channels.Reply {
	h.t.Helper()
	if in.At.IsZero() {
		in.At = h.clock.Now()
	}
	r, err := h.bot.Handle(context.Background(), in)
	if err != nil {
		h.t.Fatalf("Handle(%+v): %v", in, err)
	}
	// A synchronous reply is shown by Slack, as its adapter writes it.
	r.Text = slackchannel.RenderText(r.Text)
	return r
}

// flush delivers everything due and returns what was sent to Slack and
// WhatsApp during this flush.
func (h *harness) flush() (slack, whatsapp []ticketing.OutboxItem) {
	h.t.Helper()
	s0, w0 := len(h.slack.items()), len(h.whatsapp.items())
	if err := h.deliver.Flush(context.Background()); err != nil {
		h.t.Fatal(err)
	}
	for _, it := range h.slack.items()[s0:] {
		if it.To.Address == triageChannel {
			h.triaged = append(h.triaged, it)
			continue
		}
		slack = append(slack, it)
	}
	return slack, h.whatsapp.items()[w0:]
}

// clientSide leaves out what went to the triage channel.
func clientSide(items []ticketing.OutboxItem) []ticketing.OutboxItem {
	var out []ticketing.OutboxItem
	for _, it := range items {
		if it.To.Address != triageChannel {
			out = append(out, it)
		}
	}
	return out
}

// takeTriaged returns the triage channel's posts flushed since the last
// call.
func (h *harness) takeTriaged() []ticketing.OutboxItem {
	out := h.triaged
	h.triaged = nil
	return out
}

func (h *harness) tickets(clientID string) []*ticketing.Ticket {
	h.t.Helper()
	var ts []*ticketing.Ticket
	err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		ts, err = tx.FindTickets(context.Background(), ticketing.TicketFilter{ClientID: clientID})
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return ts
}

func (h *harness) ticket(id int64) *ticketing.Ticket {
	h.t.Helper()
	var t *ticketing.Ticket
	err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		t, err = tx.Ticket(context.Background(), "", id)
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return t
}

func (h *harness) card(ticketID int64) ticketing.Card {
	h.t.Helper()
	var c ticketing.Card
	if err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		c, err = tx.TicketCard(context.Background(), ticketID)
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return c
}

func (h *harness) audits(action ticketing.AuditAction) []ticketing.AuditEntry {
	h.t.Helper()
	var out []ticketing.AuditEntry
	h.db.View(context.Background(), func(tx ticketing.Tx) error {
		all, err := tx.AuditLog(context.Background(), "", time.Time{})
		for _, e := range all {
			if e.Action == action {
				out = append(out, e)
			}
		}
		return err
	})
	return out
}

func slackMsg(channel, user, ts, text string) channels.Inbound {
	return channels.Inbound{Platform: channels.Slack, Kind: channels.KindMessage, EventID: "Ev" + ts, MessageID: ts, Channel: channel, UserID: user, Text: text}
}

func threadReply(channel, user, thread, ts, text string) channels.Inbound {
	in := slackMsg(channel, user, ts, text)
	in.ThreadTS = thread
	return in
}

func command(channel, user, text string) channels.Inbound {
	return channels.Inbound{Platform: channels.Slack, Kind: channels.KindCommand, Command: "/soporte", Channel: channel, UserID: user, Text: text}
}

func waMsg(phone, id, text string) channels.Inbound {
	return channels.Inbound{Platform: channels.WhatsApp, Kind: channels.KindMessage, EventID: id, MessageID: id, Channel: phone, UserID: phone, UserName: "Juan", Text: text}
}

func texts(items []ticketing.OutboxItem) string {
	var s []string
	for _, it := range items {
		s = append(s, it.Route()+" "+it.To.Address+" ["+it.To.Thread+"] "+it.Text)
	}
	return strings.Join(s, "\n")
}

func channelsAction(channel, user, actionID, value string) channels.Inbound {
	return channels.Inbound{Platform: channels.Slack, Kind: channels.KindAction, EventID: "act:" + value + user, Channel: channel, UserID: user, ActionID: actionID, ActionValue: value, MessageID: "200.1"}
}
