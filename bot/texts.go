package bot

import (
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// say renders a client text in the language the client reads.
func say(c *ticketing.Client, key string, args ...any) string {
	return langOf(c).Say(key, args...)
}

// langOf is the language c's people read; no client reads the desk's
// default, es-AR.
func langOf(c *ticketing.Client) wording.Language {
	if c == nil {
		return wording.SpanishAR
	}
	return c.Language
}

// clientOf is the ticket's client, for its language and clock; a client
// gone from the configuration is a zero one.
func (b *Bot) clientOf(t *ticketing.Ticket) *ticketing.Client {
	if c, ok := b.dir.client(t.ClientID); ok {
		return c
	}
	return &ticketing.Client{ID: t.ClientID, Name: t.ClientID, Language: b.deskLang}
}

func kindLabel(l wording.Language, k ticketing.Kind) string {
	return l.Say("kind." + string(k))
}

func statusLabel(l wording.Language, s ticketing.Status) string {
	return l.Say("status." + string(s))
}

// stateFor is a status as its reader sees it: staff read the desk's
// status; the client's people read what it means to them (an escalation
// is the desk's business: to them the ticket is in progress).
func stateFor(l wording.Language, s ticketing.Status, staff bool) string {
	switch {
	case staff:
	case s == ticketing.StatusEscalado:
		s = ticketing.StatusEnCurso
	case s == ticketing.StatusEsperandoCliente:
		return l.Say("status.client.esperando_cliente")
	}
	return statusLabel(l, s)
}

// attendedHours describes in words when a ticket of this kind is attended:
// outside commercial hours only unavailabilities are (the seed), so only a
// critical incident follows the plan's wider hours.
func attendedHours(c *ticketing.Client, k ticketing.Kind) string {
	if k == ticketing.KindIncidenteCritico {
		switch c.Plan {
		case ticketing.PlanExtendido, ticketing.Plan7x24:
			return say(c, "hours."+string(c.Plan))
		}
	}
	return say(c, "hours.standard")
}

// planHours describes the client's contracted coverage.
func planHours(c *ticketing.Client) string {
	switch c.Plan {
	case ticketing.PlanExtendido, ticketing.Plan7x24:
		return say(c, "plan."+string(c.Plan))
	}
	return say(c, "plan.estandar")
}

// zoneName names c's clock for its people ("hora de Santiago").
func zoneName(c *ticketing.Client) string { return zoneIn(langOf(c), c) }

// zoneIn names c's clock in l, for staff reading about c.
func zoneIn(l wording.Language, c *ticketing.Client) string {
	name := c.TimeZone()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return l.Say("zone", strings.ReplaceAll(name, "_", " "))
}

// when is an instant in c's words, on c's clock.
func when(c *ticketing.Client, at, now time.Time) string {
	return langOf(c).When(at, now, locOf(c))
}

func kindPriority(l wording.Language, t *ticketing.Ticket) string {
	if t.Kind.IsIncident() {
		return l.Say("kind.priority", kindLabel(l, t.Kind), l.Say("priority."+string(t.Priority)))
	}
	return kindLabel(l, t.Kind)
}

func mention(userID string) string {
	if userID == "" {
		return wording.SpanishAR.Say("support.team")
	}
	return ticketing.Mention(userID, "")
}

// named is a mention that a platform without mentions shows as the
// person's name, for texts a client apart may read.
func (b *Bot) named(userID string) string {
	if userID == "" {
		return mention(userID)
	}
	return ticketing.Mention(userID, b.dir.staffName(userID))
}

// ticketOpenedText is the first answer to a new ticket.
func (b *Bot) ticketOpenedText(c *ticketing.Client, t *ticketing.Ticket, now time.Time) string {
	l := langOf(c)
	lines := []string{
		l.Say("ticket.opened.head", t.ID, kindPriority(l, t)),
		l.Say("ticket.opened.due", when(c, t.DueAt, now), zoneName(c)),
	}
	if t.ClockStart.After(t.ReceivedAt) {
		lines = append(lines, l.Say("ticket.opened.after_hours", attendedHours(c, t.Kind), when(c, t.ClockStart, now)))
	}
	switch t.Kind {
	case ticketing.KindFuncionalidad:
		lines = append(lines, l.Say("ticket.opened.feature"))
	case ticketing.KindRequerimiento:
		lines = append(lines, l.Say("ticket.opened.requirement"))
	}
	where := l.Say("where.thread")
	if t.ClientApart() {
		where = l.Say("where.apart")
	}
	focal := l.Say("support.team")
	if c.FocalPoint != "" {
		focal = b.named(c.FocalPoint)
	}
	lines = append(lines, l.Say("ticket.opened.focal", focal, where))
	// A contact on WhatsApp has no buttons: one word does what Slack's
	// "the whole operation has stopped" does.
	if t.Kind == ticketing.KindIncidente && !t.AwaitingChoice && t.Client.Platform == ticketing.PlatformWhatsApp {
		lines = append(lines, l.Say("impact.chat"))
	}
	return strings.Join(lines, "\n")
}

// askKindText asks the client which kind of case it is.
func askKindText(c *ticketing.Client, t *ticketing.Ticket) string {
	return say(c, "kind.ask", t.ID)
}

// askKindMenu is the WhatsApp form of the same question.
func askKindMenu(c *ticketing.Client, t *ticketing.Ticket) string {
	return say(c, "kind.menu", t.ID)
}

// menuKinds are the kinds a client can choose; a critical incident is never
// offered because it is handled by phone.
var menuKinds = []ticketing.Kind{ticketing.KindConsulta, ticketing.KindIncidente, ticketing.KindRequerimiento, ticketing.KindFuncionalidad}

func kindButtons(c *ticketing.Client, t *ticketing.Ticket) []ticketing.Button {
	var out []ticketing.Button
	for _, k := range menuKinds {
		out = append(out, ticketing.Button{ActionID: actionKind, Label: kindLabel(langOf(c), k), Value: fmt.Sprintf("%d:%s", t.ID, k)})
	}
	return out
}

func (b *Bot) staffButtons(t *ticketing.Ticket) []ticketing.Button {
	id := fmt.Sprint(t.ID)
	return []ticketing.Button{
		{ActionID: actionTake, Label: b.tell("button.take"), Value: id, Style: "primary"},
		{ActionID: actionResolve, Label: b.tell("button.resolve"), Value: id},
		{ActionID: actionEscalate, Label: b.tell("button.escalate"), Value: id, Style: "danger"},
	}
}

// phonesText lists the Service Desk's phones in l ("+54 … o al +56 …").
func (b *Bot) phonesText(l wording.Language) string {
	return strings.Join(b.desk.Phones, l.Say("phones.or"))
}

// criticalRefusalText sends the client to the phone: the Service Desk is the
// only channel for critical incidents (the seed). t is the ticket a
// follow-up was added to, nil for a new message.
func (b *Bot) criticalRefusalText(c *ticketing.Client, t *ticketing.Ticket) string {
	done := say(c, "critical.refusal.new")
	if t != nil {
		done = say(c, "critical.refusal.followup", t.ID)
	}
	return say(c, "critical.refusal", b.phonesText(langOf(c)), done)
}

func (b *Bot) contractRefusalText(c *ticketing.Client) string {
	state := say(c, "contract.suspended")
	if c.Contract == ticketing.ContractExpired {
		state = say(c, "contract.expired")
	}
	return say(c, "contract.refusal", state, b.phonesText(langOf(c)))
}

// clientText marks text a client wrote (or a name they chose) as quoted:
// data that each adapter shows as the literal text it is, so <!channel>,
// <@U…> or a link label become no markup in what the bot posts. Every
// client string the bot re-posts goes through here (quote does it for
// message bodies).
func clientText(s string) string { return ticketing.Quoted(s) }

// subjectOf is the first line of a message, short enough for listings.
func subjectOf(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	r := []rune(line)
	if len(r) > 120 {
		return string(r[:119]) + "…"
	}
	return line
}

// quote shows a client's message as a block quote, each line quoted.
func quote(text string) string {
	r := []rune(strings.TrimSpace(text))
	if len(r) > 500 {
		r = append(r[:499], '…')
	}
	lines := strings.Split(string(r), "\n")
	for i, l := range lines {
		lines[i] = "> " + clientText(l)
	}
	return strings.Join(lines, "\n")
}
