package schedules

import (
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// Staff-facing texts of the next-response watch: the client wrote again
// after the first response and waits for an answer.

func nextPingText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, left time.Duration, now time.Time) string {
	return l.Say("next.ping", leftWords(l, left), ticketRef(l, t, c), l.When(t.NextDueAt, now, c.Location), zoneName(l, c))
}

func nextBreachDMText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, overdue time.Duration) string {
	return l.Say("next.breach.dm", ticketRef(l, t, c), overdueWords(l, overdue))
}

func nextBreachThreadText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, page, standIns []string, now time.Time) string {
	s := l.Say("next.breach.thread", mentions(page), ticketRef(l, t, c), l.When(t.NextDueAt, now, c.Location))
	if len(standIns) > 0 {
		s += l.Say("escalated.to", mentionList(standIns))
	}
	return s
}

func nextBreachDeskText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, standIns []string, overdue time.Duration, now time.Time) string {
	s := l.Say("next.breach.desk", ticketRef(l, t, c), overdueWords(l, overdue), l.When(t.NextDueAt, now, c.Location), zoneName(l, c), mention(c.FocalPoint))
	if len(standIns) > 0 {
		s += l.Say("escalated.to", mentionList(standIns))
	}
	return s
}
