package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"supportbot/config"
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
	ClockStart string `json:"clock_start"`
	Due        string `json:"due"`
}

// SLA answers deadline questions without a store or a network: one JSON
// case per line of in, one JSON answer per line of out. A bad line gets an
// error line and the rest still run, so a batch shows every problem at
// once; SLA counts the cases and the failed ones.
// With a nil cfg the built-in targets and default priority are used.
func SLA(ctx context.Context, cfg *config.Config, in io.Reader, out io.Writer) (cases, failed int, err error) {
	targets, defaultPriority := ticketing.DefaultTargets(), ticketing.PriorityMedia
	if cfg != nil {
		targets = cfg.SLA.TargetMap()
		if p := cfg.SLA.Default(); p != "" {
			defaultPriority = p
		}
	}
	engine := schedules.NewEngine(targets)
	return answerLines(ctx, "sla", in, out, func(line []byte) (any, error) { return slaAnswer(engine, line, defaultPriority) })
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
