package main

import (
	"context"

	"supportbot/app"
)

// runSLA answers deadline questions read on stdin (see app.SLA); the exit
// status is 1 if any line failed.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	fs, path := m.flagSet("sla", app.SLAUsage)
	fs.Lookup("config").Usage = "configuration file whose sla.targets and sla.default_priority to use (default: the built-in targets; config.yaml is not read)"
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := m.optionalConfig(*path)
	if err != nil {
		return err
	}
	cases, failed, err := app.SLA(ctx, cfg, m.Stdin, m.Stdout)
	return linesFailed("sla", "cases", failed, cases, err)
}
