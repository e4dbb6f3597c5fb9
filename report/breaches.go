package report

import (
	"cmp"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"time"

	"supportbot/ticketing"
)

// DefaultSlackURL is where thread links point when no workspace address is
// given: Slack sends a signed-in reader on to the workspace.
const DefaultSlackURL = "https://slack.com"

// Clock names the deadline a breach missed: the ticket's first response,
// or the answer to a client message after it. The CSV's clock column
// writes it as it is.
type Clock string

const (
	ClockFirst Clock = "first"
	ClockNext  Clock = "next"
)

// Breach is a ticket whose first-response deadline (or a next-response
// one) passed before anyone from support answered: what a lead needs to
// follow it up.
type Breach struct {
	Clock          Clock
	ClientID       string
	ClientName     string
	Zone           *time.Location // the client's, which the times are in
	TicketID       int64
	Kind           ticketing.Kind
	Priority       ticketing.Priority
	Source         ticketing.Source
	Subject        string
	Opened, Due    time.Time // in the client's zone; for ClockNext, Opened is the client's message
	FirstResponse  time.Time // zero: never answered; for ClockNext, the answer to the message
	Late           time.Duration
	FocalPoint     string // Slack user ids, and their names
	FirstResponder string
	FocalName      string
	ResponderName  string
	Link           string // the Slack thread; empty when there is none
}

// Answered reports whether the breach was answered late rather than not at
// all.
func (b Breach) Answered() bool { return !b.FirstResponse.IsZero() }

// breach describes a breached ticket. Lateness is attended time past the
// deadline, like every wait in the report: to the late answer, or for an
// unanswered ticket to its close or, still open, to Now.
func (d *desk) breach(c ticketing.Client, t *ticketing.Ticket) Breach {
	loc := c.Location
	if loc == nil {
		loc = time.UTC
	}
	end := t.FirstResponseAt
	switch {
	case !end.IsZero():
	case !t.ClosedAt.IsZero():
		end = t.ClosedAt
	default:
		end = d.in.Now
	}
	b := Breach{
		Clock: ClockFirst, ClientID: c.ID, ClientName: c.Name, Zone: loc,
		TicketID: t.ID, Kind: t.Kind, Priority: t.Priority, Source: t.Source, Subject: t.Subject,
		Opened: t.ReceivedAt.In(loc), Due: t.DueAt.In(loc),
		Late:       attended(d.in.Hours, c, t.Kind, t.DueAt, end),
		FocalPoint: c.FocalPoint, FocalName: focalLabel(d.w, d.in.Names, c.FocalPoint),
		FirstResponder: t.FirstResponder,
		Link:           ThreadLink(d.in.SlackURL, t.Desk.Address, t.Desk.Thread),
	}
	if t.Responded() {
		b.FirstResponse = t.FirstResponseAt.In(loc)
		b.ResponderName = personName(d.w, d.in.Names, t.FirstResponder)
	}
	return b
}

// nextBreach describes a client message after the first response whose
// answer came late or never: lateness runs, like a first response's, to
// the answer, else to the ticket's close, else to Now. The ticket's own
// facts come from its loaded row; a ticket older than the loaded window
// still shows its number, client and clock.
func (d *desk) nextBreach(c ticketing.Client, n ticketing.NextResponse) Breach {
	loc := c.Location
	if loc == nil {
		loc = time.UTC
	}
	b := Breach{
		Clock: ClockNext, ClientID: c.ID, ClientName: c.Name, Zone: loc,
		TicketID: n.TicketID, Priority: n.Priority,
		Opened: n.Since.In(loc), Due: n.DueAt.In(loc),
		FocalPoint: c.FocalPoint, FocalName: focalLabel(d.w, d.in.Names, c.FocalPoint),
	}
	end := n.AnsweredAt
	t := d.tickets[n.TicketID]
	if t != nil {
		b.Kind, b.Source, b.Subject = t.Kind, t.Source, t.Subject
		b.Link = ThreadLink(d.in.SlackURL, t.Desk.Address, t.Desk.Thread)
	}
	switch {
	case !end.IsZero():
		b.FirstResponse = end.In(loc)
		b.FirstResponder = n.AnsweredBy
		b.ResponderName = personName(d.w, d.in.Names, n.AnsweredBy)
	case t != nil && !t.ClosedAt.IsZero():
		end = t.ClosedAt
	default:
		end = d.in.Now
	}
	b.Late = attended(d.in.Hours, c, b.Kind, n.DueAt, end)
	return b
}

// newestFirst orders the desk-wide list: the latest opened first, then by
// ticket and clock so equal times keep one order.
func newestFirst(a, b Breach) int {
	return cmp.Or(b.Opened.Compare(a.Opened), cmp.Compare(b.TicketID, a.TicketID), cmp.Compare(a.Clock, b.Clock))
}

func byUrgency(a, b Breach) int {
	return cmp.Or(cmp.Compare(priorityRank(a.Priority), priorityRank(b.Priority)),
		a.Opened.Compare(b.Opened), cmp.Compare(a.TicketID, b.TicketID))
}

var (
	slackID = regexp.MustCompile(`^[A-Z0-9]+$`)
	slackTS = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)
)

// ThreadLink is the thread's address in the form chat.getPermalink returns,
// <base>/archives/<channel>/p<ts without its dot>, so no API call is needed
// per breach. Stored ids that do not look like Slack's give no link rather
// than a broken one.
func ThreadLink(base, channel, ts string) string {
	if !slackID.MatchString(channel) || !slackTS.MatchString(ts) {
		return ""
	}
	if base == "" {
		base = DefaultSlackURL
	}
	return strings.TrimRight(base, "/") + "/archives/" + url.PathEscape(channel) + "/p" + strings.Replace(ts, ".", "", 1)
}

// CheckSlackURL says why base cannot prefix thread links, or nil.
func CheckSlackURL(base string) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return errBadSlackURL
	}
	return nil
}

var errBadSlackURL = errors.New("want an http(s) address with no query, such as " + DefaultSlackURL + " or https://acme.slack.com")
