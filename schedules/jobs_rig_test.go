package schedules

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	slackchannel "supportbot/channels/slack"
	whatsappchannel "supportbot/channels/whatsapp"
	"sync"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

// rig runs the jobs against a real store file with a manual clock; restart
// builds a new Jobs value on the same file, as a process restart would.
type rig struct {
	t       testing.TB
	db      *store.DB
	clock   *ticketing.ManualClock
	cfg     JobsConfig
	jobs    *Jobs
	obs     *recorder
	threads int
}

var testStaff = []ticketing.Staff{
	{ID: "UF", Name: "Flor", Role: ticketing.RoleFocal},
	{ID: "UB1", Name: "Beto", Role: ticketing.RoleFocal},
	{ID: "UB2", Name: "Bruno", Role: ticketing.RoleLevel2},
	{ID: "UA1", Name: "Ana", Role: ticketing.RoleAgent},
	{ID: "UA2", Name: "Abel", Role: ticketing.RoleAgent},
	{ID: "UG", Name: "Gabi", Role: ticketing.RoleFocal},
	{ID: "UD", Name: "Dora", Role: ticketing.RoleServiceDesk},
}

func testClients() []ticketing.Client {
	return []ticketing.Client{
		{ID: "acme", Name: "ACME", Country: ticketing.CountryAR, Location: buenosAires, Plan: ticketing.PlanEstandar,
			Contract: ticketing.ContractActive, Channel: "C1", FocalPoint: "UF", Backups: []string{"UB1", "UB2"}},
		// No backups: escalation falls to the agents.
		{ID: "sola", Name: "Sola", Country: ticketing.CountryAR, Location: buenosAires, Plan: ticketing.PlanEstandar,
			Contract: ticketing.ContractActive, Channel: "C2", FocalPoint: "UG"},
		{ID: "andes", Name: "Andes", Country: ticketing.CountryCL, Location: santiago, Plan: ticketing.Plan7x24,
			Contract: ticketing.ContractActive, Channel: "C3", FocalPoint: "UF", Backups: []string{"UB1"}},
	}
}

func newRig(t testing.TB, start time.Time, tune ...func(*JobsConfig)) *rig {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "supportbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(ctx, testStaff, start); err != nil {
			return err
		}
		return tx.SyncClients(ctx, testClients(), start)
	})
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, db: db, clock: ticketing.NewManualClock(start), obs: &recorder{}}
	r.obs.clock = r.clock
	r.cfg = JobsConfig{Store: db, Engine: NewEngine(nil), Clock: r.clock, Clients: testClients(), Staff: testStaff,
		Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CDESK"}, Triage: triage, Observer: r.obs, Log: slog.New(slog.DiscardHandler),
		// The rig's store starts empty: digests are sent anyway, so the
		// digest tests see them; TestEmptyDigestsAreNotSent turns it off.
		SendEmptyDigests: true}
	for _, f := range tune {
		f(&r.cfg)
	}
	r.restart()
	return r
}

// restart throws the Jobs value away and builds a new one on the same file.
// triage is the rig's triage channel, apart from the desk's, so a test
// tells a card-thread post from a desk alert.
var triage = ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CTRIAGE"}

func (r *rig) restart() {
	r.t.Helper()
	j, err := NewJobs(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	r.jobs = j
}

func (r *rig) tick(at time.Time) {
	r.t.Helper()
	r.clock.Set(at)
	if err := r.jobs.Tick(context.Background()); err != nil {
		r.t.Fatalf("tick at %s: %v", at.Format(time.RFC3339), err)
	}
}

// tickEvery ticks from from to to (inclusive) every step, as cron would.
func (r *rig) tickEvery(from, to time.Time, step time.Duration) {
	r.t.Helper()
	for at := from; !at.After(to); at = at.Add(step) {
		r.tick(at)
	}
}

func (r *rig) client(id string) ticketing.Client {
	for _, c := range testClients() {
		if c.ID == id {
			return c
		}
	}
	r.t.Fatalf("no client %s", id)
	return ticketing.Client{}
}

// open stores a ticket of kind and priority received at received, timed by
// the engine as the router does.
func (r *rig) open(clientID string, kind ticketing.Kind, p ticketing.Priority, received time.Time) *ticketing.Ticket {
	r.t.Helper()
	c := r.client(clientID)
	start, due := r.cfg.Engine.Deadline(c, kind, p, received)
	r.threads++
	t := &ticketing.Ticket{
		ClientID: c.ID, Kind: kind, Priority: p, Status: ticketing.StatusNuevo, Source: ticketing.SourceSlack,
		Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: c.Channel, Thread: fmt.Sprintf("1712%06d.000100", r.threads)}, OpenedBy: "UC",
		Subject: "no levanta el discador", ReceivedAt: received, ClockStart: start, DueAt: due, NextActionAt: start,
		LastClientMessageAt: received, CreatedAt: received, UpdatedAt: received,
	}
	r.must(r.db.Update(context.Background(), func(tx ticketing.Tx) error { return tx.CreateTicket(context.Background(), t) }))
	return t
}

