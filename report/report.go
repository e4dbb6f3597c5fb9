// Package report builds the monthly SLA report (issues #8 and #20): per
// client and priority, how many tickets came in, how many first responses
// met their target and how long they took in attended hours, plus the
// seed's "80-40" service factor applied to the bot and to people; which
// tickets breached, with links to act on them; the desk's month per focal
// point, kind and channel; and a six-month trend. Building is pure
// computation over rows the caller loaded; rendering is in text.go, csv.go
// and html.go.
package report

import (
	"slices"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// What the report recognises in stored rows: the spellings the bot and the
// scheduler write. Change them here if those change.

// CriticalRefusedAction is the audit action of a critical incident sent to
// the Service Desk instead of opening a chat ticket.
const CriticalRefusedAction = ticketing.AuditCriticalRefused

// AutoCloseReasons are the close reasons the scheduler writes when it closes
// a ticket on its own (ticketing.CloseReason.Auto): after notice, for the
// client's silence; and a requerimiento taken as accepted at the end of its
// testing period.
var AutoCloseReasons = []ticketing.CloseReason{ticketing.CloseReasonNoReply, ticketing.CloseReasonTestingAccepted}

// CorrectionActions are the audit actions of a correction of the bot's
// reading of a ticket: staff re-filed its kind or priority, or the client
// picked its kind, or the desk opened the ticket of a message the bot had
// sent to the phone. The router keeps each as a labelled example too.
var CorrectionActions = []ticketing.AuditAction{ticketing.AuditKindChanged, ticketing.AuditPriorityChanged, ticketing.AuditKindChosen, ticketing.AuditCriticalOverruled}

// AuditActions are the audit actions Build reads; load only these.
var AuditActions = append([]ticketing.AuditAction{CriticalRefusedAction}, CorrectionActions...)

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
	// that covers every client's month, Month.TrendWindow one that also
	// covers the trend's earlier months. Others are ignored.
	Tickets []*ticketing.Ticket
	// FirstBotReply is, per ticket id, when the bot's first reply to the
	// client was delivered.
	FirstBotReply map[int64]time.Time
	// Audit lines of the month; only AuditActions are read.
	Audit []ticketing.AuditEntry
	// Ratings are the clients' satisfaction answers (1–5) by ticket id;
	// each counts in its ticket's month, client and focal point.
	Ratings map[int64]int
	// Hours counts attended time; nil counts wall-clock time.
	Hours Hours
	// Now is when the report is made: an unanswered ticket whose deadline is
	// still ahead of Now is pending, not breached.
	Now time.Time
	// Names are people's display names by Slack user id; an id without a
	// name is shown as it is.
	Names map[string]string
	// SlackURL is where thread links point: a workspace's own address
	// (https://acme.slack.com) gives the links chat.getPermalink gives;
	// empty is DefaultSlackURL.
	SlackURL string
	// Zone is the reader's time zone, shown beside UTC; nil is UTC.
	Zone *time.Location
	// NextResponses are the next-response clocks started in (at least) the
	// month: client messages after the first response that waited for a
	// staff answer.
	NextResponses []ticketing.NextResponse
	// ResolutionTargets are the optional goals to resolution by priority
	// (sla.resolution_targets); a priority without one flags nothing.
	ResolutionTargets map[ticketing.Priority]time.Duration
	// Language is the reader's; the zero value is es-AR.
	Language wording.Language
}

// Report is the month's figures for every client.
type Report struct {
	Month     Month
	Generated time.Time
	Zone      *time.Location
	Clients   []ClientReport
	// Desk adds up every reported client.
	Desk DeskReport
	// FocalPoints, Kinds and Channels split the desk's month; each group
	// adds up to Desk.Total, except critical refusals, which open no ticket
	// and so have no kind, channel or ticket of their own to follow.
	FocalPoints, Kinds, Channels []Group
	// Ignored counts the month's tickets of clients not in Input.Clients.
	Ignored int
	// Breaches are every client's breaches of the month, first-response
	// and next-response ones, newest first: a lead's first question.
	Breaches []Breach
	// Language is the reader's, which every form is written in.
	Language wording.Language
}

