package app

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// countingTicker counts ticks and says when the first one ran.
type countingTicker struct {
	mu    sync.Mutex
	n     int
	err   error
	first chan struct{}
}

func (c *countingTicker) Tick(context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	if c.n == 1 {
		close(c.first)
	}
	return c.err
}

// The loop ticks once at start, without waiting for the first minute, logs
// a failed tick and returns nil once its context ends.
func TestRunJobsTicksAtOnceAndStopsOnCancel(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		wantLog string
	}{
		{"tick ok", nil, ""},
		{"tick fails", errors.New("disk full"), "scheduler tick failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs strings.Builder
			var logMu sync.Mutex
			wrote := make(chan struct{}, 1)
			log := slog.New(slog.NewTextHandler(lockedWriter{&logMu, &logs, wrote}, nil))
			tk := &countingTicker{err: tt.err, first: make(chan struct{})}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- runJobs(ctx, tk, log) }()
			<-tk.first
			// A failed tick is logged after Tick returns: cancelling before
			// that would (rightly) silence it.
			if tt.wantLog != "" {
				<-wrote
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("runJobs = %v, want nil after cancel", err)
			}
			logMu.Lock()
			got := logs.String()
			logMu.Unlock()
			if tt.wantLog == "" && got != "" {
				t.Errorf("logged %q, want nothing", got)
			}
			if !strings.Contains(got, tt.wantLog) {
				t.Errorf("log %q lacks %q", got, tt.wantLog)
			}
		})
	}
}

type lockedWriter struct {
	mu    *sync.Mutex
	b     *strings.Builder
	wrote chan struct{}
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.wrote != nil {
		select {
		case w.wrote <- struct{}{}:
		default:
		}
	}
	return w.b.Write(p)
}
