package bot

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"supportbot/channels"
	"supportbot/ticketing"
)

// The client's one-tap way out of the bot's reading of an incident: on
// Slack two buttons on the answer, on WhatsApp the word CRITICO. Whatever
// the classifier said, the client knows whether their operation stopped.
const (
	actionImpactCritical = "impact_critical"
	actionImpactAlta     = "impact_alta"
)

// impactButtons are the buttons of an incident's answer in the client's
// thread: "the whole operation has stopped" always, "it stops us from
// working" while the priority is below ALTA. A client apart has none: no
// button comes back from their chat, they reply CRITICO.
func impactButtons(c *ticketing.Client, t *ticketing.Ticket) []ticketing.Button {
	if t.Kind != ticketing.KindIncidente || t.AwaitingChoice || t.ClientApart() {
		return nil
	}
	id := strconv.FormatInt(t.ID, 10)
	out := []ticketing.Button{{ActionID: actionImpactCritical, Label: say(c, "impact.button.critical"), Value: id, Style: "danger"}}
	if raisable(t.Priority) {
		out = append(out, ticketing.Button{ActionID: actionImpactAlta, Label: say(c, "impact.button.alta"), Value: id})
	}
	return out
}

// raisable is a priority the client may raise to ALTA.
func raisable(p ticketing.Priority) bool {
	return p == ticketing.PriorityMedia || p == ticketing.PriorityBaja
}

// impactOpen says whether the client can still say how much t stops them:
// an open incident, or an open case whose kind they are still asked.
func impactOpen(t *ticketing.Ticket) bool {
	return t.Status.Open() && (t.Kind == ticketing.KindIncidente || t.AwaitingChoice)
}

// impactPress is one client's "the whole operation has stopped" (critical)
// or "it stops us from working" (alta).
type impactPress struct {
	critical bool
	// actor is who pressed (a Slack user, a WhatsApp number) and who how
	// staff read them.
	actor, who string
	at         time.Time
}

// handleImpactButton answers a press of an incident answer's buttons.
// They are the client's: staff have their commands, and only people of the
// ticket's own client can press them.
func (b *Bot) handleImpactButton(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	n, err := strconv.ParseInt(in.ActionValue, 10, 64)
	if err != nil || n <= 0 {
		b.log.Warn("impact button with a bad value ignored", "action", in.ActionID, "value", in.ActionValue)
		return channels.Reply{}, nil
	}
	if b.dir.isStaff(in.UserID) {
		return b.replied(ctx, in, b.tell("impact.staff_only", n, n))
	}
	scope, inClient := b.dir.clientOfChannel(in.Channel)
	if !inClient {
		b.log.Warn("impact button outside a client channel ignored", "user", in.UserID, "channel", in.Channel)
		return channels.Reply{}, nil
	}
	reply := ""
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		reply = ""
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		t, err := b.loadTicket(ctx, tx, scope, n)
		if err != nil {
			return err
		}
		// Someone known as another client's (a shared channel) is refused
		// exactly like a ticket that is not there.
		if u, err := b.clientOfUser(ctx, tx, in.UserID); err != nil {
			return err
		} else if u != nil && u.ID != t.ClientID {
			b.log.Warn("impact button pressed by another client's person", "user", in.UserID, "of", u.ID, "ticket", t.ID, "client", t.ClientID)
			reply = say(scope, "ticket.not_found", n)
			return nil
		}
		reply, err = b.impact(ctx, tx, t, impactPress{critical: in.ActionID == actionImpactCritical, actor: in.UserID, who: mention(in.UserID), at: in.At})
		if err != nil || reply != "" {
			return err
		}
		return b.rewriteImpactAnswer(ctx, tx, t, in)
	})
	var ue *errUser
	if asUserErr(err, &ue) {
		reply, err = ue.msg, nil
	}
	if err != nil {
		return channels.Reply{}, err
	}
	return b.replied(ctx, in, reply)
}

// impact acts on a press, once per ticket and kind of press; reply is the
// polite note for a press that changes nothing.
func (b *Bot) impact(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, p impactPress) (reply string, err error) {
	c := b.clientOf(t)
	l := langOf(c)
	phones := b.phonesText(l)
	switch {
	case t.Kind == ticketing.KindIncidenteCritico && t.Status.Open():
		return say(c, "impact.critical.already", t.ID, phones), nil
	case !impactOpen(t) || (!p.critical && t.AwaitingChoice):
		return say(c, "impact.not_incident", t.ID, phones), nil
	case !p.critical && !raisable(t.Priority):
		return say(c, "impact.alta.already", t.ID, l.Say("priority."+string(t.Priority))), nil
	}
	action := actionImpactAlta
	if p.critical {
		action = actionImpactCritical
	}
	if first, err := firstTime(ctx, tx, fmt.Sprintf("%s:%d", action, t.ID), p.at); err != nil || !first {
		if err != nil {
			return "", err
		}
		if p.critical {
			return say(c, "impact.critical.already", t.ID, phones), nil
		}
		return say(c, "impact.alta.already", t.ID, l.Say("priority."+string(ticketing.PriorityAlta))), nil
	}
	link := ""
	if url := b.threadLink(t.Desk); url != "" {
		link = b.tell("impact.link", url)
	}
	if p.critical {
		_, err := b.takeCritical(ctx, tx, t, criticalTake{
			actor: p.actor, at: p.at, byClient: true,
			note: func(c *ticketing.Client, t *ticketing.Ticket) string {
				return say(c, "impact.critical.answer", t.ID, b.phonesText(langOf(c))) + b.dueLine(c, t)
			},
			page: func(c *ticketing.Client, t *ticketing.Ticket, dueWords string) string {
				return b.tell("impact.critical.page", t.ID, c.Name, p.who, link, dueWords)
			},
		})
		return "", err
	}
	return "", b.raiseToAlta(ctx, tx, t, p, link)
}

