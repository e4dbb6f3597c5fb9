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

// Breach is a ticket whose first-response deadline passed before anyone
// from support answered: what a lead needs to follow it up.
type Breach struct {
	TicketID       int64
	Kind           ticketing.Kind
	Priority       ticketing.Priority
	Source         ticketing.Source
	Subject        string
	Opened, Due    time.Time // in the client's zone
	FirstResponse  time.Time // zero: never answered
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
		TicketID: t.ID, Kind: t.Kind, Priority: t.Priority, Source: t.Source, Subject: t.Subject,
		Opened: t.ReceivedAt.In(loc), Due: t.DueAt.In(loc),
		Late:       attended(d.in.Hours, c, t.Kind, t.DueAt, end),
		FocalPoint: c.FocalPoint, FocalName: focalLabel(d.in.Names, c.FocalPoint),
		FirstResponder: t.FirstResponder,
		Link:           ThreadLink(d.in.SlackURL, t.Desk.Address, t.Desk.Thread),
	}
	if t.Responded() {
		b.FirstResponse = t.FirstResponseAt.In(loc)
		b.ResponderName = personName(d.in.Names, t.FirstResponder)
	}
	return b
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
