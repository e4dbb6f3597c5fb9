package main

import (
	"supportbot/app"

	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/ticketing"
)

// runSLAWith drives `supportbot sla` with stdin and returns its output, what
// main would print on stderr, and the exit status.
func runSLAWith(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" },
		Clock:  ticketing.SystemClock{},
	}
	err := m.Run(context.Background(), append([]string{"sla"}, args...))
	if err != nil {
		code = 1
		var exit *ExitError
		if errors.As(err, &exit) {
			code = exit.Code
		}
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

func TestSLAAcceptance(t *testing.T) {
	in := `{"plan":"estandar","country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}` + "\n"
	got, _, code := runSLAWith(t, in)
	want := `{"clock_start":"2026-04-01T17:00:00-03:00","due":"2026-04-06T10:00:00-03:00"}` + "\n"
	if got != want || code != 0 {
		t.Errorf("sla = %q (exit %d), want %q (exit 0)", got, code, want)
	}
}

func TestSLACases(t *testing.T) {
	const (
		ar = `"country":"AR","tz":"America/Argentina/Buenos_Aires"`
		cl = `"country":"CL","tz":"America/Santiago"`
	)
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plan defaults to estandar, no trailing newline",
			`{` + ar + `,"kind":"incidente","priority":"alta","at":"2026-04-10T20:00:00-03:00"}`,
			`{"clock_start":"2026-04-13T08:00:00-03:00","due":"2026-04-13T12:00:00-03:00"}`},
		{"consulta without priority is media",
			`{` + ar + `,"kind":"consulta","at":"2026-07-08T15:00:00-03:00"}`,
			`{"clock_start":"2026-07-08T15:00:00-03:00","due":"2026-07-13T15:00:00-03:00"}`},
		{"incidente_critico is critica whatever it says",
			`{"plan":"7x24",` + cl + `,"kind":"incidente_critico","priority":"baja","at":"2026-04-04T23:00:00-03:00"}`,
			`{"clock_start":"2026-04-04T23:00:00-03:00","due":"2026-04-05T00:00:00-04:00"}`},
		{"extendido critical on a Saturday",
			`{"plan":"extendido",` + cl + `,"kind":"incidente_critico","at":"2026-04-11T20:00:00-04:00"}`,
			`{"clock_start":"2026-04-11T20:00:00-04:00","due":"2026-04-13T06:00:00-04:00"}`},
		{"7x24 requerimiento is on commercial hours",
			`{"plan":"7x24",` + cl + `,"kind":"requerimiento","at":"2026-09-17T11:00:00-03:00"}`,
			`{"clock_start":"2026-09-17T11:00:00-03:00","due":"2026-09-21T11:00:00-03:00"}`},
		{"extra holidays",
			`{` + ar + `,"kind":"incidente","priority":"alta","at":"2026-04-07T17:00:00-03:00","extra_holidays":["2026-04-08"]}`,
			`{"clock_start":"2026-04-07T17:00:00-03:00","due":"2026-04-09T10:00:00-03:00"}`},
		{"instant in UTC, answer in the client's zone",
			`{` + ar + `,"kind":"incidente","priority":"critica","at":"2026-04-08T21:30:00Z"}`,
			`{"clock_start":"2026-04-08T18:30:00-03:00","due":"2026-04-09T09:30:00-03:00"}`},
	}
	for _, tt := range tests {
		got, stderr, code := runSLAWith(t, tt.in)
		if got != tt.want+"\n" || code != 0 {
			t.Errorf("%s: sla = %q (exit %d, stderr %q), want %q", tt.name, got, code, stderr, tt.want)
		}
	}
}

func TestSLABadLines(t *testing.T) {
	const good = `{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`
	const goodOut = `{"clock_start":"2026-04-01T17:00:00-03:00","due":"2026-04-06T10:00:00-03:00"}`
	lines := []struct {
		in      string
		wantErr string // empty: the good answer
	}{
		{good, ""},
		{`{"country":"AR",`, "bad JSON"},
		{`{"country":"AR","tz":"Mars/Olympus","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, `unknown tz "Mars/Olympus"`},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"queja","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, `unknown kind "queja"`},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"urgente","at":"2026-04-01T17:00:00-03:00"}`, `unknown priority "urgente"`},
		{`{"country":"UY","tz":"America/Montevideo","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, `unknown country "UY"`},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01 17:00"}`, `bad time "2026-04-01 17:00"`},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00","extra_holidays":["8/4/2026"]}`, `bad extra holiday "8/4/2026"`},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","at":"2026-04-01T17:00:00-03:00"}`, "priority is required"},
		{`{"country":"AR","tz":"America/Argentina/Buenos_Aires","plan":"oro","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, `unknown plan "oro"`},
		{`{"country":"AR","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, "tz is required"},
		{`{"country":"AR","tz":"Local","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`, `unknown tz "Local"`},
		{`[1,2]`, "bad JSON"},
		{good + ` {}`, "bad JSON"},
		{good, ""},
	}
	// Blank lines are skipped, not answered, but still counted in the line
	// numbers of error messages so they point into the input.
	var in strings.Builder
	inputLine := make([]int, len(lines))
	n := 0
	for i, l := range lines {
		if i == 1 {
			in.WriteString("\n   \r\n")
			n += 2
		}
		in.WriteString(l.in + "\n")
		n++
		inputLine[i] = n
	}
	got, stderr, code := runSLAWith(t, in.String())
	if code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	if !strings.Contains(stderr, "13 of 15 cases failed") {
		t.Errorf("stderr = %q, want the failure count", stderr)
	}
	outLines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(outLines) != len(lines) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(outLines), len(lines), got)
	}
	for i, l := range lines {
		if l.wantErr == "" {
			if outLines[i] != goodOut {
				t.Errorf("output %d = %s, want %s", i+1, outLines[i], goodOut)
			}
			continue
		}
		var res struct{ Error string }
		if err := json.Unmarshal([]byte(outLines[i]), &res); err != nil {
			t.Fatalf("output %d = %s: %v", i+1, outLines[i], err)
		}
		if want := fmt.Sprintf("line %d: %s", inputLine[i], l.wantErr); !strings.HasPrefix(res.Error, want) {
			t.Errorf("output %d error = %q, want it to start with %q", i+1, res.Error, want)
		}
	}
}