// raiseToAlta is the client's "it stops us from working": priority ALTA,
// its deadline counted from the press, never later than it already was
// (a press must not buy staff time nor forgive a breach), and the same for
// a next-response clock that runs; the focal point hears of it.
func (b *Bot) raiseToAlta(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, p impactPress, link string) error {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return fmt.Errorf("ticket %d: client %s not configured", t.ID, t.ClientID)
	}
	from := t.Priority
	t.Priority = ticketing.PriorityAlta
	if start, due := b.calendar.Deadline(*c, t.Kind, t.Priority, p.at); !t.Responded() && due.Before(t.DueAt) {
		t.ClockStart, t.DueAt = start, due
	}
	if t.AwaitingAnswer() {
		start, due := t.NextClockStart, t.NextDueAt
		if s, d, ok := b.calendar.NextResponseDeadline(*c, t.Kind, t.Priority, p.at); ok && d.Before(due) {
			start, due = s, d
		}
		if err := tx.RetimeNextResponse(ctx, t.ID, t.Priority, start, due); err != nil {
			return err
		}
		t.NextClockStart, t.NextDueAt = start, due
	}
	now := b.clock.Now()
	b.scheduleNext(t)
	t.UpdatedAt = now
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return err
	}
	if err := b.toTicket(ctx, tx, t, say(c, "impact.alta.answer", t.ID, kindPriority(langOf(c), t))+b.dueLine(c, t)); err != nil {
		return err
	}
	due := ""
	switch {
	case !t.Responded():
		due = b.tell("impact.due", b.deskLang.When(t.DueAt, now, c.Location))
	case t.AwaitingAnswer():
		due = b.tell("impact.due", b.deskLang.When(t.NextDueAt, now, c.Location))
	}
	page := b.tell("impact.alta.page", t.ID, c.Name, p.who, link, due)
	paged, _, err := ticketing.PageList(ctx, tx, c, b.dir.agents)
	if err != nil {
		return err
	}
	if t.Assignee != "" && !slices.Contains(paged, t.Assignee) {
		paged = append(paged, t.Assignee)
	}
	for _, who := range paged {
		if err := b.dm(ctx, tx, t.ID, who, page); err != nil {
			return err
		}
	}
	if err := b.audit(ctx, tx, p.actor, t.ClientID, t.ID, ticketing.AuditPriorityChanged, fmt.Sprintf("%s → %s (cliente)", from, t.Priority)); err != nil {
		return err
	}
	return b.recordCorrection(ctx, tx, t, p.actor, ticketing.CorrectionPriority)
}

// dueLine is the committed response of a ticket nobody answered yet, as
// the client reads it; an answered ticket's first deadline is history.
func (b *Bot) dueLine(c *ticketing.Client, t *ticketing.Ticket) string {
	if t.Responded() {
		return ""
	}
	return "\n" + say(c, "ticket.opened.due", when(c, t.DueAt, b.clock.Now()), zoneName(c))
}

// isCritico reads a WhatsApp reply that is only the word CRITICO, in any
// case, with or without its accent (however the phone wrote it) or marks
// around it ("*CRÍTICO*", "critico!").
func isCritico(text string) bool {
	w := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, fold(text))
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) == "critico"
}

// impactFromChat reads a contact's CRITICO: their open incident goes to
// the Service Desk as the Slack button does. With no open incident the
// word is still the client saying their operation stopped, so the
// critical rule answers it: the phones at once and the desk alerted, no
// ticket (a pending "is everything down?" question is answered yes).
func (b *Bot) impactFromChat(ctx context.Context, tx ticketing.Tx, fx *effects, c *ticketing.Client, in channels.Inbound) (bool, error) {
	if !isCritico(in.Text) {
		return false, nil
	}
	phone := in.UserID
	name := nameOr(in.UserName, phone)
	who := fmt.Sprintf("%s (%s)", clientText(name), clientText(phone))
	t, err := tx.OpenTicketByContact(ctx, phone)
	switch {
	case err == nil && (impactOpen(t) || t.Kind == ticketing.KindIncidenteCritico):
		reply, err := b.impact(ctx, tx, t, impactPress{critical: true, actor: phone, who: who, at: in.At})
		if err != nil || reply == "" {
			return true, err
		}
		return true, b.post(ctx, tx, t.ID, chatWith(phone), reply)
	case err != nil && !isNotFound(err):
		return true, err
	}
	q, err := tx.OpenCriticalQuestion(ctx, chatWith(phone))
	switch {
	case err == nil:
		_, err = b.settleCritical(ctx, tx, fx, q, ticketing.QuestionYes, phone, "")
		return true, err
	case !isNotFound(err):
		return true, err
	}
	o := origin{client: c, author: phone, authorName: in.UserName, text: in.Text, at: in.At,
		externalID: "whatsapp:" + in.MessageID, where: chatWith(phone), desk: onDesk(b.mirrorChannel(c), "")}
	cl := Classification{Kind: ticketing.KindIncidenteCritico, Priority: ticketing.PriorityCritica, Confidence: 1, Cues: []string{"cliente:critico"}}
	return true, b.refuseCritical(ctx, tx, fx, o, cl, nil, nil)
}
