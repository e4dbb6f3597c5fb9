package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/ticketing/intent"
)

// runClassify runs app.Classify on stdin, or app.ClassifyEval on -eval's
// file; a bad line makes the exit status 1.
func (m *Main) runClassify(ctx context.Context, args []string) error {
	fs, path := m.flagSet("classify")
	fs.Lookup("config").Usage = "configuration file whose classifier.min_confidence to use (default: the built-in threshold; config.yaml is not read)"
	evalPath := fs.String("eval", "", "labelled JSONL file ({\"text\",\"kind\",\"priority\"?} per line) to score the classifier on, instead of reading stdin")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), app.ClassifyUsage, intent.DefaultMinConfidence)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	threshold := intent.DefaultMinConfidence
	if *path != "" {
		cfg, err := m.loadConfig(*path)
		if err != nil {
			return err
		}
		threshold = cfg.Classifier.Threshold()
	}
	c := intent.New(threshold)
	if *evalPath != "" {
		return app.ClassifyEval(c, *evalPath, m.Stdout)
	}

	lines, failed, err := app.Classify(ctx, c, m.Stdin, m.Stdout)
	if err != nil {
		return err
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("classify: %d of %d lines failed", failed, lines)}
	}
	return nil
}
