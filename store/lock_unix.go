//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

var errLockHeld = errors.New("lock held")

// flock takes f's lock without waiting: a second run must fail at once.
func flock(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLockHeld
	}
	return err
}
