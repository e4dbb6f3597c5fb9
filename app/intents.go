package app

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
	"supportbot/ticketing/intent"
)

// LoadClassifier is the classifier run uses: the model `intents train`
// wrote to classifier.model_path when there is one, else the shipped model.
// A model file that cannot be read is logged and passed over: a bad file
// must not keep the bot from answering.
func LoadClassifier(cfg *config.Config, log *slog.Logger) *intent.Classifier {
	path := cfg.IntentModelPath()
	threshold := cfg.Classifier.Threshold()
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		log.Info("classifier uses the shipped model", "model_path", path)
		return intent.New(threshold)
	}
	if err == nil {
		defer f.Close()
		var m *intent.Model
		if m, err = intent.ReadModel(f); err == nil {
			log.Info("classifier uses the retrained model", "model_path", path)
			return intent.NewWithModel(threshold, m)
		}
	}
	log.Warn("retrained classifier model unreadable; using the shipped model", "model_path", path, "err", err)
	return intent.New(threshold)
}

// IntentsExport is `supportbot intents export`: since is a day in UTC
// (YYYY-MM-DD) or empty for every correction; the count goes to errOut so
// out stays pure JSONL.
func IntentsExport(ctx context.Context, cfg *config.Config, since string, out, errOut io.Writer) error {
	var from time.Time
	if since != "" {
		d, err := ticketing.ParseDate(since)
		if err != nil {
			return &ConfigError{Err: fmt.Errorf("intents export: -since: %w", err)}
		}
		from = d.In(time.UTC)
	}
	n, err := ExportCorrections(ctx, cfg, from, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(errOut, "intents export: %d corrections\n", n)
	return nil
}

// IntentsTrain is `supportbot intents train`: path empty means
// classifier.model_path.
func IntentsTrain(cfg *config.Config, corrections, path string, out io.Writer) error {
	if corrections == "" {
		return &ConfigError{Err: errors.New("intents train: -corrections FILE is required")}
	}
	if path == "" {
		path = cfg.IntentModelPath()
	}
	base, extra, err := TrainIntents(corrections, path)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "trained on %d corpus examples and %d corrections; wrote %s (run loads it at start)\n", base, extra, path)
	return nil
}

// ClassifierFor is the classifier of `supportbot classify`: the built-in
// threshold and shipped model without a configuration, else run's.
func ClassifierFor(cfg *config.Config, errOut io.Writer) *intent.Classifier {
	if cfg == nil {
		return intent.New(intent.DefaultMinConfidence)
	}
	return LoadClassifier(cfg, QuietLogger(errOut))
}

// ExportCorrections writes the desk's corrections made at or after since
// as labelled JSONL in the corpus format ({"text","kind","priority"?}), for
// review before `intents train`; it returns how many it wrote.
func ExportCorrections(ctx context.Context, cfg *config.Config, since time.Time, out io.Writer) (int, error) {
	if _, err := os.Stat(cfg.Store.Path); errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("intents export: no store at %s (store.path)", cfg.Store.Path)
	}
	db, err := store.Open(ctx, cfg.Store.Path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var cs []ticketing.Correction
	if err := db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		cs, err = tx.Corrections(ctx, "", since)
		return err
	}); err != nil {
		return 0, fmt.Errorf("intents export: %w", err)
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range cs {
		if err := enc.Encode(intent.Example{Text: c.Text, Kind: c.Kind, Priority: c.Priority}); err != nil {
			return 0, err
		}
	}
	if err := w.Flush(); err != nil {
		return 0, fmt.Errorf("intents export: write stdout: %w", err)
	}
	return len(cs), nil
}

// TrainIntents trains a model on the shipped corpus plus the reviewed
// corrections file (the JSONL `intents export` writes, edited by hand), and
// writes it to path whole or not at all. It returns how many corpus and
// correction examples it trained on. An unreadable corrections file is a
// ConfigError.
func TrainIntents(correctionsPath, path string) (corpus, corrections int, err error) {
	f, err := os.Open(correctionsPath)
	if err != nil {
		return 0, 0, &ConfigError{Err: fmt.Errorf("intents train: %w", err)}
	}
	defer f.Close()
	extra, err := intent.ReadExamples(f)
	if err != nil {
		return 0, 0, &ConfigError{Err: fmt.Errorf("intents train: %s: %w", correctionsPath, err)}
	}
	base, err := intent.Corpus()
	if err != nil {
		return 0, 0, fmt.Errorf("intents train: shipped corpus: %w", err)
	}
	m := intent.Train(append(base, extra...))
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return 0, 0, fmt.Errorf("intents train: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".intent-model-*")
	if err != nil {
		return 0, 0, fmt.Errorf("intents train: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := m.WriteTo(tmp); err != nil {
		tmp.Close()
		return 0, 0, fmt.Errorf("intents train: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return 0, 0, fmt.Errorf("intents train: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, 0, fmt.Errorf("intents train: %w", err)
	}
	return len(base), len(extra), nil
}
