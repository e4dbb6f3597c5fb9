package report_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"supportbot/report"
	"supportbot/store"
	"supportbot/ticketing"
)

// randomStore writes n random tickets of the seeded clients, received from
// May to early December 2026, into a fresh SQLite store.
func randomStore(t *testing.T, rng *rand.Rand, n int) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "random.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	priorities := append([]ticketing.Priority{"urgentisima"}, ticketing.Priorities...)
	sources := []ticketing.Source{ticketing.SourceSlack, ticketing.SourceWhatsApp, ticketing.SourceServiceDesk}
	start := time.Date(2026, 5, 25, 0, 0, 0, 0, time.UTC)
	span := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC).Sub(start)
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncClients(ctx, clients(), start); err != nil {
			return err
		}
		for i := range n {
			c := clients()[rng.IntN(2)]
			received := start.Add(time.Duration(rng.Int64N(int64(span))))
			if rng.IntN(2) == 0 { // half in the reported month, around its edges
				received = time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(32 * 24 * time.Hour))))
			}
			target := time.Duration(1+rng.IntN(96)) * time.Hour
			tk := &ticketing.Ticket{
				ClientID: c.ID, Kind: ticketing.Kinds[rng.IntN(len(ticketing.Kinds))], Priority: priorities[rng.IntN(len(priorities))],
				Status: ticketing.StatusEnCurso, Source: sources[rng.IntN(len(sources))], Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: c.Channel, Thread: fmt.Sprintf("17%08d.%06d", i, i)},
				OpenedBy: "UC", Subject: "caso",
				ReceivedAt: received, ClockStart: received, DueAt: received.Add(target),
			}
			// Answered before or after the deadline, or not at all; closed
			// before or after it, or still open.
			if rng.IntN(3) > 0 {
				tk.FirstResponseAt = received.Add(time.Duration(rng.Int64N(int64(2 * target))))
				tk.FirstResponder = []string{"UANA", "UBETO", "UCARLA"}[rng.IntN(3)]
			}
			if rng.IntN(2) == 0 {
				tk.Status = ticketing.StatusCerrado
				tk.ClosedAt = received.Add(time.Duration(rng.Int64N(int64(2 * target))))
				tk.CloseReason = append(report.AutoCloseReasons, ticketing.CloseReasonClientConformity)[rng.IntN(3)]
			}
			if err := tx.CreateTicket(ctx, tk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestEveryRowAddsUp checks, over random stores, that every row of every
// section places each ticket in exactly one outcome, and that the sections
// add up to the desk.
func TestEveryRowAddsUp(t *testing.T) {
	ctx := context.Background()
	var seen report.Row // every outcome must turn up in some store
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 20))
			db := randomStore(t, rng, 150)
			from, to := november.TrendWindow()
			rows, err := db.ReportRows(ctx, from, to, "", report.AuditActions...)
			if err != nil {
				t.Fatal(err)
			}
			r := report.Build(report.Input{Month: november, Clients: clients(), Tickets: rows.Tickets, FirstBotReply: rows.FirstBotReply,
				Audit: rows.Audit, Hours: halfHours{}, Now: reportNow})

			check := func(name string, row report.Row) {
				t.Helper()
				if sum := row.Met + row.Breaches + row.Pending + row.ClosedNoResponse; sum != row.Tickets {
					t.Errorf("%s: %d tickets but %d in target + %d breaches + %d pending + %d closed without response = %d",
						name, row.Tickets, row.Met, row.Breaches, row.Pending, row.ClosedNoResponse, sum)
				}
			}
			sumOf := func(rows []report.Row) report.Row {
				var s report.Row
				for _, r := range rows {
					s.Tickets += r.Tickets
					s.Met += r.Met
					s.Breaches += r.Breaches
					s.Pending += r.Pending
					s.ClosedNoResponse += r.ClosedNoResponse
				}
				return s
			}
			counts := func(r report.Row) report.Row {
				return report.Row{Tickets: r.Tickets, Met: r.Met, Breaches: r.Breaches, Pending: r.Pending, ClosedNoResponse: r.ClosedNoResponse}
			}
			var totals []report.Row
			for _, c := range r.Clients {
				for _, row := range c.Rows {
					check(c.Client.ID+" "+string(row.Priority), row)
				}
				check(c.Client.ID+" total", c.Total)
				if got := sumOf(c.Rows); got != counts(c.Total) {
					t.Errorf("%s: priorities add up to %+v, total is %+v", c.Client.ID, got, c.Total)
				}
				for _, p := range c.Trend {
					check(c.Client.ID+" "+p.Month.String(), p.Row)
				}
				if len(c.Breaches) != c.Total.Breaches {
					t.Errorf("%s: %d breaches listed, %d counted", c.Client.ID, len(c.Breaches), c.Total.Breaches)
				}
				totals = append(totals, c.Total)
			}
			check("desk", r.Desk.Total)
			if got := sumOf(totals); got != counts(r.Desk.Total) {
				t.Errorf("clients add up to %+v, desk is %+v", got, r.Desk.Total)
			}
			for _, p := range r.Desk.Trend {
				check("desk "+p.Month.String(), p.Row)
			}
			for name, gs := range map[string][]report.Group{"focal point": r.FocalPoints, "kind": r.Kinds, "channel": r.Channels} {
				var rows []report.Row
				for _, g := range gs {
					check(name+" "+g.Key, g.Row)
					rows = append(rows, g.Row)
				}
				if got := sumOf(rows); got != counts(r.Desk.Total) {
					t.Errorf("%s groups add up to %+v, desk is %+v", name, got, r.Desk.Total)
				}
			}
			seen.Met += r.Desk.Total.Met
			seen.Breaches += r.Desk.Total.Breaches
			seen.Pending += r.Desk.Total.Pending
			seen.ClosedNoResponse += r.Desk.Total.ClosedNoResponse

			// The same holds line by line in the CSV a spreadsheet reads.
			var b bytes.Buffer
			if err := report.WriteCSV(&b, r); err != nil {
				t.Fatal(err)
			}
			for i, l := range csvLines(t, b.Bytes(), ',') {
				n := func(col string) int {
					v, err := strconv.Atoi(l[col])
					if err != nil {
						t.Fatalf("line %d %s = %q: %v", i+2, col, l[col], err)
					}
					return v
				}
				if n("tickets") != n("within_target")+n("breaches")+n("pending")+n("closed_without_response") {
					t.Errorf("csv line %d (%s) does not add up: %v", i+2, l["row_kind"], l)
				}
			}
		})
	}
	if seen.Met == 0 || seen.Breaches == 0 || seen.Pending == 0 || seen.ClosedNoResponse == 0 {
		t.Errorf("the random stores are too thin to test every outcome: %+v", seen)
	}
}
