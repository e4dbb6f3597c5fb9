// Package bench measures the real pipeline on this machine: signed Events
// API requests over loopback into the running app, against raw SQLite
// inserts on the same disk; scheduler ticks with a small and a large
// backlog; peak memory with the large one; deadline computations.
// `supportbot bench` runs it.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"text/tabwriter"
	"time"

	"supportbot/app"
	"supportbot/store"
)

// Options size the run.
type Options struct {
	// Messages are ingested at saturation, from Clients clients.
	Messages, Clients int
	// Rate is the offered rate of the ack latency run, messages per second.
	Rate int
	// MaxTime bounds the whole run, as Messages bounds its load in count.
	MaxTime time.Duration
	// TickSmall and TickLarge are the open tickets of the two timed ticks.
	TickSmall, TickLarge int
	// Dir holds the SQLite files (default: a temporary directory).
	Dir string
	// Store, if set, is a postgres:// URL the ingest steps run against, each
	// in a schema of its own dropped afterwards; the scheduler ticks stay
	// on SQLite.
	Store string
	// Replicas is how many `run`s on Store share the ingest (1 or 2;
	// 2 needs Store), taking requests in turn.
	Replicas int
	// Drain is how many owed posts the drain step delivers after a
	// simulated outage (5 000 in the sizing; 0 skips the step).
	Drain int
	// CPUProfile, if set, gets a CPU profile of the ingest run.
	CPUProfile string
	// Progress, if set, hears each step as it starts.
	Progress func(step string)
}

// Check bounds the load.
func (o Options) Check() error {
	switch {
	case o.Messages < 10 || o.Messages > 1_000_000:
		return fmt.Errorf("bench: -n must be between 10 and 1000000, got %d", o.Messages)
	case o.Clients < 1 || o.Clients > 1000:
		return fmt.Errorf("bench: -clients must be between 1 and 1000, got %d", o.Clients)
	case o.Rate < 1 || o.Rate > 5000:
		return fmt.Errorf("bench: -rate must be between 1 and 5000, got %d", o.Rate)
	case o.TickSmall < 1 || o.TickLarge < o.TickSmall || o.TickLarge > 1_000_000:
		return errors.New("bench: want 1 <= -tick-small <= -tick-large <= 1000000")
	case o.Store != "" && !isPostgresURL(o.Store):
		return errors.New("bench: -store wants a postgres:// URL")
	case o.Replicas < 1 || o.Replicas > 2 || (o.Replicas > 1 && o.Store == ""):
		return errors.New("bench: -replicas is 1, or 2 with -store")
	case o.Drain != 0 && (o.Drain < drainConversations || o.Drain > 100_000):
		return fmt.Errorf("bench: -drain is 0 or between %d and 100000, got %d", drainConversations, o.Drain)
	case o.MaxTime <= 0:
		return errors.New("bench: -max-time must be positive")
	}
	return nil
}

// Result is what `supportbot bench -json` prints; tools read these field
// names.
type Result struct {
	// Store is the ingest steps' driver: sqlite or postgres. Left out of
	// the JSON, whose values are all numbers for the tools that read it.
	Store          string  `json:"-"`
	Replicas       int     `json:"replicas"`
	Messages       int     `json:"messages"`
	Clients        int     `json:"clients"`
	IngestPerS     float64 `json:"ingest_per_s"`
	IngestRowsPerS float64 `json:"ingest_rows_per_s"`
	RowsPerMessage float64 `json:"rows_per_message"`
	RawInsertPerS  float64 `json:"raw_insert_per_s"`
	IngestRatio    float64 `json:"ingest_ratio"`
	SatAckP50Ms    float64 `json:"saturation_ack_p50_ms"`
	SatAckP99Ms    float64 `json:"saturation_ack_p99_ms"`
	SatAckMaxMs    float64 `json:"saturation_ack_max_ms"`
	Rate           int     `json:"rate_msg_per_s"`
	AckP50Ms       float64 `json:"ack_p50_ms"`
	AckP99Ms       float64 `json:"ack_p99_ms"`
	AckMaxMs       float64 `json:"ack_max_ms"`
	TickSmall      int     `json:"tick_small_tickets"`
	TickLarge      int     `json:"tick_large_tickets"`
	Tick1kMs       float64 `json:"tick_1k_ms"`
	Tick100kMs     float64 `json:"tick_100k_ms"`
	TickRatio      float64 `json:"tick_ratio"`
	RSS100kMB      float64 `json:"rss_100k_mb"`
	DeadlinesPerS  float64 `json:"deadlines_per_s"`
	// The drain after an outage; DrainFloorPerS is what the stand-in
	// Slack accepts at most (one post per second per channel).
	DrainPosts     int     `json:"drain_posts"`
	DrainPerS      float64 `json:"drain_per_s"`
	DrainFloorPerS float64 `json:"drain_floor_per_s"`
	DrainRatio     float64 `json:"drain_ratio"`
	// HandoffP99Ms is, with two replicas, how long a reply queued on the
	// follower waits until the leader has posted it; absent with one.
	HandoffP50Ms   float64 `json:"handoff_p50_ms,omitempty"`
	HandoffP99Ms   float64 `json:"handoff_p99_ms,omitempty"`
	HandoffMaxMs   float64 `json:"handoff_max_ms,omitempty"`
	GoMaxProcs     int     `json:"gomaxprocs"`
	ElapsedSeconds float64 `json:"elapsed_s"`
}

