package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/ticketing"
)

// runSLA answers deadline questions read on stdin (see app.SLA); the exit
// status is 1 if any line failed.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	fs, path := m.flagSet("sla")
	fs.Lookup("config").Usage = "configuration file whose sla.targets and sla.default_priority to use (default: the built-in targets; config.yaml is not read)"
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: supportbot sla [-config PATH] < cases.jsonl

Reads one case per line, e.g.
  {"plan":"estandar","country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00","extra_holidays":["2026-07-10"]}
and prints {"clock_start":"…","due":"…"} (RFC 3339, client's zone) or {"error":"…"}.
plan defaults to estandar; priority to the default priority except for incidente;
incidente_critico is always critica. Targets are the defaults unless -config is given.

`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	targets := ticketing.DefaultTargets()
	defaultPriority := ticketing.PriorityMedia
	if *path != "" {
		cfg, err := m.loadConfig(*path)
		if err != nil {
			return err
		}
		targets = cfg.SLA.TargetMap()
		if p := cfg.SLA.Default(); p != "" {
			defaultPriority = p
		}
	}
	cases, failed, err := app.SLA(ctx, m.Stdin, m.Stdout, targets, defaultPriority)
	if err != nil {
		return err
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("sla: %d of %d cases failed", failed, cases)}
	}
	return nil
}
