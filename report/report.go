// Package report builds the monthly SLA report (issue #8): per client and
// priority, how many tickets came in, how many first responses met their
// target and how long they took in attended hours, plus the seed's "80-40"
// service factor applied to the bot and to people. Building is pure
// computation over rows the caller loaded; rendering is in text.go, csv.go
// and html.go.
package report

import (
	"slices"
	"time"

	"supportbot/ticketing"
)

// What the report recognises in stored rows: the spellings the bot and the
// scheduler write. Change them here if those change.

// CriticalRefusedAction is the audit action of a critical incident sent to
// the Service Desk instead of opening a chat ticket (bot/intake.go).
const CriticalRefusedAction = "critical_refused"

// AutoCloseReasons are the close reasons the scheduler writes when it closes
// a ticket on its own (schedules/waiting.go, schedules/testing.go): after
// notice, for the client's silence; and a requerimiento taken as accepted at
// the end of its testing period. They match what the scheduler reports as
// auto-closed to metrics.
var AutoCloseReasons = []string{ticketing.CloseReasonNoReply, ticketing.CloseReasonTestingAccepted}

// AuditActions are the audit actions Build reads; load only these.
var AuditActions = []string{CriticalRefusedAction}

// The seed's service factor "80-40": 80% of calls answered within the first
// 40 seconds in queue.
const (
	BotWindow  = 40 * time.Second
	FactorGoal = 80
)

// Hours measures attended time for a client's ticket of a kind;
// *schedules.Engine satisfies it.
type Hours interface {
	OpenTimeBetween(c ticketing.Client, k ticketing.Kind, from, to time.Time) time.Duration
}

// Input is everything a report is built from.
type Input struct {
	Month Month
	// Clients are reported in this order, each over its own local month.
	Clients []ticketing.Client
	// Tickets received in (at least) the month; Month.Window is a range
	// that covers every client's month. Others are ignored.
	Tickets []*ticketing.Ticket
	// FirstBotReply is, per ticket id, when the bot's first reply to the
	// client was delivered.
	FirstBotReply map[int64]time.Time
	// Audit lines of the month; only AuditActions are read.
	Audit []ticketing.AuditEntry
	// Hours counts attended time; nil counts wall-clock time.
	Hours Hours
	// Now is when the report is made: an unanswered ticket whose deadline is
	// still ahead of Now is pending, not breached.
	Now time.Time
}

// Report is the month's figures for every client.
type Report struct {
	Month     Month
	Generated time.Time
	Clients   []ClientReport
	// Ignored counts the month's tickets of clients not in Input.Clients.
	Ignored int
}

// ClientReport is one client's month.
type ClientReport struct {
	Client ticketing.Client
	// Rows has one row per priority, most urgent first, always all four so
	// reports line up month after month; odd stored priorities follow.
	Rows  []Row
	Total Row
	// Bot is the share of client-opened tickets whose first bot reply was
	// delivered within BotWindow of the client's message.
	Bot Factor
	// People is the share of decided tickets whose first staff response met
	// the target.
	People Factor
}

// Row holds the figures of one priority (or the client's total, whose
// Priority is empty).
type Row struct {
	Priority ticketing.Priority
	Tickets  int
	// Met counts first responses by the deadline; Breaches counts deadlines
	// that passed first, answered late or not at all. Pending tickets are
	// unanswered with the deadline still ahead; a ticket closed before its
	// deadline without a response (the client sorted it out) is in neither.
	Met, Breaches, Pending int
	// Responded counts first responses; Median and P90 are their attended
	// time since the client's message, zero when Responded is zero.
	Responded        int
	Median, P90      time.Duration
	CriticalRefusals int
	// AutoClosed counts tickets the scheduler closed (AutoCloseReasons).
	AutoClosed int
}

// MetShare is the share of decided first responses that met the target.
func (r Row) MetShare() (int, bool) { return Share(r.Met, r.Met+r.Breaches) }

// Factor is a service factor in the seed's form: Within of Total were
// answered in time.
type Factor struct {
	Within, Total int
}

// Share is the percentage within time; ok is false with nothing measured.
func (f Factor) Share() (int, bool) { return Share(f.Within, f.Total) }

// Meets reports whether the factor reaches FactorGoal; nothing measured
// does not meet it.
func (f Factor) Meets() bool { return f.Total > 0 && f.Within*100 >= FactorGoal*f.Total }

