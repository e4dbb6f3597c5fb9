package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"
)

// NewLogger writes text for people at a terminal and JSON for log
// collectors; level is debug, info, warn or error.
//
// A bad level is a ConfigError.
func NewLogger(w io.Writer, level string) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		return nil, &ConfigError{Err: fmt.Errorf("-log-level: want debug, info, warn or error, got %q", level)}
	}
	opts := &slog.HandlerOptions{Level: lvl, ReplaceAttr: readableDuration}
	var h slog.Handler = slog.NewJSONHandler(w, opts)
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		h = slog.NewTextHandler(w, opts)
	}
	return slog.New(&oneComponent{h: h}), nil
}

// readableDuration prints durations as "1.5s": JSON would give nanoseconds.
func readableDuration(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		a.Value = slog.StringValue(a.Value.Duration().String())
	}
	return a
}

const componentKey = "component"

// oneComponent keeps a single component field per line. Loggers are handed
// down with their component set ("slack"), and the package that receives one
// names itself more precisely ("slack-http"); the handlers would print both
// under the same key. The innermost name wins.
type oneComponent struct {
	h         slog.Handler
	component slog.Value
	has       bool
}

var _ slog.Handler = (*oneComponent)(nil)

func (o *oneComponent) Enabled(ctx context.Context, l slog.Level) bool { return o.h.Enabled(ctx, l) }

func (o *oneComponent) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *o
	var rest []slog.Attr
	for _, a := range attrs {
		if a.Key == componentKey {
			c.component, c.has = a.Value, true
			continue
		}
		rest = append(rest, a)
	}
	if len(rest) > 0 {
		c.h = o.h.WithAttrs(rest)
	}
	return &c
}

// WithGroup settles the component before the group opens: it belongs at the
// top of the line, not inside the group.
func (o *oneComponent) WithGroup(name string) slog.Handler {
	if name == "" {
		return o
	}
	h := o.h
	if o.has {
		h = h.WithAttrs([]slog.Attr{{Key: componentKey, Value: o.component}})
	}
	return &oneComponent{h: h.WithGroup(name)}
}

func (o *oneComponent) Handle(ctx context.Context, r slog.Record) error {
	comp, has := o.component, o.has
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == componentKey {
			comp, has = a.Value, true
		}
		return true
	})
	if !has {
		return o.h.Handle(ctx, r)
	}
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	out.AddAttrs(slog.Attr{Key: componentKey, Value: comp})
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != componentKey {
			out.AddAttrs(a)
		}
		return true
	})
	return o.h.Handle(ctx, out)
}

// QuietLogger logs only warnings, for one-shot commands whose output is
// their answer.
func QuietLogger(w io.Writer) *slog.Logger {
	log, _ := NewLogger(w, "warn")
	return log
}
