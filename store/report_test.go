package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

// reportStore is a store file with two clients and one month of activity
// around November 2026, plus rows just outside it.
func reportStore(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "report.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.SyncClients(ctx, []ticketing.Client{
			{ID: "acme", Name: "ACME", Country: ticketing.CountryAR, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractActive, Channel: "CACME"},
			{ID: "andes", Name: "Andes", Country: ticketing.CountryCL, Plan: ticketing.PlanEstandar, Contract: ticketing.ContractActive, Channel: "CANDES"},
		}, at)
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

var (
	novFrom = time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	novTo   = time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
)

func reportTicket(client, channel string, source ticketing.Source, received time.Time) *ticketing.Ticket {
	return &ticketing.Ticket{
		ClientID: client, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Status: ticketing.StatusNuevo,
		Source: source, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: channel}, OpenedBy: "UC", Subject: "no levanta el discador",
		ReceivedAt: received, ClockStart: received, DueAt: received.Add(4 * time.Hour),
	}
}

// sent queues an outbox item for a ticket and, unless sentAfter is negative,
// marks it delivered that long after the ticket was received.
type sent struct {
	delivery  string
	target    string
	sentAfter time.Duration
}

func TestReportRows(t *testing.T) {
	ctx := context.Background()
	db := reportStore(t)
	slack := reportTicket("acme", "CACME", ticketing.SourceSlack, time.Date(2026, 11, 2, 13, 0, 0, 0, time.UTC))
	// The breach list links the thread and names who answered.
	slack.Desk.Thread, slack.FirstResponder = "1762088400.000100", "USTAFF"
	slack.FirstResponseAt = slack.ReceivedAt.Add(5 * time.Hour)
	wa := reportTicket("acme", "CACME", ticketing.SourceWhatsApp, time.Date(2026, 11, 3, 13, 0, 0, 0, time.UTC))
	wa.Client = ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491155550101"}
	unanswered := reportTicket("acme", "CACME", ticketing.SourceSlack, time.Date(2026, 11, 4, 13, 0, 0, 0, time.UTC))
	andes := reportTicket("andes", "CANDES", ticketing.SourceSlack, time.Date(2026, 11, 5, 13, 0, 0, 0, time.UTC))
	before := reportTicket("acme", "CACME", ticketing.SourceSlack, novFrom.Add(-time.Millisecond))
	atEnd := reportTicket("acme", "CACME", ticketing.SourceSlack, novTo)

	outbox := map[*ticketing.Ticket][]sent{
		slack: {
			// What the bot sent elsewhere comes first and must not count.
			{slackDM, "UFOCAL", 2 * time.Second},
			{slackPost, "CDESK", 3 * time.Second},
			{slackPost, "CACME", 12 * time.Second},
			{slackPost, "CACME", 8 * time.Second},
		},
		wa: {
			// The Slack mirror of a WhatsApp ticket is not the client's answer.
			{slackPost, "CACME", time.Second},
			{waPost, "+5491155550101", 25 * time.Second},
		},
		unanswered: {{slackPost, "CACME", -1}},
		andes:      {{slackPost, "CANDES", 4 * time.Second}},
		before:     {{slackPost, "CACME", time.Second}},
	}
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		for _, tk := range []*ticketing.Ticket{slack, wa, unanswered, andes, before, atEnd} {
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
			for _, s := range outbox[tk] {
				to, mode := routed(s.delivery, s.target)
				it := &ticketing.OutboxItem{To: to, Mode: mode, Text: "hola", TicketID: tk.ID, CreatedAt: tk.ReceivedAt}
				if err := tx.Enqueue(ctx, it); err != nil {
					return err
				}
				if s.sentAfter >= 0 {
					if err := tx.MarkSent(ctx, it.ID, tk.ReceivedAt.Add(s.sentAfter), "ts"); err != nil {
						return err
					}
				}
			}
		}
		for _, e := range []ticketing.AuditEntry{
			{At: novFrom, Actor: "UC", ClientID: "acme", Action: "critical_refused", Detail: "slack"},
			{At: novFrom.Add(time.Hour), Actor: "UC", ClientID: "acme", TicketID: slack.ID, Action: "ticket_opened"},
			{At: novFrom.Add(2 * time.Hour), Actor: "UA", ClientID: "andes", Action: "critical_refused", Detail: "whatsapp"},
			{At: novFrom.Add(-time.Second), Actor: "UC", ClientID: "acme", Action: "critical_refused"},
			{At: novTo, Actor: "UC", ClientID: "acme", Action: "critical_refused"},
		} {
			if err := tx.Audit(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name        string
		client      string
		actions     []ticketing.AuditAction
		wantTickets []int64
		wantReplies map[int64]time.Duration // after the ticket was received
		wantAudit   []string                // client/action
	}{
		{
			name: "all clients, one action", actions: []ticketing.AuditAction{"critical_refused"},
			wantTickets: []int64{slack.ID, wa.ID, unanswered.ID, andes.ID},
			wantReplies: map[int64]time.Duration{slack.ID: 8 * time.Second, wa.ID: 25 * time.Second, andes.ID: 4 * time.Second},
			wantAudit:   []string{"acme/critical_refused", "andes/critical_refused"},
		},
		{
			name: "one client, every action", client: "acme",
			wantTickets: []int64{slack.ID, wa.ID, unanswered.ID},
			wantReplies: map[int64]time.Duration{slack.ID: 8 * time.Second, wa.ID: 25 * time.Second},
			wantAudit:   []string{"acme/critical_refused", "acme/ticket_opened"},
		},
		{
			name: "unknown client", client: "zeta",
			wantReplies: map[int64]time.Duration{},
		},
	}
	received := map[int64]time.Time{}
	for _, tk := range []*ticketing.Ticket{slack, wa, unanswered, andes} {
		received[tk.ID] = tk.ReceivedAt
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := db.ReportRows(ctx, novFrom, novTo, tt.client, tt.actions...)
			if err != nil {
				t.Fatal(err)
			}
			var gotTickets []int64
			for _, tk := range rows.Tickets {
				gotTickets = append(gotTickets, tk.ID)
			}
			if !slices.Equal(gotTickets, tt.wantTickets) {
				t.Errorf("tickets = %v, want %v", gotTickets, tt.wantTickets)
			}
			if len(rows.FirstBotReply) != len(tt.wantReplies) {
				t.Errorf("replies = %v, want %d of them", rows.FirstBotReply, len(tt.wantReplies))
			}
			for id, after := range tt.wantReplies {
				if got, want := rows.FirstBotReply[id], received[id].Add(after); !got.Equal(want) {
					t.Errorf("first reply of #%d = %v, want %v", id, got, want)
				}
			}
			var gotAudit []string
			for _, e := range rows.Audit {
				gotAudit = append(gotAudit, e.ClientID+"/"+string(e.Action))
			}
			if !slices.Equal(gotAudit, tt.wantAudit) {
				t.Errorf("audit = %v, want %v", gotAudit, tt.wantAudit)
			}
		})
	}

	rows, err := db.ReportRows(ctx, novFrom, novTo, "acme")
	if err != nil {
		t.Fatal(err)
	}
	got := rows.Tickets[1]
	if got.Source != ticketing.SourceWhatsApp || got.Client.Address != wa.Client.Address || !got.ReceivedAt.Equal(wa.ReceivedAt) || !got.DueAt.Equal(wa.DueAt) {
		t.Errorf("ticket read back = %+v, want the WhatsApp ticket as stored", got)
	}
	first := rows.Tickets[0]
	if first.Desk.Address != "CACME" || first.Desk.Thread != slack.Desk.Thread || first.FirstResponder != "USTAFF" ||
		!first.FirstResponseAt.Equal(slack.FirstResponseAt) || first.Subject != slack.Subject || first.Kind != slack.Kind {
		t.Errorf("ticket read back = %+v, want the thread, responder and subject as stored", first)
	}
	if rows.Audit[1].TicketID != slack.ID {
		t.Errorf("audit ticket id = %d, want %d", rows.Audit[1].TicketID, slack.ID)
	}
}

func TestReportRowsCancelled(t *testing.T) {
	db := reportStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.ReportRows(ctx, novFrom, novTo, ""); err == nil {
		t.Error("ReportRows with a cancelled context succeeded")
	}
}

// Routes as ticketing.OutboxItem.Route writes them.
const (
	slackPost = "slack_post"
	slackDM   = "slack_dm"
	waPost    = "whatsapp_post"
)

// routed is where an item of route goes to address.
func routed(route, address string) (ticketing.Conversation, ticketing.Mode) {
	p, m, _ := strings.Cut(route, "_")
	if p == "whatsapp" {
		m = "post"
	}
	return ticketing.Conversation{Platform: ticketing.Platform(p), Address: address}, ticketing.Mode(m)
}
