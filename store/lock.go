package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SQLite takes one process at a time: two runs on one file would each
// deliver the same outbox and fire the same pings. An exclusive open holds
// an flock on PATH.lock for as long as the store is open, and writes its pid
// and start time into it so the next one can say who holds the file. The
// kernel drops the lock when the process dies, so a crash never leaves the
// file locked; the text left behind is only read while the lock is held.

// LockedError is an exclusive open of a SQLite store another process holds.
type LockedError struct {
	// Path is the store file.
	Path string
	// PID and Since are the other process and when it took the file; zero
	// when its lock file could not be read.
	PID   int
	Since time.Time
}

func (e *LockedError) Error() string {
	who := "another process"
	if e.PID != 0 {
		who = fmt.Sprintf("process %d", e.PID)
		if !e.Since.IsZero() {
			who += " (running since " + e.Since.Format(time.RFC3339) + ")"
		}
	}
	return fmt.Sprintf("store %s is in use by %s: SQLite takes one supportbot at a time; stop that one, or move to store.driver: postgres to run several", e.Path, who)
}

// lockPath is the lock file of a store file.
func lockPath(path string) string { return path + ".lock" }

// openExclusive is Open holding path's lock, taken before migrations run.
func openExclusive(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	l, err := takeLock(path, time.Now())
	if err != nil {
		return nil, err
	}
	d, err := Open(ctx, path)
	if err != nil {
		return nil, errors.Join(err, l.release())
	}
	d.lock = l
	return d, nil
}

// fileLock is a held lock file.
type fileLock struct{ f *os.File }

func takeLock(path string, now time.Time) (*fileLock, error) {
	f, err := os.OpenFile(lockPath(path), os.O_RDWR|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("lock store %s: %w", path, err)
	}
	if err := flock(f); err != nil {
		defer f.Close()
		if errors.Is(err, errLockHeld) {
			return nil, holder(path, f)
		}
		return nil, fmt.Errorf("lock store %s: %w", path, err)
	}
	line := fmt.Sprintf("pid %d since %s\n", os.Getpid(), now.UTC().Format(time.RFC3339))
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock store %s: %w", path, err)
	}
	if _, err := f.WriteAt([]byte(line), 0); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock store %s: %w", path, err)
	}
	return &fileLock{f: f}, nil
}

// holder reads who holds the lock; a holder still writing its line shows
// as another process.
func holder(path string, f *os.File) *LockedError {
	e := &LockedError{Path: path}
	buf := make([]byte, 128)
	n, _ := f.ReadAt(buf, 0)
	var since string
	if _, err := fmt.Sscanf(strings.TrimSpace(string(buf[:n])), "pid %d since %s", &e.PID, &since); err == nil {
		e.Since, _ = time.Parse(time.RFC3339, since)
	}
	return e
}

// release empties the lock file and lets go of it.
func (l *fileLock) release() error {
	err := l.f.Truncate(0)
	return errors.Join(err, l.f.Close())
}
