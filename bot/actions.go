package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
)

// Button action ids.
const (
	actionKind     = "ticket_kind"
	actionTake     = "ticket_take"
	actionResolve  = "ticket_resolve"
	actionEscalate = "ticket_escalate"
)

var checkReactions = map[string]bool{"white_check_mark": true, "heavy_check_mark": true, "ballot_box_with_check": true}

// handleAction handles a button press. The ticket must belong to the client
// whose channel holds the button, so a forged payload can't reach another
// client's ticket.
func (b *Bot) handleAction(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	switch in.ActionID {
	case actionCritical:
		return b.handleCriticalButton(ctx, in)
	case actionOverrule:
		return b.handleOverrule(ctx, in)
	case actionCSAT:
		return b.handleCSATButton(ctx, in)
	case actionImpactCritical, actionImpactAlta:
		return b.handleImpactButton(ctx, in)
	}
	idPart, arg, _ := strings.Cut(in.ActionValue, ":")
	n, err := strconv.ParseInt(idPart, 10, 64)
	if err != nil || n <= 0 {
		b.log.Warn("button with a bad value ignored", "action", in.ActionID, "value", in.ActionValue)
		return channels.Reply{}, nil
	}
	staff := b.dir.isStaff(in.UserID)
	scope, inClient := b.dir.clientOfChannel(in.Channel)
	if !staff && !inClient {
		return channels.Reply{}, nil
	}
	var reply string
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		var t *ticketing.Ticket
		var err error
		if inClient {
			t, err = b.loadTicket(ctx, tx, scope, n)
		} else {
			t, err = b.loadTicket(ctx, tx, nil, n)
		}
		if err != nil {
			return err
		}
		switch {
		case in.ActionID == actionKind:
			reply, err = b.chooseKind(ctx, tx, fx, t, in, arg)
		case in.ActionID == actionKnowledgeSolved:
			reply, err = b.knowledgeSolvedButton(ctx, tx, t, in, staff, inClient)
		case !staff:
			reply = say(b.clientOf(t), "button.staff_only")
		case in.ActionID == actionTake:
			reply, err = b.take(ctx, tx, t, in.UserID)
		case in.ActionID == actionResolve:
			reply, err = b.resolve(ctx, tx, fx, t, in.UserID, say(b.clientOf(t), "resolved.by_button"))
		case in.ActionID == actionEscalate:
			reply, err = b.escalate(ctx, tx, t, in.UserID, ticketing.EscalationN2)
		default:
			b.log.Warn("unknown button", "action", in.ActionID)
		}
		return err
	})
	var ue *errUser
	if asUserErr(err, &ue) {
		reply, err = ue.msg, nil
	}
	if err != nil {
		return channels.Reply{}, err
	}
	if reply != "" {
		b.ephemeral(ctx, in, reply)
	}
	if in.Channel == "" {
		// Pressed on the Home tab, which shows the outcome.
		b.home.touch(b.renderHome, in.UserID)
	}
	return channels.Reply{Text: reply}, nil
}

// ephemeral tells only the person who pressed a button; a button on the
// Home tab is in no channel, so its answer goes to them directly.
func (b *Bot) ephemeral(ctx context.Context, in channels.Inbound, text string) {
	item := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: in.Channel}, Mode: ticketing.ModeEphemeral, UserID: in.UserID, Text: text}
	if in.Channel == "" {
		item = ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: in.UserID}, Mode: ticketing.ModeDirect, Text: text}
	}
	err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		return b.enqueue(ctx, tx, item)
	})
	if err != nil {
		b.log.Error("queue ephemeral", "err", err)
	}
}

// chooseKind files a ticket the classifier was unsure of, with the kind the
// client picked, and answers as for any new ticket.
func (b *Bot) chooseKind(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, in channels.Inbound, arg string) (string, error) {
	if !t.AwaitingChoice {
		l := langOf(b.clientOf(t))
		return l.Say("kind.already", t.ID, kindLabel(l, t.Kind)), nil
	}
	k, err := ticketing.ParseKind(arg)
	if err != nil || k == ticketing.KindIncidenteCritico {
		return "", userErr("%s", say(b.clientOf(t), "option.invalid"))
	}
	return b.applyChoice(ctx, tx, fx, t, in.UserID, k, in.MessageID)
}

// applyChoice sets the chosen kind, answers with the deadline and, on Slack,
// rewrites the question so its buttons can't be pressed again.
func (b *Bot) applyChoice(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, actor string, k ticketing.Kind, questionTS string) (string, error) {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return "", fmt.Errorf("ticket %d: client %s not configured", t.ID, t.ClientID)
	}
	p := t.Priority
	if k == ticketing.KindIncidente && (p == "" || p == ticketing.PriorityCritica) {
		p = b.defaultPri
	}
	t.Kind, t.Priority, t.AwaitingChoice = k, p, false
	if !k.IsIncident() {
		t.Priority = b.defaultPri
	}
	t.ClockStart, t.DueAt = b.calendar.Deadline(*c, t.Kind, t.Priority, t.ReceivedAt)
	b.scheduleNext(t)
	t.UpdatedAt = b.clock.Now()
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	if questionTS != "" && t.Source != ticketing.SourceWhatsApp {
		if err := b.enqueue(ctx, tx, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: t.Desk.Address}, Mode: ticketing.ModeUpdate, EditRef: questionTS,
			TicketID: t.ID, Text: say(c, "kind.chosen", t.ID, kindLabel(langOf(c), k))}); err != nil {
			return "", err
		}
	}
	// Staff act from the ticket's card: only the client's own buttons sit
	// on a post client users can see.
	buttons := impactButtons(c, t)
	question, _, err := clientQuestion(ctx, tx, t)
	if err != nil {
		return "", err
	}
	text, more, err := b.withSuggestions(ctx, tx, c, t, question, b.ticketOpenedText(c, t, b.clock.Now()), t.ClientApart())
	if err != nil {
		return "", err
	}
	if err := b.toTicket(ctx, tx, t, text, append(more, buttons...)...); err != nil {
		return "", err
	}
	if err := b.recordCorrection(ctx, tx, t, actor, ticketing.CorrectionChoice); err != nil {
		return "", err
	}
	return "", b.audit(ctx, tx, actor, t.ClientID, t.ID, ticketing.AuditKindChosen, string(k))
}

// handleReaction closes a ticket when its client reacts with a check mark
// on the ticket's thread.
func (b *Bot) handleReaction(ctx context.Context, in channels.Inbound) error {
	if in.Reaction == knowledgeReaction {
		return b.saveFromReaction(ctx, in)
	}
	if !checkReactions[in.Reaction] || b.dir.isStaff(in.UserID) {
		return nil
	}
	c, ok := b.dir.clientOfChannel(in.Channel)
	if !ok {
		return nil
	}
	return b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		t, err := tx.TicketOfMessage(ctx, in.Channel, in.ThreadTS)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if t.ClientID != c.ID || t.Status != ticketing.StatusResuelto {
			return nil
		}
		_, err = b.closeByClient(ctx, tx, t, in.UserID)
		return err
	})
}
