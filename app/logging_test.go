package app

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestJSONLogLinesCarryOneComponentAndReadableDurations(t *testing.T) {
	cases := []struct {
		name string
		log  func(buf *bytes.Buffer)
		// want are top-level fields of the line; group, when set, is a
		// nested object's fields.
		want  map[string]any
		group map[string]any
	}{
		{"handed down and renamed", func(buf *bytes.Buffer) {
			l := mustLogger(t, buf)
			l.With("component", "slack").With("component", "slack-http", "path", "/slack/events").Info("served", "took", 1500*time.Millisecond)
		}, map[string]any{"component": "slack-http", "path": "/slack/events", "took": "1.5s"}, nil},
		{"named in the call", func(buf *bytes.Buffer) {
			mustLogger(t, buf).With("component", "whatsapp").Warn("lib", "component", "whatsmeow", "module", "Client")
		}, map[string]any{"component": "whatsmeow", "module": "Client"}, nil},
		{"no component", func(buf *bytes.Buffer) {
			mustLogger(t, buf).Info("plain", "wait", 2*time.Minute)
		}, map[string]any{"wait": "2m0s"}, nil},
		{"component stays at the top of a group", func(buf *bytes.Buffer) {
			mustLogger(t, buf).With("component", "jobs").WithGroup("tick").Info("done", "took", 250*time.Millisecond)
		}, map[string]any{"component": "jobs"}, map[string]any{"took": "250ms"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			c.log(&buf)
			line := strings.TrimSpace(buf.String())
			if n := strings.Count(line, `"component"`); n > 1 {
				t.Errorf("component appears %d times: %s", n, line)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(line), &got); err != nil {
				t.Fatalf("not JSON: %v: %s", err, line)
			}
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v: %s", k, got[k], v, line)
				}
			}
			if _, ok := c.want["component"]; !ok && got["component"] != nil {
				t.Errorf("component invented: %s", line)
			}
			if c.group != nil {
				g, _ := got["tick"].(map[string]any)
				for k, v := range c.group {
					if g[k] != v {
						t.Errorf("tick.%s = %v, want %v: %s", k, g[k], v, line)
					}
				}
			}
		})
	}
}

func mustLogger(t *testing.T, buf *bytes.Buffer) *slog.Logger {
	t.Helper()
	l, err := NewLogger(buf, "info")
	if err != nil {
		t.Fatal(err)
	}
	return l
}