// DeskReport is the month of every reported client together.
type DeskReport struct {
	Total       Row
	Bot, People Factor
	Trend       []TrendPoint
}

// Group is one slice of the desk's month: a focal point, a kind or a
// channel.
type Group struct {
	Key, Label string
	Row        Row
	// ByOthers counts, for a focal point, first responses someone else gave.
	ByOthers int
}

// TrendPoint is one month of the trend, in each client's own zone.
type TrendPoint struct {
	Month Month
	Row   Row
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
	// Breaches lists the month's breached tickets, most urgent first.
	Breaches []Breach
	// Trend is the last TrendMonths months, oldest first, ending with this
	// one (whose row is Total).
	Trend []TrendPoint
	// Corrected counts the month's tickets (of Total.Tickets) whose kind or
	// priority, as the bot read it, was corrected (CorrectionActions).
	Corrected int
}

// Row holds the figures of one priority (or the client's total, whose
// Priority is empty).
type Row struct {
	Priority ticketing.Priority
	Tickets  int
	// Met counts first responses by the deadline; Breaches counts deadlines
	// that passed first, answered late or not at all. Pending tickets are
	// unanswered with the deadline still ahead; ClosedNoResponse counts
	// tickets closed before their deadline without a response (the client
	// sorted it out). Every ticket is in exactly one of the four.
	Met, Breaches, Pending, ClosedNoResponse int
	// Responded counts first responses; Median and P90 are their attended
	// time since the client's message, zero when Responded is zero.
	Responded        int
	Median, P90      time.Duration
	CriticalRefusals int
	// AutoClosed counts tickets the scheduler closed (AutoCloseReasons).
	AutoClosed int
	// SelfServed counts tickets the client closed because a suggested
	// knowledge article solved it.
	SelfServed int
	// CSAT is the clients' rating of the help on these tickets.
	CSAT CSAT

	// NextResponses counts the clocks of client messages after the first
	// response, by the month they started in: NextMet answered by their
	// deadline, NextBreaches answered late or overdue, NextPending not
	// answered with the deadline still ahead.
	NextResponses, NextMet, NextBreaches, NextPending int
	// Resolved counts resolved tickets; ResolutionMedian and ResolutionP90
	// are their attended time from clock start to resolution, the time they
	// waited on the client left out. OverResolution counts those over their
	// priority's resolution target.
	Resolved                        int
	ResolutionMedian, ResolutionP90 time.Duration
	OverResolution                  int
}

// NextMetShare is the share of decided next responses that met the target.
func (r Row) NextMetShare() (int, bool) { return Share(r.NextMet, r.NextMet+r.NextBreaches) }

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
	r := Report{Month: in.Month, Generated: in.Now, Zone: in.Zone, Language: in.Language}
	if r.Zone == nil {
		r.Zone = time.UTC
	}
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
	next := map[string][]ticketing.NextResponse{}
	for _, n := range in.NextResponses {
		next[n.ClientID] = append(next[n.ClientID], n)
	}
	refusals := map[string][]time.Time{}
	for _, e := range in.Audit {
		if e.Action == CriticalRefusedAction {
			refusals[e.ClientID] = append(refusals[e.ClientID], e.At)
		}
	}
	d := newDesk(in)
	for _, c := range in.Clients {
		r.Clients = append(r.Clients, d.client(c, byClient[c.ID], next[c.ID], refusals[c.ID]))
	}
	d.finish(&r)
	return r
}

// acc gathers one row's figures and response times.
type acc struct {
	row         Row
	waits       []time.Duration
	resolutions []time.Duration
}

// resolution counts a resolved ticket's time to resolution.
func (a *acc) resolution(r resolved) {
	if !r.ok {
		return
	}
	a.resolutions = append(a.resolutions, r.d)
	if r.over {
		a.row.OverResolution++
	}
}

// next counts one next-response clock by its outcome.
func (a *acc) next(o outcome) {
	a.row.NextResponses++
	switch o {
	case met:
		a.row.NextMet++
	case pending:
		a.row.NextPending++
	default:
		a.row.NextBreaches++
	}
}