// change edits a stored ticket the way the router would.
func (r *rig) change(id int64, f func(t *ticketing.Ticket)) {
	r.t.Helper()
	ctx := context.Background()
	r.must(r.db.Update(ctx, func(tx ticketing.Tx) error {
		t, err := tx.Ticket(ctx, "", id)
		if err != nil {
			return err
		}
		f(t)
		return tx.UpdateTicket(ctx, t)
	}))
}

func (r *rig) ticket(id int64) *ticketing.Ticket {
	r.t.Helper()
	var t *ticketing.Ticket
	r.must(r.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		t, err = tx.Ticket(context.Background(), "", id)
		return err
	}))
	return t
}

func (r *rig) setAbsent(id string, absent bool) {
	r.t.Helper()
	r.must(r.db.Update(context.Background(), func(tx ticketing.Tx) error { return tx.SetStaffAbsent(context.Background(), id, absent) }))
}

// outbox is everything queued so far, oldest first.
func (r *rig) outbox() []ticketing.OutboxItem {
	r.t.Helper()
	var items []ticketing.OutboxItem
	r.must(r.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		items, err = tx.PendingOutbox(context.Background(), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), 100000)
		return err
	}))
	// Tests read the texts as people see them, written by each platform's adapter.
	for i := range items {
		items[i].Text = rendered(items[i])
	}
	return items
}

func rendered(it ticketing.OutboxItem) string {
	if it.To.Platform == ticketing.PlatformWhatsApp {
		return whatsappchannel.RenderText(it.Text)
	}
	return slackchannel.RenderText(it.Text)
}

// ticketItems is what was queued about tickets, leaving digests out.
func (r *rig) ticketItems() []ticketing.OutboxItem {
	var out []ticketing.OutboxItem
	for _, it := range r.outbox() {
		if it.TicketID != 0 {
			out = append(out, it)
		}
	}
	return out
}

// dmTargets lists who got a DM about a ticket, in order.
func (r *rig) dmTargets() []string {
	var out []string
	for _, it := range r.ticketItems() {
		if it.Route() == slackDM {
			out = append(out, it.To.Address)
		}
	}
	return out
}

// digests are the daily digests queued for a staff member.
func (r *rig) digests(staffID string) []ticketing.OutboxItem {
	var out []ticketing.OutboxItem
	for _, it := range r.outbox() {
		if it.TicketID == 0 && it.Route() == slackDM && it.To.Address == staffID {
			out = append(out, it)
		}
	}
	return out
}

// sent lists items queued about tickets of one delivery to one target,
// e.g. the DMs of a staff member.
func (r *rig) sent(d string, target string) []ticketing.OutboxItem {
	var out []ticketing.OutboxItem
	for _, it := range r.ticketItems() {
		if it.Route() == d && it.To.Address == target {
			out = append(out, it)
		}
	}
	return out
}

func (r *rig) audit(action ticketing.AuditAction) []ticketing.AuditEntry {
	r.t.Helper()
	var out []ticketing.AuditEntry
	r.must(r.db.View(context.Background(), func(tx ticketing.Tx) error {
		all, err := tx.AuditLog(context.Background(), "", time.Time{})
		for _, e := range all {
			if e.Action == action {
				out = append(out, e)
			}
		}
		return err
	}))
	return out
}

func (r *rig) notified(id int64, kind string, threshold float64) bool {
	r.t.Helper()
	var found bool
	r.must(r.db.View(context.Background(), func(tx ticketing.Tx) error {
		_, err := tx.Notification(context.Background(), id, kind, threshold)
		found = err == nil
		return nil
	}))
	return found
}

func (r *rig) must(err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatal(err)
	}
}

// recorder is a JobsObserver that notes each event with the clock's time.
type recorder struct {
	mu     sync.Mutex
	clock  ticketing.Clock
	events []string
}

func (o *recorder) note(format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events = append(o.events, o.clock.Now().Format("Mon 15:04")+" "+fmt.Sprintf(format, args...))
}

func (o *recorder) PingSent(t *ticketing.Ticket, w float64) { o.note("ping #%d %g", t.ID, w) }
func (o *recorder) Breached(t *ticketing.Ticket)            { o.note("breach #%d", t.ID) }
func (o *recorder) AutoClosed(t *ticketing.Ticket)          { o.note("closed #%d", t.ID) }
func (o *recorder) DigestSent(id string)                    { o.note("digest %s", id) }

// take returns the ticket events noted so far and forgets them; digests
// are left to takeDigests.
func (o *recorder) take() []string { return o.takeWhere(false) }

// takeDigests returns the digest events noted so far and forgets them.
func (o *recorder) takeDigests() []string { return o.takeWhere(true) }

func (o *recorder) takeWhere(digests bool) []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out, keep []string
	for _, e := range o.events {
		if strings.Contains(e, " digest ") == digests {
			out = append(out, e)
		} else {
			keep = append(keep, e)
		}
	}
	o.events = keep
	return out
}

func texts(items []ticketing.OutboxItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.Text + "\n")
	}
	return b.String()
}

// Routes as ticketing.OutboxItem.Route writes them.
const (
	slackPost = "slack_post"
	slackDM   = "slack_dm"
	waPost    = "whatsapp_post"
)
