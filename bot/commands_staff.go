package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// tell is a staff text in desk.language.
func (b *Bot) tell(key string, args ...any) string { return b.deskLang.Say(key, args...) }

// staffErr is a staff command's polite refusal, in desk.language.
func (b *Bot) staffErr(key string, args ...any) error { return userErr("%s", b.tell(key, args...)) }

func (b *Bot) staffCommand(ctx context.Context, cmd command) (string, error) {
	switch cmd.verb {
	case "ayuda", "help":
		return b.tell("staff.help"), nil
	case "tomar":
		return b.cmdTake(ctx, cmd)
	case "resolver":
		return b.cmdResolve(ctx, cmd)
	case "esperando":
		return b.cmdWaiting(ctx, cmd)
	case "escalar":
		return b.cmdEscalate(ctx, cmd)
	case "prioridad":
		return b.cmdPriority(ctx, cmd)
	case "tipo":
		return b.cmdKind(ctx, cmd)
	case "mover":
		return b.cmdMove(ctx, cmd)
	case "estado":
		clientID := ""
		if cmd.scope != nil {
			clientID = cmd.scope.ID
		}
		if len(cmd.args) > 0 {
			c, ok := b.dir.client(cmd.args[0])
			if !ok || (cmd.scope != nil && c.ID != cmd.scope.ID) {
				return "", b.staffErr("staff.unknown_client", cmd.args[0])
			}
			clientID = c.ID
		}
		return b.listTickets(ctx, clientID, b.deskLang)
	case "reporte", "informe":
		return b.cmdReport(ctx, cmd)
	case "ausente", "presente":
		return b.cmdPresence(ctx, cmd)
	case "critico":
		return b.cmdCritical(ctx, cmd)
	case "whatsapp":
		return b.cmdWhatsApp(ctx, cmd)
	case "conforme":
		return "", b.staffErr("staff.conforme")
	case "guardar":
		return b.cmdSaveKnowledge(ctx, cmd)
	case "publicar":
		return b.cmdPublishKnowledge(ctx, cmd)
	}
	return "", b.staffErr("staff.unknown_command", cmd.verb, b.tell("staff.help"))
}

// withTicket runs fn on the command's ticket inside one transaction.
func (b *Bot) withTicket(ctx context.Context, cmd command, usage string, fn func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error)) (string, error) {
	n, err := ticketNumber(b.deskLang, cmd.args, usage)
	if err != nil {
		return "", err
	}
	var reply string
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		t, err := b.loadTicket(ctx, tx, cmd.scope, n)
		if err != nil {
			return err
		}
		reply, err = fn(tx, fx, t)
		return err
	})
	return reply, err
}

// move applies a status change or explains which moves are legal, in l.
func move(l wording.Language, t *ticketing.Ticket, to ticketing.Status) error {
	if err := ticketing.Transition(t.Kind, t.Status, to); err != nil {
		var legal []string
		for _, s := range ticketing.NextStatuses(t.Kind, t.Status) {
			legal = append(legal, string(s))
		}
		return userErr("%s", l.Say("staff.bad_move", t.ID, kindLabel(l, t.Kind), statusLabel(l, t.Status), statusLabel(l, to), strings.Join(legal, ", ")))
	}
	t.Status = to
	return nil
}

func (b *Bot) cmdTake(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "tomar #N", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		return b.take(ctx, tx, t, me)
	})
}

func (b *Bot) take(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, me string) (string, error) {
	if !t.Status.Open() {
		return "", b.staffErr("staff.closed", t.ID)
	}
	before := t.Assignee
	t.Assignee = me
	if t.Status == ticketing.StatusNuevo {
		t.Status = ticketing.StatusEnCurso
	}
	t.UpdatedAt = b.clock.Now()
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	note := b.tell("triage.taken", mention(me), t.ID)
	if before != "" && before != me {
		note = b.tell("triage.reassigned", mention(me), t.ID, mention(before), mention(me))
	}
	if err := b.toTriage(ctx, tx, t, note); err != nil {
		return "", err
	}
	return b.tell("staff.taken", t.ID), b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditTaken, "")
}

func (b *Bot) cmdResolve(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	text := ""
	if len(cmd.args) > 1 {
		text = strings.Join(cmd.args[1:], " ")
	}
	return b.withTicket(ctx, cmd, "resolver #N <texto>", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if text == "" {
			return "", b.staffErr("staff.resolve_usage", t.ID)
		}
		return b.resolve(ctx, tx, fx, t, me, text)
	})
}

