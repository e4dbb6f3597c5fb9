package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/config"
)

// runSLA answers deadline questions read on stdin (see app.SLA); the exit
// status is 1 if any line failed.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	fs, path := m.flagSet("sla")
	fs.Lookup("config").Usage = "configuration file whose sla.targets and sla.default_priority to use (default: the built-in targets; config.yaml is not read)"
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), app.SLAUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var cfg *config.Config
	if *path != "" {
		var err error
		if cfg, err = m.loadConfig(*path); err != nil {
			return err
		}
	}
	cases, failed, err := app.SLA(ctx, cfg, m.Stdin, m.Stdout)
	if err != nil {
		return err
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("sla: %d of %d cases failed", failed, cases)}
	}
	return nil
}
