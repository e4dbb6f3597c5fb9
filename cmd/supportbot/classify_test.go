package main

import (
	"fmt"
	"supportbot/app"

	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// classifyMain is a Main wired to in-memory streams and no environment.
func classifyMain(stdin string) (*Main, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}, &out, &errb
}

// outputLines decodes every stdout line into a generic map, so the test
// sees the wire shape (key presence included), not the Go struct.
func outputLines(t *testing.T, out *bytes.Buffer) []map[string]any {
	t.Helper()
	var got []map[string]any
	for line := range strings.Lines(out.String()) {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("output line %q is not JSON: %v", line, err)
		}
		got = append(got, v)
	}
	return got
}

func TestClassifyCommand(t *testing.T) {
	in := strings.Join([]string{
		"URGENTE se cayó todo, ningún agente puede llamar",
		`{"text":"¿Cómo exporto el reporte de llamadas a Excel?"}`,
		"",
		`  {"text": "Se cayó el módulo de campañas, no podemos usar el sistema para vender"}`,
		"necesitamos un reporte nuevo, ¿nos pasan cotización?\r",
		"hola",
	}, "\n")
	m, out, _ := classifyMain(in)
	if err := m.runClassify(context.Background(), nil); err != nil {
		t.Fatalf("runClassify: %v", err)
	}
	got := outputLines(t, out)
	want := []struct {
		kind, priority string
		ask            bool
	}{
		{"incidente_critico", "critica", false},
		{"consulta", "", false},
		{"incidente", "alta", false},
		{"requerimiento", "", false},
		{"consulta", "", true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		for _, key := range []string{"kind", "priority", "confidence", "ask", "no_case", "doubtful_critical", "cues", "exclusions"} {
			if _, ok := g[key]; !ok {
				t.Errorf("line %d: no %q key in %v", i+1, key, g)
			}
		}
		if g["kind"] != w.kind || g["priority"] != w.priority || g["ask"] != w.ask {
			t.Errorf("line %d = %v, want kind %s priority %q ask %v", i+1, g, w.kind, w.priority, w.ask)
		}
		if c, _ := g["confidence"].(float64); c < 0 || c > 1 {
			t.Errorf("line %d: confidence %v", i+1, g["confidence"])
		}
		if _, ok := g["cues"].([]any); !ok {
			t.Errorf("line %d: cues %v is not a list", i+1, g["cues"])
		}
	}
}

// TestClassifyCommandExclusions: the policy's exclusions come out as codes
// in "exclusions", an empty list when the message points at none.
func TestClassifyCommandExclusions(t *testing.T) {
	in := strings.Join([]string{
		"se cayó el gateway GSM y no salen llamadas a celulares",
		"anoche hubo un corte de luz y el host de VMware no levantó",
		"el discador no marca",
	}, "\n")
	m, out, _ := classifyMain(in)
	if err := m.runClassify(context.Background(), nil); err != nil {
		t.Fatalf("runClassify: %v", err)
	}
	got := outputLines(t, out)
	want := [][]any{{"equipos_terceros"}, {"entorno", "virtualizacion"}, {}}
	if len(got) != len(want) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g, ok := got[i]["exclusions"].([]any)
		if !ok || fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("line %d: exclusions %v, want %v", i+1, got[i]["exclusions"], w)
		}
	}
}

func TestClassifyCommandBadLines(t *testing.T) {
	in := `{"text": broken
se cayó todo
{"texto":"sin campo text"}
{"text":"hola"}
`
	m, out, _ := classifyMain(in)
	err := m.runClassify(context.Background(), nil)
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit status %d (%v), want 1", code, err)
	}
	got := outputLines(t, out)
	if len(got) != 4 {
		t.Fatalf("got %d lines, want 4:\n%s", len(got), out)
	}
	for i, wantErr := range []bool{true, false, true, false} {
		e, isErr := got[i]["error"].(string)
		if isErr != wantErr {
			t.Errorf("line %d = %v, want error=%v", i+1, got[i], wantErr)
		}
		if isErr && !strings.HasPrefix(e, "line ") {
			t.Errorf("line %d: error %q does not say which line", i+1, e)
		}
	}
}