func (b *Bot) resolve(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, me, text string) (string, error) {
	if err := b.resolvable(t); err != nil {
		return "", err
	}
	if err := move(b.deskLang, t, ticketing.StatusResuelto); err != nil {
		return "", err
	}
	now := b.clock.Now()
	t.ResolvedAt = now
	c := b.clientOf(t)
	msg := say(c, "resolved.slack", t.ID, b.dir.staffName(me), text, t.ID)
	if t.Source == ticketing.SourceWhatsApp {
		msg = say(c, "resolved.apart", t.ID, b.dir.staffName(me), text, t.ID)
	}
	if err := b.toTicket(ctx, tx, t, msg); err != nil {
		return "", err
	}
	if err := b.toTriage(ctx, tx, t, b.tell("triage.resolved", mention(me), t.ID)); err != nil {
		return "", err
	}
	if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: t.ID, ExternalID: fmt.Sprintf("resolve:%d:%d", t.ID, now.UnixNano()),
		AuthorID: me, AuthorKind: ticketing.AuthorStaff, Channel: ticketing.SourceSlack, Text: text, At: now}); err != nil {
		return "", err
	}
	if err := b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditResolved, subjectOf(text)); err != nil {
		return "", err
	}
	b.scheduleNext(t)
	if err := b.staffAnswered(ctx, tx, fx, t, me, text, now, false); err != nil {
		return "", err
	}
	return b.tell("staff.resolved", t.ID), nil
}

func (b *Bot) cmdEscalate(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	arg := ""
	if len(cmd.args) > 1 {
		arg = fold(cmd.args[1])
	}
	return b.withTicket(ctx, cmd, "escalar #N n2|n3|infra|desarrollo", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		level, err := ticketing.ParseEscalation(arg)
		if err != nil {
			return "", b.staffErr("staff.escalate_usage", t.ID)
		}
		return b.escalate(ctx, tx, t, me, level)
	})
}

func (b *Bot) escalate(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, me string, level ticketing.Escalation) (string, error) {
	if err := move(b.deskLang, t, ticketing.StatusEscalado); err != nil {
		return "", err
	}
	t.Escalation = level
	t.UpdatedAt = b.clock.Now()
	// An escalated ticket no longer waits on the client: a wait in progress
	// must not close it later on its old clock.
	b.scheduleNext(t)
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	// Who works the case inside is the desk's business: the client's side
	// hears nothing of it.
	if err := b.toTriage(ctx, tx, t, b.tell("triage.escalated", mention(me), t.ID, b.tell("escalation."+string(level)))); err != nil {
		return "", err
	}
	return b.tell("staff.escalated", t.ID, b.tell("escalation."+string(level))), b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditEscalated, string(level))
}

func (b *Bot) cmdPriority(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "prioridad #N alta|media|baja", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if len(cmd.args) < 2 {
			return "", b.staffErr("staff.priority_usage", t.ID)
		}
		p, err := ticketing.ParsePriority(fold(cmd.args[1]))
		if err != nil || p == ticketing.PriorityCritica {
			return "", b.staffErr("staff.priority_bad", cmd.args[1])
		}
		if !t.Kind.IsIncident() || t.Kind == ticketing.KindIncidenteCritico {
			return "", b.staffErr("staff.priority_not_incident", t.ID, kindLabel(b.deskLang, t.Kind))
		}
		old := t.Priority
		t.Priority = p
		note, err := b.redeadline(ctx, tx, t, me, ticketing.AuditPriorityChanged, fmt.Sprintf("%s → %s", old, p))
		if err != nil {
			return "", err
		}
		return note, b.recordCorrection(ctx, tx, t, me, ticketing.CorrectionPriority)
	})
}

func (b *Bot) cmdKind(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "tipo #N consulta|incidente|requerimiento|funcionalidad", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if len(cmd.args) < 2 {
			return "", b.staffErr("staff.kind_usage", t.ID)
		}
		k, err := ticketing.ParseKind(fold(cmd.args[1]))
		if err != nil || k == ticketing.KindIncidenteCritico {
			return "", b.staffErr("staff.kind_bad", cmd.args[1])
		}
		note, err := b.changeKind(ctx, tx, t, me, k, "")
		if err != nil {
			return "", err
		}
		return note, b.recordCorrection(ctx, tx, t, me, ticketing.CorrectionKind)
	})
}

// changeKind re-files a ticket; its status is kept when the new kind's flow
// has it, else it goes back to en curso (or nuevo if nobody answered yet).
func (b *Bot) changeKind(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, actor string, k ticketing.Kind, p ticketing.Priority) (string, error) {
	old := t.Kind
	t.Kind = k
	switch {
	case k.IsIncident() && p != "":
		t.Priority = p
	case k.IsIncident() && t.Priority == "":
		t.Priority = b.defaultPri
	case !k.IsIncident():
		t.Priority = b.defaultPri
	}
	if t.Status != ticketing.StatusNuevo && len(ticketing.NextStatuses(k, t.Status)) == 0 && t.Status.Open() {
		t.Status = ticketing.StatusEnCurso
	}
	t.AwaitingChoice = false
	return b.redeadline(ctx, tx, t, actor, ticketing.AuditKindChanged, fmt.Sprintf("%s → %s", old, k))
}

