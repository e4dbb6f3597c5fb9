package app

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"supportbot/config"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
)

// testConfig is the example configuration with replacements.
func testConfig(t *testing.T, replace ...string) *config.Config {
	t.Helper()
	raw, err := os.ReadFile("../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("example config has no %q", replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	cfg, err := config.Parse("test.yaml", []byte(s), func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestRetentionRunsDaily ticks the scheduler on an injected clock: the
// purge runs at the first tick, not again within the day, and again after.
func TestRetentionRunsDaily(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	clock := ticketing.NewManualClock(start)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := testConfig(t, "messages: off", "messages: 30d")
	jobs, err := schedules.NewJobs(schedules.JobsConfig{Store: db, Clock: clock, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	live := newLiveJobs(cfg, jobs, db, clock, slog.New(slog.DiscardHandler))
	runs := func() int {
		var n int
		err := db.View(ctx, func(tx ticketing.Tx) error {
			lines, err := tx.AuditLog(ctx, "", time.Time{})
			for _, l := range lines {
				if l.Action == ticketing.AuditRetentionRun {
					n++
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		after time.Duration
		want  int
	}{{0, 1}, {time.Hour, 1}, {23 * time.Hour, 2}, {time.Minute, 2}, {24 * time.Hour, 3}}
	for i, s := range steps {
		clock.Advance(s.after)
		if err := live.Tick(ctx); err != nil {
			t.Fatal(err)
		}
		if got := runs(); got != s.want {
			t.Errorf("step %d (+%v): retention runs = %d, want %d", i, s.after, got, s.want)
		}
	}

	// Off never runs.
	live.cfg.Store(testConfig(t))
	clock.Advance(48 * time.Hour)
	if err := live.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if got := runs(); got != 3 {
		t.Errorf("with retention off: runs = %d, want 3", got)
	}
}
