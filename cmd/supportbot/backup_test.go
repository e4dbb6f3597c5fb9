package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupRestoresToTheSameReport backs up through the command and reads
// the month's report from the copy put in the store's place.
func TestBackupRestoresToTheSameReport(t *testing.T) {
	ctx := context.Background()
	path := writeConfig(t)
	seedReportStore(t, path)
	report := func(cfgPath string) string {
		m, out, _ := testMain()
		if err := m.runReport(ctx, []string{"-month", "2026-11", "-format", "csv", "-config", cfgPath}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	want := report(path)

	target := filepath.Join(t.TempDir(), "copy.db")
	m, out, _ := testMain()
	if err := m.Run(ctx, []string{"backup", "-to", target, "-config", path}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "2 tickets, integrity ok") {
		t.Errorf("backup printed %q, want its ticket count and check", got)
	}
	// Restore: the copy becomes the store file.
	restoredCfg := writeConfig(t)
	raw, _ := os.ReadFile(restoredCfg)
	storePath := strings.TrimSpace(strings.SplitN(strings.SplitN(string(raw), "path: ", 2)[1], "\n", 2)[0])
	if err := os.MkdirAll(filepath.Dir(storePath), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(target, storePath); err != nil {
		t.Fatal(err)
	}
	if got := report(restoredCfg); got != want {
		t.Errorf("report from the restored copy:\n%s\nwant\n%s", got, want)
	}
}
