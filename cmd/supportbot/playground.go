package main

import (
	"context"
	"errors"
	"fmt"

	"supportbot/app/playground"
)

// runPlayground serves the real bot, played in-process on a simulated
// clock, behind one local web page.
func (m *Main) runPlayground(ctx context.Context, args []string) error {
	fs, path := m.flagSet("playground")
	fs.Lookup("config").Usage = "play this configuration's clients, staff, plans, languages and SLA (default: the demo's)"
	listen := fs.String("listen", "127.0.0.1:8090", "address of the page (loopback unless -public)")
	start := fs.String("start", "", "when the simulated clock starts, e.g. "+playground.StartExample+" in the first client's time zone (or RFC 3339); default 09:00 of the next day every client works")
	public := fs.Bool("public", false, "allow a -listen address beyond this machine (whoever reaches the page can write as anyone)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := playground.CheckListen(*listen, *public); err != nil {
		return &ExitError{Code: 2, Err: err}
	}
	lookup := m.LookupEnv
	if lookup == nil {
		lookup = func(k string) (string, bool) { v := m.Getenv(k); return v, v != "" }
	}
	p, err := playground.New(ctx, playground.Options{ConfigPath: *path, LookupEnv: lookup, Start: *start, Stderr: m.Stderr})
	if err != nil {
		return usageOr(err)
	}
	defer p.Close()
	err = p.Serve(ctx, *listen, *public, func(addr string) {
		fmt.Fprintf(m.Stdout, "supportbot playground: http://%s/ (the clock starts at %s; Ctrl-C stops it)\n", addr, p.Now().Format("Mon 2006-01-02 15:04 MST"))
		if m.Listening != nil {
			m.Listening(addr)
		}
	})
	return usageOr(err)
}

// usageOr makes a playground usage problem exit status 2.
func usageOr(err error) error {
	if errors.Is(err, playground.ErrUsage) {
		return &ExitError{Code: 2, Err: err}
	}
	return err
}
