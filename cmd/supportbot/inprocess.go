package main

import (
	"context"
	"fmt"
	"time"

	"supportbot/app/bench"
	"supportbot/app/demo"
)

// Subcommands that play the real bot in-process: the demo and the bench.

// runDemo plays a support scenario against the real bot, with Slack and
// WhatsApp played in-process and a simulated clock, and prints what
// everybody sees.
func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs, cfgPath := m.flagSet("demo")
	scriptPath := fs.String("script", "", "play this scenario instead of the built-in one (format: app/demo/demo_script.yaml)")
	noColor := fs.Bool("no-color", false, "plain text even on a terminal")
	transport := fs.String("whatsapp", "", "the WhatsApp transport to play, linked or cloud (default: the script's whatsapp_transport, else linked)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath != "" {
		// Silently playing other clients than the file's would mislead.
		return &ExitError{Code: 2, Err: fmt.Errorf("demo: -config is not used: the demo plays its own clients and staff (those of config.example.yaml) against in-process Slack and WhatsApp; give a scenario with -script")}
	}
	script, err := demo.LoadScript(*scriptPath)
	if err != nil {
		return &ExitError{Code: 2, Err: err}
	}
	if *transport != "" {
		if err := script.UseTransport(*transport); err != nil {
			return &ExitError{Code: 2, Err: err}
		}
	}
	color := !*noColor && demo.Colorful(m.Stdout) && m.Getenv("NO_COLOR") == ""
	return demo.Play(ctx, script, demo.Options{Stdout: m.Stdout, Stderr: m.Stderr, Color: color})
}

// runBench measures the real pipeline on this machine (see package bench).
func (m *Main) runBench(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("bench")
	var o bench.Options
	fs.IntVar(&o.Messages, "n", 20000, "client messages to ingest at saturation")
	fs.IntVar(&o.Clients, "clients", 50, "clients the messages come from")
	fs.IntVar(&o.Rate, "rate", 200, "offered rate for the ack latency run, messages per second")
	fs.IntVar(&o.TickSmall, "tick-small", 1000, "open tickets for the small scheduler tick")
	fs.IntVar(&o.TickLarge, "tick-large", 100000, "open tickets for the large scheduler tick")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	fs.StringVar(&o.Dir, "dir", "", "directory for the benchmark's SQLite files (default: a temporary one)")
	fs.DurationVar(&o.MaxTime, "max-time", 10*time.Minute, "give up after this long (the load stays bounded in count and time)")
	fs.StringVar(&o.Store, "store", "", "run the ingest steps on this PostgreSQL server (postgres://…), each in a schema of its own, instead of SQLite")
	fs.IntVar(&o.Replicas, "replicas", 1, "run processes sharing the ingest, taking requests in turn: 1, or 2 with -store")
	fs.IntVar(&o.Drain, "drain", 5000, "owed posts the drain step delivers after a simulated 60 s outage (0 skips it)")
	fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the ingest run to this file (go tool pprof)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return bench.Report(ctx, o, *asJSON, m.Stdout, m.Stderr)
}
