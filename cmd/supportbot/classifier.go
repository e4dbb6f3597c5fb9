package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/config"
	"supportbot/ticketing/intent"
)

// Subcommands about the classifier: what it makes of messages, and the
// desk's corrections it learns from.

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

// runIntents handles "intents export" and "intents train": the desk's
// corrections out for review, and a model retrained on them.
func (m *Main) runIntents(ctx context.Context, args []string) error {
	return m.runGroup(ctx, "intents", args,
		command{"export", "[-since YYYY-MM-DD] > corrections.jsonl", (*Main).runIntentsExport},
		command{"train", "-corrections FILE [-o PATH]", (*Main).runIntentsTrain})
}

func (m *Main) runIntentsExport(ctx context.Context, args []string) error {
	fs, path := m.flagSet("intents export")
	since := fs.String("since", "", "only corrections made on or after this day, YYYY-MM-DD in UTC (default: all)")
	return m.withConfig(fs, path, args, func(cfg *config.Config) error { return app.IntentsExport(ctx, cfg, *since, m.Stdout, m.Stderr) })
}

func (m *Main) runIntentsTrain(_ context.Context, args []string) error {
	fs, path := m.flagSet("intents train")
	corrections := fs.String("corrections", "", "reviewed corrections, JSONL as `intents export` writes them (required)")
	out := fs.String("o", "", "model file to write (default: classifier.model_path, else intent-model.bin beside the store)")
	return m.withConfig(fs, path, args, func(cfg *config.Config) error { return app.IntentsTrain(cfg, *corrections, *out, m.Stdout) })
}