// redeadline recomputes the due time from the original arrival after a
// change of kind or priority, and tells the thread.
func (b *Bot) redeadline(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, actor string, action ticketing.AuditAction, detail string) (string, error) {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return "", fmt.Errorf("ticket %d: client %s not configured", t.ID, t.ClientID)
	}
	t.ClockStart, t.DueAt = b.calendar.Deadline(*c, t.Kind, t.Priority, t.ReceivedAt)
	if err := b.retimeAwaiting(ctx, tx, c, t); err != nil {
		return "", err
	}
	b.scheduleNext(t)
	t.UpdatedAt = b.clock.Now()
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	l := langOf(c)
	note := l.Say("redeadline", t.ID, kindPriority(l, t), when(c, t.DueAt, b.clock.Now()), zoneName(c))
	if t.Responded() {
		note = l.Say("redeadline.kind", t.ID, kindPriority(l, t))
	}
	if err := b.toThread(ctx, tx, t, note); err != nil {
		return "", err
	}
	return note, b.audit(ctx, tx, actor, t.ClientID, t.ID, action, detail)
}

func (b *Bot) cmdMove(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "mover #N <estado>", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if len(cmd.args) < 2 {
			return "", b.staffErr("staff.move_usage", t.ID)
		}
		to, err := ticketing.ParseStatus(fold(cmd.args[1]))
		if err != nil {
			return "", b.staffErr("staff.status_unknown", cmd.args[1])
		}
		if to == ticketing.StatusResuelto || to == ticketing.StatusEscalado {
			return "", b.staffErr("staff.move_use_verbs")
		}
		from := t.Status
		if err := move(b.deskLang, t, to); err != nil {
			return "", err
		}
		now := b.clock.Now()
		if to == ticketing.StatusEntregado {
			t.DeliveredAt = now
		}
		if to == ticketing.StatusCerrado {
			t.ClosedAt, t.CloseReason = now, ticketing.CloseReasonStaff
			// A closed ticket waits for nobody: its client's last message is
			// settled by the close, not left to breach later.
			if err := b.answerAwaiting(ctx, tx, t, me, now); err != nil {
				return "", err
			}
		}
		b.scheduleNext(t)
		t.UpdatedAt = now
		if err := tx.UpdateTicket(ctx, t); err != nil {
			return "", err
		}
		c := b.clientOf(t)
		note := say(c, "moved", t.ID, statusLabel(langOf(c), t.Status))
		switch to {
		case ticketing.StatusEntregado:
			note = say(c, "moved.delivered", t.ID, when(c, now.In(locOf(c)).AddDate(0, 0, 30), now))
		case ticketing.StatusDerivado:
			note = say(c, "moved.product", t.ID)
		}
		if err := b.toTicket(ctx, tx, t, note); err != nil {
			return "", err
		}
		return note, b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditMoved, fmt.Sprintf("%s → %s", from, to))
	})
}

func (b *Bot) cmdPresence(ctx context.Context, cmd command) (string, error) {
	absent := cmd.verb == "ausente"
	action := ticketing.AuditPresent
	if absent {
		action = ticketing.AuditAbsent
	}
	err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if err := tx.SetStaffAbsent(ctx, cmd.in.UserID, absent); err != nil {
			return err
		}
		return b.audit(ctx, tx, cmd.in.UserID, "", 0, action, "")
	})
	if err != nil {
		return "", err
	}
	if absent {
		return b.tell("staff.absent"), nil
	}
	return b.tell("staff.present"), nil
}

// resolvable refuses `resolver` on a kind that moves through stages (a
// requerimiento, a funcionalidad) with its next legal steps in words and
// the verb that takes them.
func (b *Bot) resolvable(t *ticketing.Ticket) error {
	if ticketing.Transition(t.Kind, t.Status, ticketing.StatusResuelto) == nil {
		return nil
	}
	if t.Kind != ticketing.KindRequerimiento && t.Kind != ticketing.KindFuncionalidad {
		return nil
	}
	next := ticketing.NextStatuses(t.Kind, t.Status)
	if len(next) == 0 {
		return nil
	}
	l := b.deskLang
	var steps []string
	for _, s := range next {
		steps = append(steps, fmt.Sprintf("%s (`%s`)", statusLabel(l, s), s))
	}
	return b.staffErr("staff.resolve_flow", t.ID, kindLabel(l, t.Kind), statusLabel(l, t.Status), strings.Join(steps, ", "), t.ID, t.ID, next[0])
}
