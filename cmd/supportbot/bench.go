package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"text/tabwriter"
	"time"
)

// benchResult is what `supportbot bench -json` prints; tools read these
// field names.
type benchResult struct {
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
	GoMaxProcs     int     `json:"gomaxprocs"`
	ElapsedSeconds float64 `json:"elapsed_s"`
}

// runBench measures the real pipeline on this machine: signed Events API
// requests over loopback into `run`'s handler, against raw SQLite inserts
// on the same disk; scheduler ticks with a small and a large backlog; peak
// memory with the large one; deadline computations.
func (m *Main) runBench(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("bench")
	n := fs.Int("n", 20000, "client messages to ingest at saturation")
	clients := fs.Int("clients", 50, "clients the messages come from")
	rate := fs.Int("rate", 200, "offered rate for the ack latency run, messages per second")
	small := fs.Int("tick-small", 1000, "open tickets for the small scheduler tick")
	large := fs.Int("tick-large", 100000, "open tickets for the large scheduler tick")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	dir := fs.String("dir", "", "directory for the benchmark's SQLite files (default: a temporary one)")
	maxTime := fs.Duration("max-time", 10*time.Minute, "give up after this long (the load stays bounded in count and time)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest run to this file (go tool pprof)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *n < 10 || *n > 1_000_000:
		return &ExitError{Code: 2, Err: fmt.Errorf("bench: -n must be between 10 and 1000000, got %d", *n)}
	case *clients < 1 || *clients > 1000:
		return &ExitError{Code: 2, Err: fmt.Errorf("bench: -clients must be between 1 and 1000, got %d", *clients)}
	case *rate < 1 || *rate > 5000:
		return &ExitError{Code: 2, Err: fmt.Errorf("bench: -rate must be between 1 and 5000, got %d", *rate)}
	case *small < 1 || *large < *small || *large > 1_000_000:
		return &ExitError{Code: 2, Err: fmt.Errorf("bench: want 1 <= -tick-small <= -tick-large <= 1000000")}
	}
	if *maxTime <= 0 {
		return &ExitError{Code: 2, Err: fmt.Errorf("bench: -max-time must be positive")}
	}
	ctx, cancel := context.WithTimeout(ctx, *maxTime)
	defer cancel()
	root := *dir
	if root == "" {
		tmp, err := os.MkdirTemp("", "supportbot-bench-")
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	started := time.Now()
	res := benchResult{Messages: *n, Clients: *clients, Rate: *rate, TickSmall: *small, TickLarge: *large, GoMaxProcs: runtime.GOMAXPROCS(0)}

	// Ticks and memory first, while the process is fresh, so peak RSS is
	// the large backlog's and not the ingest run's.
	progress := func(step string) {
		if !*asJSON {
			fmt.Fprintf(m.Stderr, "bench: %s…\n", step)
		}
	}
	progress(fmt.Sprintf("scheduler ticks with %d and %d open tickets", *small, *large))
	if err := benchTicks(ctx, root, *clients, &res); err != nil {
		return err
	}
	progress("deadline computations")
	res.DeadlinesPerS = benchDeadlines(*clients)
	progress(fmt.Sprintf("ingesting %d messages over HTTP, then %d msg/s, then the same rows raw", *n, *rate))
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	err := benchIngest(ctx, root, *clients, &res)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	res.ElapsedSeconds = time.Since(started).Seconds()

	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		return enc.Encode(res)
	}
	printBench(m, res)
	return nil
}

func printBench(m *Main, r benchResult) {
	w := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "measure\tvalue\tgoal\n")
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
	fmt.Fprintf(w, "messages, clients, GOMAXPROCS\t%d, %d, %d\t\n", r.Messages, r.Clients, r.GoMaxProcs)
	fmt.Fprintf(w, "elapsed\t%.1f s\t\n", r.ElapsedSeconds)
	w.Flush()
}
