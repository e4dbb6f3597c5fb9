package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
	"supportbot/ticketing/intent"
)

const ordinaryText = "Los reportes de la campaña de cobranzas no cargan desde esta mañana"

// runCLI runs one subcommand the way main does and returns its output and
// exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	m, out, errb := testMain()
	err := m.Run(context.Background(), args)
	if err != nil {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), exitCode(err)
}

// correctedBot runs the bot until a client's message is re-filed with
// /soporte tipo, and returns the config the store lives beside.
func correctedBot(t *testing.T) string {
	t.Helper()
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	r := startBot(t, cfg, ticketing.NewManualClock(e2eStart))
	if got := r.event(slackfake.Message{EventID: "EvFix", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: ordinaryText}); got != http.StatusOK {
		t.Fatalf("event status = %d", got)
	}
	eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
	if status, body := r.command(acmeChannel, focalAR, "tipo #1 consulta"); status != http.StatusOK {
		t.Fatalf("/soporte tipo = %d %s", status, body)
	}
	eventually(t, "the kind change", func() bool { return r.audits(ticketing.AuditKindChanged) == 1 })
	r.stop()
	return cfg
}

// TestIntentsExportHasTipoCorrection: a /soporte tipo correction comes out
// of `intents export` as a corpus line with the client's original text.
func TestIntentsExportHasTipoCorrection(t *testing.T) {
	cfg := correctedBot(t)
	tests := []struct {
		name  string
		args  []string
		lines []intent.Example
		code  int
	}{
		{"all", nil, []intent.Example{{Text: ordinaryText, Kind: ticketing.KindConsulta}}, 0},
		{"since the day", []string{"-since", "2026-11-24"}, []intent.Example{{Text: ordinaryText, Kind: ticketing.KindConsulta}}, 0},
		{"since the next day", []string{"-since", "2026-11-25"}, nil, 0},
		{"bad date", []string{"-since", "ayer"}, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, append([]string{"intents", "export", "-config", cfg}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			exs, err := intent.ReadExamples(strings.NewReader(out))
			if err != nil {
				t.Fatalf("export is not corpus JSONL: %v\n%s", err, out)
			}
			if len(exs) != len(tt.lines) {
				t.Fatalf("export = %+v, want %+v", exs, tt.lines)
			}
			for i := range exs {
				if exs[i] != tt.lines[i] {
					t.Errorf("line %d = %+v, want %+v", i, exs[i], tt.lines[i])
				}
			}
		})
	}
}

// TestIntentsTrain: the reviewed export plus the corpus make a model file
// where run looks for it, and run says which model it uses; a damaged file
// is passed over with a warning.
func TestIntentsTrain(t *testing.T) {
	cfg := correctedBot(t)
	export, _, code := runCLI(t, "intents", "export", "-config", cfg)
	if code != 0 {
		t.Fatalf("export exit %d", code)
	}
	reviewed := filepath.Join(t.TempDir(), "reviewed.jsonl")
	if err := os.WriteFile(reviewed, []byte(export), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"text":"x","kind":"otra"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no corrections flag", nil, 2, "-corrections FILE is required"},
		{"missing file", []string{"-corrections", filepath.Join(t.TempDir(), "nada.jsonl")}, 2, "no such file"},
		{"bad line", []string{"-corrections", bad}, 2, "line 1"},
		{"reviewed export", []string{"-corrections", reviewed}, 0, "and 1 corrections"},
	} {
		out, errOut, code := runCLI(t, append([]string{"intents", "train", "-config", cfg}, tt.args...)...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%s: exit %d %q %q, want exit %d with %q", tt.name, code, out, errOut, tt.code, tt.want)
		}
	}
	model := filepath.Join(filepath.Dir(cfg), "state", "intent-model.bin")
	f, err := os.Open(model)
	if err != nil {
		t.Fatalf("no model beside the store: %v", err)
	}
	m, err := intent.ReadModel(f)
	f.Close()
	if err != nil {
		t.Fatalf("model unreadable: %v", err)
	}
	if got := intent.NewWithModel(intent.DefaultMinConfidence, m).Classify("¿cómo exporto las grabaciones?").Kind; got != ticketing.KindConsulta {
		t.Errorf("retrained model reads a plain question as %s", got)
	}

	for _, tt := range []struct {
		name, want string
		damage     bool
	}{
		{"retrained", "classifier uses the retrained model", false},
		{"damaged", "retrained classifier model unreadable", true},
	} {
		if tt.damage {
			if err := os.WriteFile(model, []byte("not a model"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		r := startBot(t, cfg, ticketing.NewManualClock(e2eStart))
		r.stop()
		if !strings.Contains(r.logs.String(), tt.want) {
			t.Errorf("%s: run logs lack %q:\n%s", tt.name, tt.want, r.logs)
		}
	}
}
