package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

func testMain() (*Main, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Main{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" },
		Clock:  ticketing.NewManualClock(time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)),
	}, &out, &errb
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	// Run maps an app.ConfigError to status 2 for every command; tests that
	// call a command directly get the same reading.
	var e *ExitError
	if errors.As(exitStatus(err), &e) {
		return e.Code
	}
	return 1
}

// writeConfig writes the example config with replacements into a temp dir.
func writeConfig(t *testing.T, replace ...string) string {
	t.Helper()
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	dir := t.TempDir()
	s = strings.Replace(s, "path: data/supportbot.db", "path: "+filepath.Join(dir, "state", "bot.db"), 1)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("example config has no %q", replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckConfigExample(t *testing.T) {
	m, out, _ := testMain()
	err := m.Run(context.Background(), []string{"check-config", "-config", "../../config.example.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"configuration OK", "acme", "andes", "extendido", "+54 9 5276-9999"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestBadConfigExitsTwo(t *testing.T) {
	tests := []struct {
		name      string
		from, to  string
		wantInErr string
	}{
		{"misspelt key", "  listen: 127.0.0.1:8080", "  listn: 127.0.0.1:8080", "http.listn: unknown key"},
		{"unknown time zone", "timezone: America/Santiago", "timezone: America/Santigo", `clients[1].timezone: unknown time zone "America/Santigo"`},
		{"focal point not in staff", "focal_point: U0FOCALCL", "focal_point: U0NOBODY", `clients[1].focal_point: "U0NOBODY" is not in staff`},
		{"duplicate client id", "- id: andes", "- id: acme", `clients[1].id: duplicate client id "acme"`},
		{"bad duration", "alta: 4h", "alta: 4 horas", "sla.targets.alta: bad duration"},
		{"type error names the key", "warn_at: [0.5, 0.75, 0.9]", "warn_at: abc", `sla.warn_at: cannot read "abc" as a list of numbers (line `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, _ := testMain()
			err := m.Run(context.Background(), []string{"check-config", "-config", writeConfig(t, tt.from, tt.to)})
			if got := exitCode(err); got != 2 {
				t.Fatalf("exit = %d (%v), want 2", got, err)
			}
			if !strings.Contains(err.Error(), tt.wantInErr) {
				t.Errorf("error = %v, want it to contain %q", err, tt.wantInErr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"check-config", "-nope"}, {"version", "extra"}} {
		m, _, _ := testMain()
		if got := exitCode(m.Run(context.Background(), args)); got != 2 {
			t.Errorf("Run(%q) exit = %d, want 2", args, got)
		}
	}
}

func TestVersion(t *testing.T) {
	m, out, _ := testMain()
	if err := m.Run(context.Background(), []string{"version"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "supportbot ") {
		t.Errorf("version printed %q", out)
	}
}

func TestMigrateCreatesStore(t *testing.T) {
	path := writeConfig(t)
	m, out, _ := testMain()
	if err := m.Run(context.Background(), []string{"migrate", "-config", path}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "is at migration ") {
		t.Errorf("migrate printed %q", out)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "state", "bot.db")); err != nil {
		t.Errorf("store file not created: %v", err)
	}
}

func TestRunServesHealthAndStops(t *testing.T) {
	path := writeConfig(t, "listen: 127.0.0.1:8080", "listen: 127.0.0.1:0")
	m, _, logs := testMain()
	addr := make(chan string, 1)
	m.Listening = func(a string) { addr <- a }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run", "-config", path}) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("run ended early: %v\n%s", err, logs)
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", p, resp.StatusCode)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run after cancel: %v", err)
	}
	if err := m.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if !strings.Contains(logs.String(), "slack is off") {
		t.Errorf("run did not say how to connect Slack:\n%s", logs)
	}
}
