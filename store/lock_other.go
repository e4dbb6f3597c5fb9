//go:build !unix

package store

import (
	"errors"
	"os"
)

var errLockHeld = errors.New("lock held")

func flock(*os.File) error {
	return errors.New("an exclusive SQLite store needs a unix system")
}
