package main

import (
	"context"

	"supportbot/app/demo"
)

// runDemo plays a support scenario against the real bot, with Slack and
// WhatsApp played in-process and a simulated clock, and prints what
// everybody sees.
func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("demo")
	scriptPath := fs.String("script", "", "play this scenario instead of the built-in one (format: app/demo/demo_script.yaml)")
	noColor := fs.Bool("no-color", false, "plain text even on a terminal")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	script, err := demo.LoadScript(*scriptPath)
	if err != nil {
		return &ExitError{Code: 2, Err: err}
	}
	color := !*noColor && demo.Colorful(m.Stdout) && m.Getenv("NO_COLOR") == ""
	return demo.Play(ctx, script, demo.Options{Stdout: m.Stdout, Stderr: m.Stderr, Color: color})
}
