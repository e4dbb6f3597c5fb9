package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"supportbot/schedules"
	"supportbot/ticketing"
)

// slaCase is one input line of `supportbot sla`.
type slaCase struct {
	Plan          string   `json:"plan"`
	Country       string   `json:"country"`
	TZ            string   `json:"tz"`
	Kind          string   `json:"kind"`
	Priority      string   `json:"priority"`
	At            string   `json:"at"`
	ExtraHolidays []string `json:"extra_holidays"`
}

// slaResult is one output line: the deadline, or why the case has none.
type slaResult struct {
	ClockStart string `json:"clock_start,omitempty"`
	Due        string `json:"due,omitempty"`
	Error      string `json:"error,omitempty"`
}

// runSLA answers deadline questions without a store or a network: one JSON
// case per stdin line, one JSON answer per stdout line. A bad line gets an
// error line and the rest still run, so a batch shows every problem at once;
// the exit status is 1 if any line failed.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	fs, path := m.flagSet("sla")
	fs.Lookup("config").Usage = "configuration file whose sla.targets and sla.default_priority to use (default: the built-in targets; config.yaml is not read)"
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: supportbot sla [-config PATH] < cases.jsonl

Reads one case per line, e.g.
  {"plan":"estandar","country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00","extra_holidays":["2026-07-10"]}
and prints {"clock_start":"…","due":"…"} (RFC 3339, client's zone) or {"error":"…"}.
plan defaults to estandar; priority to the default priority except for incidente;
incidente_critico is always critica. Targets are the defaults unless -config is given.

`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	targets := ticketing.DefaultTargets()
	defaultPriority := ticketing.PriorityMedia
	if *path != "" {
		cfg, err := m.loadConfig(*path)
		if err != nil {
			return err
		}
		targets = cfg.SLA.TargetMap()
		if p := cfg.SLA.Default(); p != "" {
			defaultPriority = p
		}
	}
	engine := schedules.NewEngine(targets)

	in := bufio.NewReaderSize(m.Stdin, 64<<10)
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	var lineNo, cases, failed int
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, tooLong, readErr := readLine(in, maxLineBytes)
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return fmt.Errorf("sla: read stdin: %w", readErr)
		}
		lineNo++
		if line := bytes.TrimSpace(raw); len(line) > 0 || tooLong {
			cases++
			var res slaResult
			err := lineTooLong(maxLineBytes)
			if !tooLong {
				res, err = slaAnswer(engine, line, defaultPriority)
			}
			if err != nil {
				failed++
				res = slaResult{Error: fmt.Sprintf("line %d: %v", lineNo, err)}
			}
			if err := enc.Encode(res); err != nil {
				return fmt.Errorf("sla: write stdout: %w", err)
			}
		}
		if readErr != nil {
			break
		}
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("sla: %d of %d cases failed", failed, cases)}
	}
	return nil
}

func slaAnswer(engine *schedules.Engine, line []byte, defaultPriority ticketing.Priority) (slaResult, error) {
	var c slaCase
	if err := json.Unmarshal(line, &c); err != nil {
		return slaResult{}, fmt.Errorf("bad JSON: %w", err)
	}
	in, err := c.parse(defaultPriority)
	if err != nil {
		return slaResult{}, err
	}
	start, due := engine.Deadline(in.client, in.kind, in.priority, in.at)
	if start.IsZero() || due.IsZero() {
		return slaResult{}, errors.New("the calendar does not open within ten years")
	}
	// RFC 3339 has four-digit years; Format would write 10000-… anyway.
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"clock start", start}, {"deadline", due}} {
		if y := t.at.Year(); y < 0 || y > 9999 {
			return slaResult{}, fmt.Errorf("the %s falls in year %d, which RFC 3339 cannot write (years 0000 to 9999)", t.name, y)
		}
	}
	return slaResult{ClockStart: start.Format(time.RFC3339Nano), Due: due.Format(time.RFC3339Nano)}, nil
}

// slaInput is a validated case.
type slaInput struct {
	client   ticketing.Client
	kind     ticketing.Kind
	priority ticketing.Priority
	at       time.Time
}

func (c slaCase) parse(defaultPriority ticketing.Priority) (slaInput, error) {
	var client ticketing.Client
	fail := func(format string, a ...any) (slaInput, error) {
		return slaInput{}, fmt.Errorf(format, a...)
	}

	if c.Country == "" {
		return fail("country is required (AR or CL)")
	}
	country, err := ticketing.ParseCountry(c.Country)
	if err != nil {
		return slaInput{}, err
	}
	client.Country = country

	// LoadLocation takes "" as UTC and "Local" as the host's zone; neither
	// is a client's zone.
	if c.TZ == "" {
		return fail("tz is required (an IANA zone such as America/Santiago)")
	}
	loc, err := time.LoadLocation(c.TZ)
	if err != nil || c.TZ == "Local" {
		return fail("unknown tz %q (want an IANA zone such as America/Santiago)", c.TZ)
	}
	client.Location = loc

	if client.Plan, err = ticketing.ParsePlan(c.Plan); err != nil {
		return slaInput{}, err
	}

	for _, s := range c.ExtraHolidays {
		d, err := ticketing.ParseDate(s)
		if err != nil {
			return fail("bad extra holiday %q: want YYYY-MM-DD", s)
		}
		client.ExtraHolidays = append(client.ExtraHolidays, d)
	}

	if c.Kind == "" {
		return fail("kind is required (%s)", kindList())
	}
	kind, err := ticketing.ParseKind(c.Kind)
	if err != nil {
		return fail("unknown kind %q (want %s)", c.Kind, kindList())
	}

	priority := defaultPriority
	if c.Priority != "" {
		if priority, err = ticketing.ParsePriority(c.Priority); err != nil {
			return slaInput{}, err
		}
	} else if kind == ticketing.KindIncidente {
		return fail("priority is required for an incidente (critica, alta, media or baja)")
	}
	priority = schedules.EffectivePriority(kind, priority)

	if c.At == "" {
		return fail("at is required (RFC 3339, e.g. 2026-04-01T17:00:00-03:00)")
	}
	at, err := time.Parse(time.RFC3339, c.At)
	if err != nil {
		return fail("bad time %q: want RFC 3339 such as 2026-04-01T17:00:00-03:00", c.At)
	}
	return slaInput{client: client, kind: kind, priority: priority, at: at}, nil
}

func kindList() string {
	names := make([]string, len(ticketing.Kinds))
	for i, k := range ticketing.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
