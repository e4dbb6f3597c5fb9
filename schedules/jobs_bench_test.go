package schedules

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

// benchDue is how many tickets each tick finds due, whatever the backlog.
const benchDue = 20

// benchNow is Wednesday 8 April 2026, 12:00 in Buenos Aires: open hours.
var benchNow = ts("2026-04-08T12:00:00-03:00")

// benchStore is a store file with open tickets of which only benchDue are
// due: the rest wait for a threshold later in the day.
type benchStore struct {
	db   *store.DB
	jobs *Jobs
	due  []int64
}

func newBenchStore(b *testing.B, open int) *benchStore {
	b.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("bench-%d.db", open)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	clients := testClients()
	engine := NewEngine(nil)
	acme := clients[0]
	err = db.Update(ctx, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(ctx, testStaff, benchNow); err != nil {
			return err
		}
		return tx.SyncClients(ctx, clients, benchNow)
	})
	if err != nil {
		b.Fatal(err)
	}
	bs := &benchStore{db: db}
	const perTx = 10_000
	for done := 0; done < open; done += perTx {
		err := db.Update(ctx, func(tx ticketing.Tx) error {
			for i := done; i < min(done+perTx, open); i++ {
				// Due ones were received 3 h ago, past their 50 % and 75 %;
				// the backlog arrived this morning and is next looked at
				// at its 50 %, after this tick.
				received := benchNow.Add(-time.Duration(i%60) * time.Minute)
				if i < benchDue {
					received = benchNow.Add(-3 * time.Hour)
				}
				start, due := engine.Deadline(acme, ticketing.KindIncidente, ticketing.PriorityAlta, received)
				next := CalendarFor(acme, ticketing.KindIncidente).Add(start, 2*time.Hour)
				if i < benchDue {
					next = start
				}
				t := &ticketing.Ticket{ClientID: acme.ID, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta,
					Status: ticketing.StatusNuevo, Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: acme.Channel}, OpenedBy: "UC",
					Subject: "no levanta el discador", ReceivedAt: received, ClockStart: start, DueAt: due, NextActionAt: next,
					CreatedAt: received, UpdatedAt: received}
				if err := tx.CreateTicket(ctx, t); err != nil {
					return err
				}
				if i < benchDue {
					bs.due = append(bs.due, t.ID)
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	bs.jobs, err = NewJobs(JobsConfig{Store: db, Engine: engine, Clock: ticketing.NewManualClock(benchNow), Clients: clients,
		Staff: testStaff, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CDESK"}, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	// The first tick sends the day's digests, which later ticks skip.
	bs.tick(b)
	return bs
}

// reset makes the same tickets due again with nothing recorded, so every
// timed tick does the same work: two thresholds recorded, one ping queued.
func (bs *benchStore) reset(b *testing.B) {
	ctx := context.Background()
	err := bs.db.Update(ctx, func(tx ticketing.Tx) error {
		for _, id := range bs.due {
			t, err := tx.Ticket(ctx, "", id)
			if err != nil {
				return err
			}
			t.NextActionAt = t.ClockStart
			if err := tx.UpdateTicket(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		_, err = bs.db.SQL().ExecContext(ctx, `DELETE FROM notifications; DELETE FROM outbox`)
	}
	if err != nil {
		b.Fatal(err)
	}
}

func (bs *benchStore) tick(b *testing.B) time.Duration {
	start := time.Now()
	if err := bs.jobs.Tick(context.Background()); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkTick times a tick over 1k and over 100k open tickets with the
// same 20 due in each. Due work is found through the next-action index, so
// the two should cost about the same: ratio-100k/1k near 1.
func BenchmarkTick(b *testing.B) {
	small, large := newBenchStore(b, 1_000), newBenchStore(b, 100_000)
	var inSmall, inLarge time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		small.reset(b)
		large.reset(b)
		b.StartTimer()
		inSmall += small.tick(b)
		inLarge += large.tick(b)
		n++
	}
	b.ReportMetric(float64(inSmall.Nanoseconds())/float64(n), "ns/tick-1k")
	b.ReportMetric(float64(inLarge.Nanoseconds())/float64(n), "ns/tick-100k")
	b.ReportMetric(float64(inLarge)/float64(inSmall), "ratio-100k/1k")
}