func TestSLAConfigTargets(t *testing.T) {
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(raw), "alta: 4h", "alta: 1h", 1)
	if cfg == string(raw) {
		t.Fatal("config.example.yaml has no alta: 4h target")
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	in := `{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`
	got, stderr, code := runSLAWith(t, in, "-config", path)
	want := `{"clock_start":"2026-04-01T17:00:00-03:00","due":"2026-04-01T18:00:00-03:00"}` + "\n"
	if got != want || code != 0 {
		t.Errorf("sla -config = %q (exit %d, stderr %q), want %q", got, code, stderr, want)
	}
}

func TestSLAWithoutConfigIgnoresConfigYAML(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("sla: [not, valid\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	in := `{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`
	got, stderr, code := runSLAWith(t, in)
	want := `{"clock_start":"2026-04-01T17:00:00-03:00","due":"2026-04-06T10:00:00-03:00"}` + "\n"
	if got != want || code != 0 {
		t.Errorf("sla = %q (exit %d, stderr %q), want %q with default targets", got, code, stderr, want)
	}
}

func TestSLAFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"-nope"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"-config", filepath.Join(t.TempDir(), "missing.yaml")}, 2},
	}
	for _, tt := range tests {
		if _, _, got := runSLAWith(t, "", tt.args...); got != tt.want {
			t.Errorf("sla %v: exit %d, want %d", tt.args, got, tt.want)
		}
	}
}

func TestSLACanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := &Main{Stdin: strings.NewReader("{}\n"), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Clock: ticketing.SystemClock{}}
	if err := m.runSLA(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("runSLA on a canceled context = %v, want context.Canceled", err)
	}
}

func TestSLAHelpReadsNothing(t *testing.T) {
	got, stderr, code := runSLAWith(t, `{"bad"`+"\n", "-h")
	if stderr != "" || code != 0 || !strings.HasPrefix(got, "usage: supportbot sla") || strings.Contains(got, `"due":"2`) {
		t.Errorf("sla -h = %q, exit %d, stderr %q; want the usage on stdout only", got, code, stderr)
	}
}

func TestSLALineOverTheCap(t *testing.T) {
	const good = `{"country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00"}`
	const goodOut = `{"clock_start":"2026-04-01T17:00:00-03:00","due":"2026-04-06T10:00:00-03:00"}`
	huge := `{"country":"` + strings.Repeat("A", app.MaxLineBytes) + `"}`
	got, stderr, code := runSLAWith(t, good+"\n"+huge+"\n"+good+"\n")
	want := goodOut + "\n" + fmt.Sprintf(`{"error":"line 2: longer than %d bytes"}`, app.MaxLineBytes) + "\n" + goodOut + "\n"
	if got != want || code != 1 {
		t.Errorf("sla = %q (exit %d, stderr %q), want %q (exit 1)", got, code, stderr, want)
	}
}

func TestSLAYearsRFC3339CannotWrite(t *testing.T) {
	const ar = `"country":"AR","tz":"America/Argentina/Buenos_Aires"`
	tests := []struct {
		name, in, want string
	}{
		{"deadline past 9999",
			`{` + ar + `,"kind":"incidente","priority":"baja","at":"9999-12-30T17:00:00-03:00"}`,
			`{"error":"line 1: the deadline falls in year 10000, which RFC 3339 cannot write (years 0000 to 9999)"}`},
		{"clock start before 0000 in the client's zone",
			`{` + ar + `,"kind":"consulta","at":"0000-01-01T00:30:00+14:00"}`,
			`{"error":"line 1: the clock start falls in year -1, which RFC 3339 cannot write (years 0000 to 9999)"}`},
		{"late but writable",
			`{` + ar + `,"kind":"incidente","priority":"alta","at":"9999-12-01T17:00:00-03:00"}`,
			`{"clock_start":"9999-12-01T17:00:00-03:00","due":"9999-12-02T10:00:00-03:00"}`},
	}
	for _, tt := range tests {
		got, _, _ := runSLAWith(t, tt.in)
		if got != tt.want+"\n" {
			t.Errorf("%s: sla = %q, want %q", tt.name, got, tt.want)
		}
	}
}
