package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// origin is where a client wrote a new case, and so where answers go.
type origin struct {
	client *ticketing.Client
	// author is the client's id where they wrote (a user, a number).
	author     string
	authorName string
	text       string
	media      string
	files      []ticketing.Attachment
	// quoted is what the message quotes (a WhatsApp reply), for the mirror.
	quoted     string
	at         time.Time
	externalID string
	// where is the conversation the client wrote in (for a new case, the
	// thread their message starts); desk is where staff work the case: the
	// same conversation, or the mirror channel for a client who talks apart.
	where ticketing.Conversation
	desk  ticketing.Conversation
	// earlier are the person's messages of the same burst that opened
	// nothing on their own (a greeting): they belong to this case.
	earlier []ticketing.Message
}

// apart reports whether the client talks somewhere the staff do not, so
// the case is mirrored into the desk.
func (o origin) apart() bool {
	return o.where.Platform != o.desk.Platform || o.where.Address != o.desk.Address
}

func (o origin) source() ticketing.Source { return ticketing.Source(o.where.Platform) }

// answer replies to the client where they wrote.
func (b *Bot) answer(ctx context.Context, tx ticketing.Tx, o origin, ticketID int64, text string, buttons ...ticketing.Button) error {
	return b.post(ctx, tx, ticketID, o.where, text, buttons...)
}

// intake decides what a client's new message becomes: a refusal (contract,
// critical incident), a question about its kind, or a ticket with a deadline.
func (b *Bot) intake(ctx context.Context, tx ticketing.Tx, fx *effects, o origin) error {
	c := o.client
	if c.Contract != ticketing.ContractActive {
		return b.refuseContract(ctx, tx, o)
	}
	cl := b.classifyCase(o.caseText(), o.media)
	if cl.Kind == ticketing.KindIncidenteCritico {
		return b.refuseCritical(ctx, tx, fx, o, cl, nil, nil)
	}
	if cl.DoubtfulCritical {
		return b.askCritical(ctx, tx, o, cl)
	}
	return b.openTicket(ctx, tx, fx, o, cl)
}

// openTicket files a classified message as a ticket with its deadline,
// counted from when the client wrote.
func (b *Bot) openTicket(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, cl Classification) error {
	_, err := b.fileTicket(ctx, tx, fx, o, cl)
	return err
}

// fileTicket is openTicket for a caller that goes on with the ticket.
func (b *Bot) fileTicket(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, cl Classification) (*ticketing.Ticket, error) {
	t, err := b.createTicket(ctx, tx, fx, o, cl)
	if err != nil {
		return nil, err
	}
	return t, b.answerOpened(ctx, tx, o, t)
}

func (b *Bot) createTicket(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, cl Classification) (*ticketing.Ticket, error) {
	c := o.client
	t := b.newTicket(o, cl)
	if err := tx.CreateTicket(ctx, t); err != nil {
		return nil, err
	}
	if err := b.addEarlier(ctx, tx, t.ID, o.earlier); err != nil {
		return nil, err
	}
	m := clientMessage(o, t.ID)
	if err := tx.AddMessage(ctx, &m); err != nil {
		return nil, err
	}
	if err := b.audit(ctx, tx, o.author, c.ID, t.ID, ticketing.AuditTicketOpened, fmt.Sprintf("%s %s confidence=%.2f cues=%v", t.Kind, t.Priority, cl.Confidence, cl.Cues)); err != nil {
		return nil, err
	}
	if o.apart() {
		if err := b.mirrorRoot(ctx, tx, c, t, o); err != nil {
			return nil, err
		}
	}
	fx.Then(func() { b.observer.TicketOpened(t) })
	return t, nil
}

// answerOpened tells the client their message became ticket t.
func (b *Bot) answerOpened(ctx context.Context, tx ticketing.Tx, o origin, t *ticketing.Ticket) error {
	c := o.client
	now := b.clock.Now()
	switch {
	// A client apart answers in words (no buttons come back from their
	// chat), so they get the numbered menu continueApart reads.
	case t.AwaitingChoice && o.apart():
		// A voice note is relayed for staff to hear; only its kind is asked.
		if o.media != "" && o.text == "" && !spokenOnly(o.text, o.files) {
			return b.answer(ctx, tx, o, t.ID, mediaText(c, o.media, t))
		}
		return b.answer(ctx, tx, o, t.ID, askKindMenu(c, t))
	case t.AwaitingChoice:
		return b.answer(ctx, tx, o, t.ID, askKindText(c, t), kindButtons(c, t)...)
	}
	if o.media != "" && o.text == "" {
		return b.answer(ctx, tx, o, t.ID, mediaText(c, o.media, t))
	}
	// Staff act from the ticket's card: only the client's own buttons sit
	// on a post client users can see.
	buttons := impactButtons(c, t)
	text, more, err := b.withSuggestions(ctx, tx, c, t, o.caseText(), b.ticketOpenedText(c, t, now), o.apart())
	if err != nil {
		return err
	}
	return b.answer(ctx, tx, o, t.ID, text, append(more, buttons...)...)
}

func mediaText(c *ticketing.Client, media string, t *ticketing.Ticket) string {
	if media == "unsupported" {
		// Something WhatsApp did not let the bot see (a poll, a view-once
		// photo): naming it would mean nothing to the client.
		return say(c, "media.unsupported", t.ID)
	}
	return say(c, "media.ask_text", media, t.ID)
}

