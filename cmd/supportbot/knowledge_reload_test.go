package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// TestKnowledgeReloadReadsTheFolderAgain: an article added to knowledge.dir
// is suggested after SIGHUP, and a bad file beside it is named in the log
// and skipped, the bot running on.
func TestKnowledgeReloadReadsTheFolderAgain(t *testing.T) {
	f := newFakeSlack(t)
	dir := t.TempDir()
	cfgPath := slackConfig(t, f, "events", "dir: knowledge/sample", "dir: "+dir)
	hup := make(chan os.Signal, 1)
	r := startBotWith(t, cfgPath, ticketing.NewManualClock(e2eStart), func(m *Main) { m.hangup = hup })
	ask := func(id string, sec int) string {
		t.Helper()
		n := len(f.Posts(acmeChannel))
		if got := r.event(slackfake.Message{EventID: id, Channel: acmeChannel, User: acmeClient, TS: tsAt(sec),
			Text: "¿Cómo cambio el color del tablero de supervisión?"}); got != http.StatusOK {
			t.Fatalf("event status = %d", got)
		}
		f.waitFor("the answer", func() bool { return len(f.Posts(acmeChannel)) > n })
		return f.Posts(acmeChannel)[n].Form.Get("text")
	}
	if got := ask("EvKr1", 0); strings.Contains(got, "quizás te sirva") {
		t.Fatalf("with an empty folder the answer suggested something: %q", got)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("tablero.md", "url: https://www.neotel.us/elearning/tablero\n# Cambiar el color del tablero de supervisión\n\nEn Supervisión › Tablero › Apariencia elegí el color.")
	write("roto.md", "sin título")
	hup <- nil
	eventually(t, "the reload", func() bool { return r.audits(ticketing.AuditConfigReloaded) == 1 })
	if got := ask("EvKr2", 300); !strings.Contains(got, "https://www.neotel.us/elearning/tablero") {
		t.Errorf("after the reload the answer = %q, want the new article", got)
	}
	if !strings.Contains(r.logs.String(), "roto.md") {
		t.Errorf("the bad file is not named in the log:\n%s", r.logs)
	}
}
