package schedules

import (
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// mention names a member of staff for the desk, where the scheduler's
// mentions go; the adapter writes it in its platform's form.
func mention(userID string) string {
	if userID == "" {
		return "el equipo de soporte"
	}
	return ticketing.Mention(userID, "")
}

// mentions prefixes a thread message with who it is for.
func mentions(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(mention(id) + " ")
	}
	return b.String()
}

func mentionList(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = mention(id)
	}
	return strings.Join(out, ", ")
}

// ticketRef names a ticket for staff: "#123 de ACME (ALTA)", with the kind
// when it is not an incident ("#7 de ACME (Consulta, MEDIA)").
func ticketRef(l wording.Language, t *ticketing.Ticket, c *ticketing.Client) string {
	p := l.Say("priority." + string(EffectivePriority(t.Kind, t.Priority)))
	if !t.Kind.IsIncident() {
		p = l.Say("ref.kind_priority", l.Say("kind."+string(t.Kind)), p)
	}
	return l.Say("ref.ticket", t.ID, c.Name, p)
}

// zoneName names c's clock in l ("hora de Buenos Aires").
func zoneName(l wording.Language, c *ticketing.Client) string {
	name := c.TimeZone()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return l.Say("zone", strings.ReplaceAll(name, "_", " "))
}

// leftWords is "quedan 35 min" or "queda 1 h": time left in attended hours.
func leftWords(l wording.Language, left time.Duration) string {
	if left < time.Minute {
		return l.Say("left.under_minute")
	}
	d := l.Duration(left)
	for _, one := range []time.Duration{time.Hour, time.Minute, 24 * time.Hour} {
		if d == l.Duration(one) {
			return l.Say("left.one", d)
		}
	}
	return l.Say("left.many", d)
}

// overdueWords is "venció hace 20 min", or "acaba de vencer".
func overdueWords(l wording.Language, overdue time.Duration) string {
	if overdue < time.Minute {
		return l.Say("overdue.just")
	}
	return l.Say("overdue.ago", l.Duration(overdue))
}

// clockTexts are the catalog keys of one response clock's ping and
// breach texts: the first response's, or the next response's once the
// client wrote again.
type clockTexts struct{ ping, breachDM, breachThread, breachDesk string }

var (
	firstResponseTexts = clockTexts{"ping", "breach.dm", "breach.thread", "breach.desk"}
	nextResponseTexts  = clockTexts{"next.ping", "next.breach.dm", "next.breach.thread", "next.breach.desk"}
)

// pingText: "⏰ quedan 35 min para responder #123 de ACME (ALTA): vence hoy
// a las 11:30 (hora de Buenos Aires)."
func (k clockTexts) pingText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, due time.Time, left time.Duration, now time.Time) string {
	return l.Say(k.ping, leftWords(l, left), ticketRef(l, t, c), l.When(due, now, c.Location), zoneName(l, c))
}

func (k clockTexts) breachDMText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, overdue time.Duration) string {
	return l.Say(k.breachDM, ticketRef(l, t, c), overdueWords(l, overdue))
}

func (k clockTexts) breachThreadText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, due time.Time, page, standIns []string, now time.Time) string {
	s := l.Say(k.breachThread, mentions(page), ticketRef(l, t, c), l.When(due, now, c.Location))
	if len(standIns) > 0 {
		s += l.Say("escalated.to", mentionList(standIns))
	}
	return s
}

func (k clockTexts) breachDeskText(l wording.Language, t *ticketing.Ticket, c *ticketing.Client, due time.Time, standIns []string, overdue time.Duration, now time.Time) string {
	s := l.Say(k.breachDesk, ticketRef(l, t, c), overdueWords(l, overdue), l.When(due, now, c.Location), zoneName(l, c), mention(c.FocalPoint))
	if len(standIns) > 0 {
		s += l.Say("escalated.to", mentionList(standIns))
	}
	return s
}

// noticeText warns the client that a ticket waiting on them will close.
func noticeText(t *ticketing.Ticket, c *ticketing.Client, closeAt, now time.Time) string {
	l := c.Language
	when := l.When(closeAt, now, c.Location)
	whatsapp := t.ClientApart()
	switch {
	case t.Status == ticketing.StatusResuelto && whatsapp:
		return l.Say("notice.resolved.apart", t.ID, t.ID, when)
	case t.Status == ticketing.StatusResuelto:
		return l.Say("notice.resolved.slack", t.ID, t.ID, when)
	}
	return l.Say("notice.waiting", t.ID, when)
}

func autoClosedText(t *ticketing.Ticket, c *ticketing.Client) string {
	return c.Language.Say("notice.auto_closed", t.ID)
}

func testingReminderText(t *ticketing.Ticket, c *ticketing.Client, end, now time.Time) string {
	return c.Language.Say("testing.reminder", t.ID, c.Language.When(end, now, c.Location))
}

func testingAcceptedText(t *ticketing.Ticket, c *ticketing.Client) string {
	return c.Language.Say("testing.accepted", t.ID)
}
