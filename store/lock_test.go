package store_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"supportbot/store"
)

func openExclusive(t *testing.T, path string) (*store.DB, error) {
	t.Helper()
	return store.OpenWith(context.Background(), store.Options{Driver: store.DriverSQLite, Path: path, Exclusive: true})
}

// A second exclusive open of a SQLite file fails at once, naming the file
// and the holder; reading the file stays possible, and closing the first
// frees it.
func TestExclusiveOpenRefusesASecond(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "supportbot.db")
	first, err := openExclusive(t, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = openExclusive(t, path)
	var locked *store.LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("second exclusive open: err = %v, want a *store.LockedError", err)
	}
	if locked.Path != path || locked.PID != os.Getpid() || locked.Since.IsZero() {
		t.Errorf("LockedError = %+v, want path %s, pid %d and a start time", locked, path, os.Getpid())
	}
	for _, want := range []string{path, strconv.Itoa(os.Getpid())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}

	reader, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("plain open beside an exclusive one: %v", err)
	}
	reader.Close()

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := openExclusive(t, path)
	if err != nil {
		t.Fatalf("exclusive open after the first closed: %v", err)
	}
	again.Close()
}

// The holder is another process: the error names its pid. The test binary
// re-runs itself as that process and holds the store until its stdin closes.
func TestExclusiveOpenNamesTheOtherProcess(t *testing.T) {
	if os.Getenv("STORE_LOCK_HOLDER") != "" {
		return
	}
	path := filepath.Join(t.TempDir(), "supportbot.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestExclusiveLockHolder$")
	cmd.Env = append(os.Environ(), "STORE_LOCK_HOLDER="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	out := bufio.NewReader(stdout)
	line, err := out.ReadString('\n')
	if strings.TrimSpace(line) != "holding" {
		t.Fatalf("holder said %q, %v; want holding", line, err)
	}

	_, err = openExclusive(t, path)
	var locked *store.LockedError
	if !errors.As(err, &locked) || locked.PID != cmd.Process.Pid {
		t.Fatalf("open while another process holds the store: err = %v, want a LockedError naming pid %d", err, cmd.Process.Pid)
	}
	stdin.Close()
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	db, err := openExclusive(t, path)
	if err != nil {
		t.Fatalf("open after the holder exited: %v", err)
	}
	db.Close()
}

func TestExclusiveLockHolder(t *testing.T) {
	path := os.Getenv("STORE_LOCK_HOLDER")
	if path == "" {
		t.Skip("only runs as TestExclusiveOpenNamesTheOtherProcess's child")
	}
	db, err := openExclusive(t, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	os.Stdout.WriteString("holding\n")
	io.Copy(io.Discard, os.Stdin)
}
