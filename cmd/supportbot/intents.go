package main

import (
	"context"

	"supportbot/app"
)

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
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	return app.IntentsExport(ctx, cfg, *since, m.Stdout, m.Stderr)
}

func (m *Main) runIntentsTrain(_ context.Context, args []string) error {
	fs, path := m.flagSet("intents train")
	corrections := fs.String("corrections", "", "reviewed corrections, JSONL as `intents export` writes them (required)")
	out := fs.String("o", "", "model file to write (default: classifier.model_path, else intent-model.bin beside the store)")
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	return app.IntentsTrain(cfg, *corrections, *out, m.Stdout)
}