// newTicket builds the ticket for a classified message, with its deadline.
func (b *Bot) newTicket(o origin, cl Classification) *ticketing.Ticket {
	kind, prio := cl.Kind, cl.Priority
	if !kind.IsIncident() || prio == "" {
		prio = b.defaultPri
	}
	start, due := b.calendar.Deadline(*o.client, kind, prio, o.at)
	now := b.clock.Now()
	t := &ticketing.Ticket{
		ClientID: o.client.ID, Kind: kind, Priority: prio, Status: ticketing.StatusNuevo, Source: o.source(),
		Desk: o.desk, OpenedBy: o.author, Subject: subjectOf(o.text),
		Confidence: cl.Confidence, Cues: cl.Cues, AwaitingChoice: cl.Ask,
		ReceivedAt: o.at, ClockStart: start, DueAt: due, NextActionAt: start,
		LastClientMessageAt: o.at, CreatedAt: now, UpdatedAt: now,
	}
	if o.apart() {
		// The desk thread starts with the mirrored root post.
		t.Client, t.Desk.Thread = o.where, ""
	}
	if t.Subject == "" && o.media != "" {
		t.Subject = "(" + o.media + ")"
	}
	return t
}

func (b *Bot) refuseContract(ctx context.Context, tx ticketing.Tx, o origin) error {
	c := o.client
	if err := b.answer(ctx, tx, o, 0, b.contractRefusalText(c)); err != nil {
		return err
	}
	if err := b.dm(ctx, tx, 0, c.FocalPoint, b.tell("contract.dm", c.Name, string(c.Contract), string(o.where.Platform), quote(o.text))); err != nil {
		return err
	}
	return b.audit(ctx, tx, o.author, c.ID, 0, ticketing.AuditContractRefused, string(c.Contract))
}

// criticalRepeat is how long after sending a ticket's critical follow-up to
// the phone another one pages no one again: a client writing "sigue caído"
// three times is still one outage.
const criticalRepeat = 30 * time.Minute

// refuseCritical sends the client to the Service Desk phones and tells the
// focal point and the service desk a call may come. For a new message (t
// nil) no ticket is opened; for a follow-up, t is the ticket it was stored on.
func (b *Bot) refuseCritical(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, cl Classification, t *ticketing.Ticket, q *ticketing.CriticalQuestion) error {
	c := o.client
	var ticketID int64
	where := ""
	var buttons []ticketing.Button
	if t != nil {
		ticketID, where = t.ID, b.tell("critical.alert.on_ticket", t.ID)
	} else {
		held, err := b.holdRefused(ctx, tx, o, cl, q)
		if err != nil {
			return err
		}
		buttons = append(buttons, b.overruleButton(held))
	}
	if err := b.answer(ctx, tx, o, ticketID, b.criticalRefusalText(c, t)); err != nil {
		return err
	}
	// A client on the desk's platform can be mentioned; one apart is named.
	who := clientText(o.author)
	if !o.apart() {
		who = mention(o.author)
	} else if o.authorName != "" {
		who = fmt.Sprintf("%s (%s)", clientText(o.authorName), clientText(o.author))
	}
	how := b.tell("critical.alert.open_new", c.ID)
	if t != nil {
		how = b.tell("critical.alert.open_ticket", t.ID)
	}
	alert := b.tell("critical.alert", c.Name, string(o.where.Platform), who, where, quote(o.text), how)
	if err := b.post(ctx, tx, ticketID, onDesk(b.desk.Channel, ""), alert, buttons...); err != nil {
		return err
	}
	if t != nil {
		// A critical follow-up on a ticket is the ticket's event too.
		if err := b.toTriage(ctx, tx, t, alert); err != nil {
			return err
		}
	}
	if c.FocalPoint != "" {
		if err := b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(c.FocalPoint, ""), Mode: ticketing.ModeDirect, Text: alert, TicketID: ticketID, Buttons: buttons}); err != nil {
			return err
		}
	}
	fx.Then(func() { b.observer.CriticalRefused(c.ID) })
	return b.audit(ctx, tx, o.author, c.ID, ticketID, ticketing.AuditCriticalRefused, auditDetail(o.where.Platform, o.externalID, cl.Cues))
}

// criticalFollowUp runs a client's follow-up on an open ticket through the
// same critical check as a new message: an outage reported inside a ticket
// still goes to the phone. The message itself stays on the ticket.
func (b *Bot) criticalFollowUp(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, t *ticketing.Ticket, cl Classification) error {
	if o.text == "" || cl.Kind != ticketing.KindIncidenteCritico {
		return nil
	}
	recent, err := tx.AuditLog(ctx, t.ClientID, b.clock.Now().Add(-criticalRepeat))
	if err != nil {
		return err
	}
	for _, e := range recent {
		if e.Action == ticketing.AuditCriticalRefused && e.TicketID == t.ID {
			b.log.Debug("critical follow-up already sent to the phone", "ticket", t.ID, "at", e.At)
			return nil
		}
	}
	return b.refuseCritical(ctx, tx, fx, o, cl, t, nil)
}

// isDuplicate turns the store's duplicate signal into "already handled".
func isDuplicate(err error) bool { return errors.Is(err, ticketing.ErrDuplicate) }

func isNotFound(err error) bool { return errors.Is(err, ticketing.ErrNotFound) }
