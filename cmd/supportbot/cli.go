package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"supportbot/app"
	"supportbot/config"
	"supportbot/ticketing"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

// ExitError carries a process exit status: 2 for usage and configuration
// problems, a token Slack refuses included (restarting cannot fix them; the
// systemd unit does not), 1 for everything else.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// Main is the whole program behind a value tests can drive: its streams,
// environment and clock are fields, and Close releases what Run opened.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// LookupEnv, if set, serves the configuration's ${NAME} references, so a
	// variable set to "" is told apart from an unset one; without it a
	// variable Getenv returns "" for counts as unset.
	LookupEnv func(string) (string, bool)
	Clock     ticketing.Clock
	// Listening, if set, is told the HTTP address once run is serving; tests
	// use it with http.listen 127.0.0.1:0.
	Listening func(addr string)
	// WhatsAppLink, if set, replaces whatsmeow for run (tests).
	WhatsAppLink app.WhatsAppLink
	// httpTimeouts, if set, replaces run's HTTP server timeouts (tests).
	httpTimeouts *app.HTTPTimeouts
	// hangup, if set, replaces SIGHUP as run's reload signal (tests).
	hangup chan os.Signal

	closers []io.Closer
}

// NewMain wires Main to the process's real streams, environment and clock.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, LookupEnv: os.LookupEnv, Clock: ticketing.SystemClock{}}
}

type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"run", "run the bot", (*Main).runBot},
		{"demo", "play a support day against the real bot, Slack and WhatsApp in-process (-script FILE)", (*Main).runDemo},
		{"playground", "the real bot on a local web page: write as clients, contacts and staff, move the clock (-listen, -start)", (*Main).runPlayground},
		{"bench", "measure ingest, ack latency, scheduler ticks, memory, deadlines and the outbox drain (-n 20000, -drain 5000, -json)", (*Main).runBench},
		{"check-config", "validate the configuration and print a summary", (*Main).runCheckConfig},
		{"migrate", "apply store migrations", (*Main).runMigrate},
		{"backup", "copy the running store, verified: backup -to FILE", (*Main).runBackup},
		{"privacy", "personal data: privacy export|erase -contact +549… (or -slack-user U…)", (*Main).runPrivacy},
		{"report", "monthly SLA report: report -month 2026-11 [-client ID] [-format text|csv|html]", (*Main).runReport},
		{"sla", "compute response deadlines for JSON lines on stdin", (*Main).runSLA},
		{"classify", "classify client messages read on stdin", (*Main).runClassify},
		{"intents", "intents export [-since DATE] | intents train -corrections FILE: the desk's corrections and a retrained model", (*Main).runIntents},
		{"knowledge", "knowledge search [-n 3] [-eval FILE]: the knowledge base's top articles for questions on stdin", (*Main).runKnowledge},
		{"store", "store copy -from sqlite:PATH -to postgres://…: copy the store into an empty one, counts verified", (*Main).runStore},
		{"whatsapp", "whatsapp pair [--phone +549…]: link the bot's WhatsApp number", (*Main).runWhatsApp},
		{"version", "print the version", (*Main).runVersion},
	}
}

// Run executes one subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) > 1 && args[0] == "help" {
		return m.Run(ctx, []string{args[1], "-h"})
	}
	if len(args) == 0 {
		m.usage(m.Stderr)
		return &ExitError{Code: 2}
	}
	if isHelp(args[0]) || args[0] == "help" {
		// Asked for: the usage is the answer, on standard output.
		m.usage(m.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(m, ctx, args[1:]); !errors.Is(err, errHelp) {
				return exitStatus(err)
			}
			return nil
		}
	}
	m.usage(m.Stderr)
	return &ExitError{Code: 2, Err: fmt.Errorf("unknown command %q", args[0])}
}

