package bot

import (
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// The Home tab's words: staff read desk.language, a client's people their
// client's language (homeInput.lang).

// homeHelpText tells anyone how to ask for help; phones are the Service
// Desk's, from config.
func homeHelpText(l wording.Language, phones string) string {
	s := l.Say("home.help")
	if phones != "" {
		s += "\n" + l.Say("home.help.critical", phones)
	}
	return s
}

func homeMore(l wording.Language, n int) string { return l.Say("home.more", n) }

// homeDeskLine is one client's counts for the service desk.
func homeDeskLine(l wording.Language, name string, open, breached int, capped bool) string {
	key := "home.desk.line"
	if capped {
		key = "home.desk.line.capped"
	}
	return l.Say(key, name, l.Say("home.desk.n_open", open), l.Say("home.desk.n_breached", breached))
}

// homeDeadline is when a ticket must next be answered, on its client's
// clock, or what it waits for when nothing is due; staff and the client
// read a wait on the client each from their side.
func homeDeadline(l wording.Language, t *ticketing.Ticket, now time.Time, c *ticketing.Client, staff bool) string {
	if t.Status == ticketing.StatusEntregado && !t.DeliveredAt.IsZero() && !staff && c != nil {
		// The client tests what was delivered: no answer is due them.
		return l.Say("home.testing", l.When(testingEnd(t, c.Location), now, c.Location), zoneIn(l, c))
	}
	due, ok := nextDeadline(t)
	switch {
	case !ok && t.Status.WaitingOnClient() && staff:
		return l.Say("home.waiting.for_client")
	case !ok && t.Status.WaitingOnClient():
		return l.Say("home.waiting.on_you")
	case !ok:
		return l.Say("home.answered")
	}
	key := "home.due"
	if !due.After(now) {
		key = "home.overdue"
	}
	if c == nil {
		return l.Say(key, l.When(due, now, time.UTC), "UTC")
	}
	return l.Say(key, l.When(due, now, c.Location), zoneIn(l, c))
}

// testingEnd is when a delivered requerimiento's 30 days of testing end.
func testingEnd(t *ticketing.Ticket, loc *time.Location) time.Time {
	_, end := ticketing.TestingPeriod(t.DeliveredAt, loc)
	return end
}