// add counts a ticket with its outcome and, when answered, its wait.
func (a *acc) add(t *ticketing.Ticket, o outcome, wait time.Duration, rating int) {
	a.row.Tickets++
	a.row.CSAT.add(rating)
	if t.CloseReason.Auto() {
		a.row.AutoClosed++
	}
	if t.CloseReason == ticketing.CloseReasonSelfServed {
		a.row.SelfServed++
	}
	switch o {
	case met:
		a.row.Met++
	case breached:
		a.row.Breaches++
	case pending:
		a.row.Pending++
	case moot:
		a.row.ClosedNoResponse++
	}
	if t.Responded() {
		a.waits = append(a.waits, wait)
	}
}

func (a *acc) done() Row {
	a.row.Responded = len(a.waits)
	a.row.Median, a.row.P90 = summarize(a.waits)
	a.row.Resolved = len(a.resolutions)
	a.row.ResolutionMedian, a.row.ResolutionP90 = summarize(a.resolutions)
	return a.row
}

// desk gathers what spans clients while each client is built.
type desk struct {
	in                     Input
	months                 []Month
	total                  acc
	trend                  []acc
	bot, people            Factor
	focal, kinds, channels *groups
	byOthers               map[string]int
	// corrected are the ids of tickets whose reading was corrected.
	corrected map[int64]bool
	w         words
	// tickets are the loaded tickets by id, for the next-response breaches.
	tickets map[int64]*ticketing.Ticket
	// breaches gathers every client's, for the desk-wide list.
	breaches []Breach
}

func newDesk(in Input) *desk {
	d := &desk{in: in, months: in.Month.Trend(), byOthers: map[string]int{},
		focal: newGroups(nil), kinds: newGroups(kindKeys()), channels: newGroups(channelKeys)}
	d.trend = make([]acc, len(d.months))
	d.corrected = map[int64]bool{}
	d.w = words{in.Language}
	d.tickets = map[int64]*ticketing.Ticket{}
	for _, t := range in.Tickets {
		if t != nil {
			d.tickets[t.ID] = t
		}
	}
	for _, e := range in.Audit {
		if e.TicketID != 0 && slices.Contains(CorrectionActions, e.Action) {
			d.corrected[e.TicketID] = true
		}
	}
	return d
}

