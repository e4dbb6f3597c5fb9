package main

import (
	"context"
	"supportbot/app"
)

// runStore handles "store copy": moving the store to another backend.
func (m *Main) runStore(ctx context.Context, args []string) error {
	return m.runGroup(ctx, "store", args, command{"copy", "-from sqlite:PATH -to postgres://…", (*Main).runStoreCopy})
}

func (m *Main) runStoreCopy(ctx context.Context, args []string) error {
	fs, _ := m.flagSet("store copy")
	from, to := fs.String("from", "", "the store to copy: sqlite:PATH or postgres://user:pass@host/db"), fs.String("to", "", "the empty store to fill, same forms; a non-empty one is refused")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return app.CopyStore(ctx, *from, *to, m.Stdout)
}