// runGroup runs a two-word command ("whatsapp pair"): the second word picks
// one of subs.
func (m *Main) runGroup(ctx context.Context, group string, args []string, subs ...command) error {
	usage := func(w io.Writer) {
		for _, c := range subs {
			fmt.Fprintf(w, "usage: supportbot %s %s [-config PATH] %s\n", group, c.name, c.summary)
		}
	}
	if len(args) == 0 {
		usage(m.Stderr)
		return &ExitError{Code: 2, Err: fmt.Errorf("%s: missing subcommand", group)}
	}
	for _, c := range subs {
		if c.name == args[0] {
			return c.run(m, ctx, args[1:])
		}
	}
	if isHelp(args[0]) || args[0] == "help" {
		usage(m.Stdout)
		return nil
	}
	usage(m.Stderr)
	return &ExitError{Code: 2, Err: fmt.Errorf("%s: unknown subcommand %q", group, args[0])}
}

// Close releases everything Run opened, last opened first.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i].Close())
	}
	m.closers = nil
	return errors.Join(errs...)
}

func (m *Main) usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("usage: supportbot <command> [-config PATH] [flags]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, b.String())
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// flagOutput is where a flag set writes: its usage on standard output when
// help was asked for, a flag error and the usage after it on standard
// error.
type flagOutput struct {
	out, err io.Writer
	help     bool
}

func (o *flagOutput) Write(p []byte) (int, error) {
	if o.help {
		return o.out.Write(p)
	}
	return o.err.Write(p)
}

// flagSet makes a subcommand's flag set with the -config flag every
// subcommand shares, and a usage line naming the subcommand, or usage's
// text when given.
func (m *Main) flagSet(name string, usage ...string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(&flagOutput{out: m.Stdout, err: m.Stderr})
	path := fs.String("config", "", "configuration file (default config.yaml, else config.example.yaml)")
	summary := ""
	for _, c := range commands() {
		if word, _, _ := strings.Cut(name, " "); c.name == word {
			summary = c.summary
		}
	}
	text := fmt.Sprintf("usage: supportbot %s [flags]\n\n%s\n\nflags:\n", name, summary)
	if len(usage) > 0 {
		text = usage[0]
	}
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), text)
		fs.PrintDefaults()
	}
	return fs, path
}

// errHelp is what parseFlags returns once -h has printed the usage: the
// subcommand returns it at once, so help never goes on to open a store,
// read stdin or start the bot, and Run turns it into exit status 0.
var errHelp = errors.New("help shown")

// parseFlags turns flag errors into exit status 2, and -h into errHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if o, ok := fs.Output().(*flagOutput); ok {
		for _, a := range args {
			if a == "--" {
				break
			}
			o.help = o.help || isHelp(a)
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &ExitError{Code: 2, Err: err}
	}
	if fs.NArg() > 0 {
		return &ExitError{Code: 2, Err: fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// optionalConfig reads -config's file when one is named: nil otherwise,
// for commands that work on built-in defaults.
func (m *Main) optionalConfig(path string) (*config.Config, error) {
	if path == "" {
		return nil, nil
	}
	return m.loadConfig(path)
}

// withConfig parses a subcommand's flags, reads -config's file and runs
// what the subcommand does with it.
func (m *Main) withConfig(fs *flag.FlagSet, path *string, args []string, run func(*config.Config) error) error {
	cfg, err := m.parseConfig(fs, path, args)
	if err != nil {
		return err
	}
	return run(cfg)
}

// parseConfig parses a subcommand's flags, then reads -config's file.
func (m *Main) parseConfig(fs *flag.FlagSet, path *string, args []string) (*config.Config, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return m.loadConfig(*path)
}

// linesFailed makes input lines that could not be answered exit status 1.
func linesFailed(what, unit string, failed, total int, err error) error {
	if err == nil && failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("%s: %d of %d %s failed", what, failed, total, unit)}
	}
	return err
}

// loadConfig reads -config's file (see app.LoadConfig).
func (m *Main) loadConfig(path string) (*config.Config, error) {
	lookup := m.LookupEnv
	if lookup == nil {
		lookup = func(k string) (string, bool) {
			v := m.Getenv(k)
			return v, v != ""
		}
	}
	return app.LoadConfig(path, lookup, m.Stderr)
}

func (m *Main) runVersion(_ context.Context, args []string) error {
	fs, _ := m.flagSet("version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "supportbot %s\n", Version)
	return nil
}