// Build computes the report. It never fails: rows it cannot place are
// ignored and counted.
func Build(in Input) Report {
	r := Report{Month: in.Month, Generated: in.Now}
	byClient := map[string][]*ticketing.Ticket{}
	known := map[string]bool{}
	for _, c := range in.Clients {
		known[c.ID] = true
	}
	// A client no longer configured has no zone left: its month is UTC's.
	utcFrom, utcTo := in.Month.Bounds(time.UTC)
	for _, t := range in.Tickets {
		if t == nil {
			continue
		}
		if !known[t.ClientID] {
			if !t.ReceivedAt.Before(utcFrom) && t.ReceivedAt.Before(utcTo) {
				r.Ignored++
			}
			continue
		}
		byClient[t.ClientID] = append(byClient[t.ClientID], t)
	}
	refusals := map[string][]time.Time{}
	for _, e := range in.Audit {
		if e.Action == CriticalRefusedAction {
			refusals[e.ClientID] = append(refusals[e.ClientID], e.At)
		}
	}
	for _, c := range in.Clients {
		r.Clients = append(r.Clients, buildClient(in, c, byClient[c.ID], refusals[c.ID]))
	}
	return r
}

// acc gathers one row's figures and response times.
type acc struct {
	row   Row
	waits []time.Duration
}

func (a *acc) done() Row {
	a.row.Responded = len(a.waits)
	a.row.Median, a.row.P90 = summarize(a.waits)
	return a.row
}

func buildClient(in Input, c ticketing.Client, tickets []*ticketing.Ticket, refusals []time.Time) ClientReport {
	from, to := in.Month.Bounds(c.Location)
	inMonth := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }

	rows := map[ticketing.Priority]*acc{}
	order := slices.Clone(ticketing.Priorities)
	for _, p := range order {
		rows[p] = &acc{row: Row{Priority: p}}
	}
	rowOf := func(p ticketing.Priority) *acc {
		if a, ok := rows[p]; ok {
			return a
		}
		a := &acc{row: Row{Priority: p}}
		rows[p] = a
		order = append(order, p)
		return a
	}
	total := &acc{}
	cr := ClientReport{Client: c}

	for _, t := range tickets {
		if !inMonth(t.ReceivedAt) {
			continue
		}
		for _, a := range []*acc{rowOf(t.Priority), total} {
			a.row.Tickets++
			if slices.Contains(AutoCloseReasons, t.CloseReason) {
				a.row.AutoClosed++
			}
			switch outcomeOf(t, in.Now) {
			case met:
				a.row.Met++
			case breached:
				a.row.Breaches++
			case pending:
				a.row.Pending++
			}
			if t.Responded() {
				a.waits = append(a.waits, attended(in.Hours, c, t.Kind, t.ReceivedAt, t.FirstResponseAt))
			}
		}
		if t.Source != ticketing.SourceServiceDesk {
			cr.Bot.Total++
			if at, ok := in.FirstBotReply[t.ID]; ok && at.Sub(t.ReceivedAt) <= BotWindow {
				cr.Bot.Within++
			}
		}
	}
	for _, at := range refusals {
		if inMonth(at) {
			// A refused message was a critical incident: it belongs with critica.
			rows[ticketing.PriorityCritica].row.CriticalRefusals++
			total.row.CriticalRefusals++
		}
	}
	for _, p := range order {
		cr.Rows = append(cr.Rows, rows[p].done())
	}
	cr.Total = total.done()
	cr.People = Factor{Within: cr.Total.Met, Total: cr.Total.Met + cr.Total.Breaches}
	return cr
}

type outcome int

const (
	met outcome = iota
	breached
	pending
	moot
)

func outcomeOf(t *ticketing.Ticket, now time.Time) outcome {
	switch {
	case t.Responded() && t.SLAMet():
		return met
	case t.Responded():
		return breached
	case !t.ClosedAt.IsZero() && !t.ClosedAt.After(t.DueAt):
		return moot
	case t.DueAt.After(now):
		return pending
	}
	return breached
}

func attended(h Hours, c ticketing.Client, k ticketing.Kind, from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	if h == nil {
		return to.Sub(from)
	}
	return h.OpenTimeBetween(c, k, from, to)
}