func (d *desk) client(c ticketing.Client, tickets []*ticketing.Ticket, next []ticketing.NextResponse, refusals []time.Time) ClientReport {
	in := d.in
	cur := len(d.months) - 1
	// monthOf is the trend index of t in the client's zone, -1 outside.
	bounds := make([][2]time.Time, len(d.months))
	for i, m := range d.months {
		bounds[i][0], bounds[i][1] = m.Bounds(c.Location)
	}
	monthOf := func(t time.Time) int {
		for i, b := range bounds {
			if !t.Before(b[0]) && t.Before(b[1]) {
				return i
			}
		}
		return -1
	}

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
	trend := make([]acc, len(d.months))
	cr := ClientReport{Client: c}
	focalKey := c.FocalPoint
	d.focal.of(focalKey) // a focal point with a quiet month still shows

	for _, t := range tickets {
		i := monthOf(t.ReceivedAt)
		if i < 0 {
			continue
		}
		o := outcomeOf(t, in.Now)
		var wait time.Duration
		if t.Responded() {
			wait = attended(in.Hours, c, t.Kind, t.ReceivedAt, t.FirstResponseAt)
		}
		rating := in.Ratings[t.ID]
		res := d.resolutionOf(c, t)
		for _, a := range []*acc{&trend[i], &d.trend[i]} {
			a.add(t, o, wait, rating)
			a.resolution(res)
		}
		if i != cur {
			continue
		}
		for _, a := range []*acc{rowOf(t.Priority), &d.total,
			d.focal.of(focalKey), d.kinds.of(string(t.Kind)), d.channels.of(string(t.Source))} {
			a.add(t, o, wait, rating)
			a.resolution(res)
		}
		if t.Responded() && t.FirstResponder != focalKey {
			d.byOthers[focalKey]++
		}
		if o == breached {
			cr.Breaches = append(cr.Breaches, d.breach(c, t))
		}
		if d.corrected[t.ID] {
			cr.Corrected++
		}
		if t.Source != ticketing.SourceServiceDesk {
			cr.Bot.Total++
			if at, ok := in.FirstBotReply[t.ID]; ok && at.Sub(t.ReceivedAt) <= BotWindow {
				cr.Bot.Within++
			}
		}
	}
	for _, n := range next {
		i := monthOf(n.Since)
		if i < 0 {
			continue
		}
		o := nextOutcome(n, in.Now)
		trend[i].next(o)
		d.trend[i].next(o)
		if i == cur {
			rowOf(n.Priority).next(o)
			d.total.next(o)
			if o == breached {
				d.breaches = append(d.breaches, d.nextBreach(c, n))
			}
		}
	}
	for _, at := range refusals {
		i := monthOf(at)
		if i < 0 {
			continue
		}
		trend[i].row.CriticalRefusals++
		d.trend[i].row.CriticalRefusals++
		if i == cur {
			// A refused message was a critical incident: it belongs with critica.
			rows[ticketing.PriorityCritica].row.CriticalRefusals++
			d.total.row.CriticalRefusals++
		}
	}
	for _, p := range order {
		cr.Rows = append(cr.Rows, rows[p].done())
	}
	for i, m := range d.months {
		cr.Trend = append(cr.Trend, TrendPoint{Month: m, Row: trend[i].done()})
	}
	cr.Total = cr.Trend[cur].Row
	cr.People = Factor{Within: cr.Total.Met, Total: cr.Total.Met + cr.Total.Breaches}
	slices.SortStableFunc(cr.Breaches, byUrgency)
	d.breaches = append(d.breaches, cr.Breaches...)
	d.bot.Within += cr.Bot.Within
	d.bot.Total += cr.Bot.Total
	d.people.Within += cr.People.Within
	d.people.Total += cr.People.Total
	return cr
}

func (d *desk) finish(r *Report) {
	r.Desk = DeskReport{Total: d.total.done(), Bot: d.bot, People: d.people}
	for i, m := range d.months {
		r.Desk.Trend = append(r.Desk.Trend, TrendPoint{Month: m, Row: d.trend[i].done()})
	}
	r.Breaches = d.breaches
	slices.SortStableFunc(r.Breaches, newestFirst)
	r.FocalPoints = d.focal.done(func(k string) string { return focalLabel(d.w, d.in.Names, k) })
	for i := range r.FocalPoints {
		r.FocalPoints[i].ByOthers = d.byOthers[r.FocalPoints[i].Key]
	}
	// People read focal points by name.
	slices.SortStableFunc(r.FocalPoints, func(a, b Group) int { return strings.Compare(a.Label, b.Label) })
	r.Kinds = d.kinds.done(func(k string) string { return kindLabel(d.w, ticketing.Kind(k)) })
	r.Channels = d.channels.done(func(k string) string { return channelLabel(d.w, ticketing.Source(k)) })
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

// nextOutcome is how a next-response clock stands at now.
func nextOutcome(n ticketing.NextResponse, now time.Time) outcome {
	switch {
	case n.Met():
		return met
	case n.Answered():
		return breached
	case n.DueAt.After(now):
		return pending
	}
	return breached
}

// resolved is one ticket's time to resolution, if it was resolved, and
// whether it went over its priority's resolution target.
type resolved struct {
	d        time.Duration
	ok, over bool
}

func (d *desk) resolutionOf(c ticketing.Client, t *ticketing.Ticket) resolved {
	res, ok := t.Resolution(func(from, to time.Time) time.Duration { return attended(d.in.Hours, c, t.Kind, from, to) })
	if !ok {
		return resolved{}
	}
	target, set := d.in.ResolutionTargets[t.Priority]
	return resolved{d: res, ok: true, over: set && res > target}
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