func TestClassifyCommandLongLines(t *testing.T) {
	long := "el discador no marca " + strings.Repeat("x", 200<<10) // beyond the reader's buffer
	huge := strings.Repeat("y", app.MaxLineBytes+10)
	m, out, _ := classifyMain(long + "\n" + huge + "\nse cayó todo\n")
	err := m.runClassify(context.Background(), nil)
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit status %d (%v), want 1 for the over-long line", code, err)
	}
	got := outputLines(t, out)
	if len(got) != 3 {
		t.Fatalf("got %d lines, want 3", len(got))
	}
	if got[0]["kind"] != "incidente" || got[1]["error"] == nil || got[2]["kind"] != "incidente_critico" {
		t.Errorf("got %v", got)
	}
}

func TestClassifyCommandThreshold(t *testing.T) {
	// With min_confidence 1 every untagged message is asked about: the
	// classifier keeps confidence 1 for explicit tags.
	path := writeConfig(t, "min_confidence: 0.5", "min_confidence: 1")
	m, out, _ := classifyMain("el CRM está lento\n")
	if err := m.runClassify(context.Background(), []string{"-config", path}); err != nil {
		t.Fatalf("runClassify: %v", err)
	}
	if got := outputLines(t, out); len(got) != 1 || got[0]["ask"] != true {
		t.Errorf("got %v, want ask at threshold 1", got)
	}

	m, _, _ = classifyMain("")
	if code := exitCode(m.runClassify(context.Background(), []string{"-config", "/nonexistent/config.yaml"})); code != 2 {
		t.Errorf("missing config: exit status %d, want 2", code)
	}
	m, _, _ = classifyMain("")
	if code := exitCode(m.runClassify(context.Background(), []string{"extra"})); code != 2 {
		t.Errorf("stray argument: exit status %d, want 2", code)
	}
}

func TestClassifyCommandHelp(t *testing.T) {
	m, out, errb := classifyMain("se cayó todo\n")
	if err := m.Run(context.Background(), []string{"classify", "-h"}); err != nil {
		t.Fatalf("-h: %v", err)
	}
	// Help asked for goes to standard output, and no message is classified.
	if strings.Contains(out.String(), `"confidence":0`) || errb.Len() != 0 {
		t.Errorf("-h read stdin: stdout %q, stderr %q", out, errb)
	}
	if !strings.Contains(out.String(), "usage: supportbot classify") {
		t.Errorf("-h printed %q", out)
	}
}

func TestClassifyCommandCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m, _, _ := classifyMain("hola\n")
	if err := m.runClassify(ctx, nil); err == nil {
		t.Error("a cancelled context did not stop the command")
	}
}

func TestClassifyCommandEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "labelled.jsonl")
	set := strings.Join([]string{
		`{"text":"URGENTE se cayó todo, ningún agente puede llamar","kind":"incidente_critico"}`,
		`{"text":"¿Cómo exporto el reporte de llamadas a Excel?","kind":"consulta"}`,
		``,
		`{"text":"Hay un error de ortografía en el menú de supervisor","kind":"incidente","priority":"baja"}`,
		// Labelled wrong on purpose: the report must show the miss.
		`{"text":"Necesitamos un reporte nuevo de ventas por hora, ¿nos pasan cotización?","kind":"funcionalidad"}`,
	}, "\n")
	if err := os.WriteFile(path, []byte(set), 0o600); err != nil {
		t.Fatal(err)
	}
	m, out, _ := classifyMain("stdin is not read with -eval\n")
	if err := m.runClassify(context.Background(), []string{"-eval", path}); err != nil {
		t.Fatalf("runClassify -eval: %v", err)
	}
	got := out.String()
	for _, want := range []string{
		"examples 4\n",
		"kind accuracy        0.750 (3/4)",
		"critical recall      1.000 (1/1 read critical)",
		"false critical rate  0.000 (0/3",
		"priority accuracy    1.000 (1/1 incidents)",
		"confusion (rows: label, columns: reading)",
		"funcionalidad          1.000  0.000     1",
		"misses (1)",
		"want funcionalidad got requerimiento",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("-eval output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"kind"`) {
		t.Errorf("-eval classified stdin too:\n%s", got)
	}
}

func TestClassifyCommandEvalBadFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(bad, []byte(`{"text":"ok","kind":"consulta"}`+"\n"+`{"text":"x","kind":"nope"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.jsonl"), "no such file"},
		{bad, "line 2"},
		{empty, "no examples"},
	} {
		m, out, _ := classifyMain("")
		err := m.runClassify(context.Background(), []string{"-eval", tt.path})
		if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("-eval %s: exit %d (%v), want 2 mentioning %q", tt.path, code, err, tt.want)
		}
		if out.Len() != 0 {
			t.Errorf("-eval %s printed %q", tt.path, out)
		}
	}
}