// Run measures; it gives up when ctx ends.
// Report runs the bench within o.MaxTime and writes its figures to out, a
// table or one JSON object; progress goes to progress unless asJSON. Bad
// options are a usage error (app.ConfigError).
func Report(ctx context.Context, o Options, asJSON bool, out, progress io.Writer) error {
	if err := o.Check(); err != nil {
		return &app.ConfigError{Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, o.MaxTime)
	defer cancel()
	if !asJSON {
		o.Progress = func(step string) { fmt.Fprintf(progress, "bench: %s…\n", step) }
	}
	res, err := Run(ctx, o)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(out).Encode(res)
	}
	return res.WriteTable(out)
}

func Run(ctx context.Context, o Options) (Result, error) {
	if err := o.Check(); err != nil {
		return Result{}, err
	}
	root := o.Dir
	if root == "" {
		tmp, err := os.MkdirTemp("", "supportbot-bench-")
		if err != nil {
			return Result{}, fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	started := time.Now()
	res := Result{Store: store.DriverSQLite, Replicas: o.Replicas, Messages: o.Messages, Clients: o.Clients, Rate: o.Rate, TickSmall: o.TickSmall, TickLarge: o.TickLarge, GoMaxProcs: runtime.GOMAXPROCS(0)}
	progress := o.Progress
	if progress == nil {
		progress = func(string) {}
	}

	// Ticks and memory first, while the process is fresh, so peak RSS is
	// the large backlog's and not the ingest run's.
	progress(fmt.Sprintf("scheduler ticks with %d and %d open tickets", o.TickSmall, o.TickLarge))
	if err := benchTicks(ctx, root, o.Clients, &res); err != nil {
		return Result{}, err
	}
	progress("deadline computations")
	res.DeadlinesPerS = benchDeadlines(o.Clients)
	progress(fmt.Sprintf("ingesting %d messages over HTTP, then %d msg/s, then the same rows raw", o.Messages, o.Rate))
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return Result{}, fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return Result{}, fmt.Errorf("bench: %w", err)
		}
	}
	if o.Store != "" {
		res.Store = store.DriverPostgres
	}
	err := benchIngest(ctx, root, o.Store, o.Replicas, o.Clients, &res)
	if o.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return Result{}, err
	}
	if o.Drain > 0 {
		progress(fmt.Sprintf("draining %d replies owed to %d conversations in %d channels after a 60 s outage, %d post/s per channel",
			o.Drain, drainConversations, drainChannels, drainPerChannel))
		if err := benchDrain(ctx, root, o.Store, o.Drain, &res); err != nil {
			return Result{}, err
		}
	}
	res.ElapsedSeconds = time.Since(started).Seconds()
	return res, nil
}

// WriteTable prints the figures for a person, with the goals beside them.
func (r Result) WriteTable(out io.Writer) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "measure\tvalue\tgoal\n")
	fmt.Fprintf(w, "store of the ingest steps, replicas\t%s, %d\t\n", r.Store, r.Replicas)
	fmt.Fprintf(w, "ingest (signed HTTP → ticket + answer)\t%.0f msg/s\t\n", r.IngestPerS)
	fmt.Fprintf(w, "  rows written per message\t%.1f\t\n", r.RowsPerMessage)
	fmt.Fprintf(w, "  rows made durable\t%.0f rows/s\t\n", r.IngestRowsPerS)
	fmt.Fprintf(w, "the same rows, raw INSERT, one transaction per row\t%.0f rows/s\t\n", r.RawInsertPerS)
	fmt.Fprintf(w, "ingest ÷ raw (rows/s)\t%.2f\t≥ 0.50\n", r.IngestRatio)
	fmt.Fprintf(w, "ack at saturation p50 / p99 / max\t%.1f / %.1f / %.1f ms\t\n", r.SatAckP50Ms, r.SatAckP99Ms, r.SatAckMaxMs)
	fmt.Fprintf(w, "ack at %d msg/s p50 / p99 / max\t%.1f / %.1f / %.1f ms\tp99 < 50 ms\n", r.Rate, r.AckP50Ms, r.AckP99Ms, r.AckMaxMs)
	fmt.Fprintf(w, "scheduler tick, %d open tickets\t%.2f ms\t\n", r.TickSmall, r.Tick1kMs)
	fmt.Fprintf(w, "scheduler tick, %d open tickets\t%.2f ms\t\n", r.TickLarge, r.Tick100kMs)
	fmt.Fprintf(w, "tick ratio (large ÷ small)\t%.2f\t≤ 2\n", r.TickRatio)
	fmt.Fprintf(w, "peak RSS with %d open tickets\t%.1f MB\t≤ 80 MB\n", r.TickLarge, r.RSS100kMB)
	fmt.Fprintf(w, "deadline computations\t%.0f /s\t\n", r.DeadlinesPerS)
	if r.DrainPosts > 0 {
		fmt.Fprintf(w, "drain of %d owed posts after an outage\t%.1f posts/s\t\n", r.DrainPosts, r.DrainPerS)
		fmt.Fprintf(w, "  Slack's limit (1 post/s per channel)\t%.0f posts/s\t\n", r.DrainFloorPerS)
		fmt.Fprintf(w, "drain ÷ limit, order kept in every conversation\t%.2f\t≥ 0.80\n", r.DrainRatio)
	}
	if r.Replicas > 1 {
		fmt.Fprintf(w, "hand-off, queued on the follower → posted, p50 / p99 / max\t%.1f / %.1f / %.1f ms\tp99 < 100 ms\n", r.HandoffP50Ms, r.HandoffP99Ms, r.HandoffMaxMs)
	}
	fmt.Fprintf(w, "messages, clients, GOMAXPROCS\t%d, %d, %d\t\n", r.Messages, r.Clients, r.GoMaxProcs)
	fmt.Fprintf(w, "elapsed\t%.1f s\t\n", r.ElapsedSeconds)
	return w.Flush()
}
