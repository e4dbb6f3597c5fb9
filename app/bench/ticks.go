package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"supportbot/app"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
)

const (
	// tickRounds ticks are timed per backlog size; the median is reported.
	tickRounds = 5
	// tickDue tickets are due at each timed tick, whatever the backlog.
	tickDue = 20
)

// tickNow is a Wednesday noon in Buenos Aires: open hours for every plan.
var tickNow = time.Date(2026, 4, 8, 15, 0, 0, 0, time.UTC)

func benchTicks(ctx context.Context, root string, clients int, res *Result) error {
	small, err := benchTick(ctx, root, clients, res.TickSmall)
	if err != nil {
		return err
	}
	resetPeakRSS()
	large, err := benchTick(ctx, root, clients, res.TickLarge)
	if err != nil {
		return err
	}
	res.RSS100kMB = peakRSSMB()
	res.Tick1kMs, res.Tick100kMs = ms(small), ms(large)
	if small > 0 {
		res.TickRatio = float64(large) / float64(small)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchTick fills a store with open tickets, none due, then times ticks
// that each find tickDue fresh tickets due: the tick's cost should follow
// those, not the backlog.
func benchTick(ctx context.Context, root string, clients, open int) (time.Duration, error) {
	cfg, err := benchConfig(root, "tick-"+strconv.Itoa(open), clients, "http://127.0.0.1:1/", "unused")
	if err != nil {
		return 0, fmt.Errorf("bench config: %w", err)
	}
	clock := ticketing.NewManualClock(tickNow)
	db, err := app.OpenStore(ctx, cfg, clock.Now())
	if err != nil {
		return 0, err
	}
	defer db.Close()
	engine := schedules.NewEngine(cfg.SLA.TargetMap())
	client := cfg.TicketingClients()[0]
	ids, err := seedOpenTickets(ctx, db, engine, client, open, tickRounds*tickDue)
	if err != nil {
		return 0, err
	}
	jobs, err := schedules.NewJobs(schedules.JobsConfig{Store: db, Engine: engine, Clock: clock, Log: slog.New(slog.DiscardHandler),
		Clients: cfg.TicketingClients(), Staff: cfg.TicketingStaff(), Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: cfg.ServiceDesk.Channel}})
	if err != nil {
		return 0, err
	}
	var times []time.Duration
	for round := range tickRounds {
		if err := makeDue(ctx, db, ids[round*tickDue:(round+1)*tickDue], clock.Now()); err != nil {
			return 0, err
		}
		start := time.Now()
		if err := jobs.Tick(ctx); err != nil {
			return 0, fmt.Errorf("bench tick: %w", err)
		}
		times = append(times, time.Since(start))
		clock.Advance(time.Second)
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}

// seedOpenTickets stores open incidents waiting for their first response,
// next looked at hours from now; the first fresh ones were received long
// enough ago to be past two thresholds when made due.
func seedOpenTickets(ctx context.Context, db *store.DB, engine *schedules.Engine, c ticketing.Client, open, fresh int) ([]int64, error) {
	const perTx = 10_000
	var ids []int64
	for done := 0; done < open; done += perTx {
		err := db.Update(ctx, func(tx ticketing.Tx) error {
			for i := done; i < min(done+perTx, open); i++ {
				received := tickNow.Add(-time.Duration(i%240) * time.Minute)
				if i < fresh {
					received = tickNow.Add(-3 * time.Hour)
				}
				start, due := engine.Deadline(c, ticketing.KindIncidente, ticketing.PriorityAlta, received)
				t := &ticketing.Ticket{ClientID: c.ID, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta,
					Status: ticketing.StatusNuevo, Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: c.Channel, Thread: fmt.Sprintf("%d.%06d", received.Unix(), i)},
					OpenedBy: "U0CLIENT",
					Subject:  benchTexts[1], ReceivedAt: received, ClockStart: start, DueAt: due,
					NextActionAt: tickNow.Add(6 * time.Hour), CreatedAt: received, UpdatedAt: received}
				if err := tx.CreateTicket(ctx, t); err != nil {
					return err
				}
				if i < fresh {
					ids = append(ids, t.ID)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("bench seed: %w", err)
		}
	}
	return ids, nil
}

func makeDue(ctx context.Context, db *store.DB, ids []int64, at time.Time) error {
	return db.Update(ctx, func(tx ticketing.Tx) error {
		for _, id := range ids {
			t, err := tx.Ticket(ctx, "", id)
			if err != nil {
				return err
			}
			t.NextActionAt = at
			if err := tx.UpdateTicket(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// resetPeakRSS restarts the kernel's peak-RSS count (Linux), so the next
// reading is the peak of what follows.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSSMB is the process's peak resident set (VmHWM), 0 where unknown.
func peakRSSMB() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
