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
	fs, path := m.flagSet("classify", fmt.Sprintf(app.ClassifyUsage, intent.DefaultMinConfidence))
	fs.Lookup("config").Usage = "configuration file whose classifier.min_confidence and retrained model (classifier.model_path) to use (default: the built-in threshold and shipped model; config.yaml is not read)"
	evalPath := fs.String("eval", "", "labelled JSONL file ({\"text\",\"kind\",\"priority\"?} per line) to score the classifier on, instead of reading stdin")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := m.optionalConfig(*path)
	if err != nil {
		return err
	}
	c := app.ClassifierFor(cfg, m.Stderr)
	if *evalPath != "" {
		return app.ClassifyEval(c, *evalPath, m.Stdout)
	}

	lines, failed, err := app.Classify(ctx, c, m.Stdin, m.Stdout)
	return linesFailed("classify", "lines", failed, lines, err)
}
