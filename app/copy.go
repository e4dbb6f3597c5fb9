package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"supportbot/store"
)

// CopyStore copies the store at from into the empty store at to (each
// sqlite:PATH or a postgres:// URL) and prints what it moved. A SQLite
// side is opened with the one-process lock, so a bot still running on it
// stops the copy instead of writing behind it.
func CopyStore(ctx context.Context, from, to string, out io.Writer) error {
	src, err := copyEnd("-from", from)
	if err != nil {
		return err
	}
	dst, err := copyEnd("-to", to)
	if err != nil {
		return err
	}
	if src.Driver == dst.Driver && src.Path == dst.Path && src.URL == dst.URL {
		return &ConfigError{Err: errors.New("-from and -to name the same store")}
	}
	if src.Driver == store.DriverSQLite {
		// Opening creates a missing file: a typo would copy an empty store.
		if _, err := os.Stat(src.Path); errors.Is(err, fs.ErrNotExist) {
			return &ConfigError{Err: fmt.Errorf("-from: no store at %s", src.Path)}
		}
	}
	a, err := store.OpenWith(ctx, src)
	if err != nil {
		return fmt.Errorf("-from: %w", err)
	}
	defer a.Close()
	b, err := store.OpenWith(ctx, dst)
	if err != nil {
		return fmt.Errorf("-to: %w", err)
	}
	defer b.Close()
	report, err := store.Copy(ctx, a, b)
	if err != nil {
		return err
	}
	for _, t := range report.Tables {
		fmt.Fprintf(out, "%-24s %d\n", t.Table, t.Rows)
	}
	fmt.Fprintf(out, "copied %d rows; counts verified\n", report.Rows())
	return nil
}

// copyEnd reads one side of a copy; a location it cannot read is a usage
// error.
func copyEnd(flag, s string) (store.Options, error) {
	if s == "" {
		return store.Options{}, &ConfigError{Err: fmt.Errorf("%s is required: sqlite:PATH or postgres://user:pass@host/db", flag)}
	}
	o, err := store.ParseLocation(s)
	if err != nil {
		return store.Options{}, &ConfigError{Err: fmt.Errorf("%s: %w", flag, err)}
	}
	o.Exclusive = true
	return o, nil
}
