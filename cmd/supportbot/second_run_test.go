package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/ticketing"
)

// A second run on the SQLite file a running bot holds exits non-zero at
// once, naming the file and the process that holds it: in another process,
// and in the same one (the lock is on the open file, not the process).
func TestSecondRunOnOneSQLiteFileIsRefused(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	dbPath := filepath.Join(filepath.Dir(cfg), "state", "bot.db")
	first := startChild(t, "run", "-config", cfg)
	pid := first.cmd.Process.Pid

	cmd := exec.Command(os.Args[0], "run", "-config", cfg)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() == 0 {
		t.Fatalf("second run: err %v, want a non-zero exit\n%s", err, out)
	}
	for _, want := range []string{"store " + dbPath + " is in use by process " + fmt.Sprint(pid), "store.driver: postgres"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("second run said:\n%s\nwant it to contain %q", out, want)
		}
	}

	// The same check within one process: a second Main on a file a first
	// Main holds.
	other := slackConfig(t, f, "events")
	r := startBot(t, other, ticketing.NewManualClock(e2eStart))
	m, _, stderr := testMain()
	err = m.Run(t.Context(), []string{"run", "-config", other})
	m.Close()
	if err == nil || !strings.Contains(err.Error(), "store "+r.dbPath+" is in use by process "+fmt.Sprint(os.Getpid())) {
		t.Errorf("second run in one process: %v\n%s", err, stderr)
	}
}
