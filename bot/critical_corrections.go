package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// actionOverrule is the desk's "it was not critical" button on the alert
// of a message the bot sent to the phone.
const actionOverrule = "critical_overrule"

// overrulePriority is what a message read as an outage, but not of the
// whole operation, most likely is; staff can change it with
// /soporte prioridad.
const overrulePriority = ticketing.PriorityAlta

func overruleButton(questionID int64) ticketing.Button {
	return ticketing.Button{ActionID: actionOverrule, Label: "No era crítico: abrir ticket ALTA", Value: strconv.FormatInt(questionID, 10)}
}

// holdRefused keeps a new message sent to the phone as a settled question,
// so the desk can still open its ticket; q is the question it already was
// (a doubtful critical answered yes or unanswered), nil for a certain one.
func (b *Bot) holdRefused(ctx context.Context, tx ticketing.Tx, o origin, cl Classification, q *ticketing.CriticalQuestion) (int64, error) {
	if q != nil {
		return q.ID, nil
	}
	q = &ticketing.CriticalQuestion{
		ClientID: o.client.ID, Author: o.author, AuthorName: o.authorName, Where: o.where, Desk: o.desk,
		Text: o.text, Media: o.media, ExternalID: o.externalID, ReceivedAt: o.at, AskedAt: b.clock.Now(),
		Kind: cl.Kind, Priority: cl.Priority, Confidence: cl.Confidence, Cues: cl.Cues,
	}
	if err := tx.AskCritical(ctx, q); err != nil {
		return 0, err
	}
	if _, err := tx.SettleCriticalQuestion(ctx, q.ID, ticketing.QuestionRefused, b.clock.Now()); err != nil {
		return 0, err
	}
	return q.ID, nil
}

// handleOverrule opens the ticket of a message the bot sent to the phone,
// once, when staff say it was not critical; the message and the label the
// desk gave it become a labelled example for the classifier.
func (b *Bot) handleOverrule(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	id, err := strconv.ParseInt(in.ActionValue, 10, 64)
	if err != nil || id <= 0 {
		b.log.Warn("overrule button with a bad value ignored", "value", in.ActionValue)
		return channels.Reply{}, nil
	}
	if !b.dir.isStaff(in.UserID) {
		return b.replied(ctx, in, "Ese botón es para el equipo de soporte.")
	}
	reply := ""
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		reply = ""
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		q, err := tx.CriticalQuestion(ctx, "", id)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if first, err := firstTime(ctx, tx, fmt.Sprintf("overrule:%d", q.ID), in.At); err != nil || !first {
			if err == nil {
				reply = "Ese mensaje ya tiene su ticket."
			}
			return err
		}
		o, err := b.originOf(q)
		if err != nil {
			return err
		}
		cl := Classification{Kind: ticketing.KindIncidente, Priority: overrulePriority, Confidence: 1, Cues: []string{"mesa:no_critico"}}
		t, err := b.fileTicket(ctx, tx, fx, o, cl)
		if isDuplicate(err) {
			reply = "Ese contacto ya tiene un ticket abierto: sumá el caso ahí."
			return nil
		}
		if err != nil {
			return err
		}
		if err := b.recordCorrection(ctx, tx, t, in.UserID, ticketing.CorrectionNotCritical); err != nil {
			return err
		}
		reply = fmt.Sprintf("Abriste el ticket #%d de %s (%s); vence %s.", t.ID, o.client.Name, kindPriority(t), wording.When(t.DueAt, b.clock.Now(), o.client.Location))
		return b.audit(ctx, tx, in.UserID, q.ClientID, t.ID, ticketing.AuditCriticalOverruled, subjectOf(q.Text))
	})
	if err != nil {
		return channels.Reply{}, err
	}
	return b.replied(ctx, in, reply)
}

func (b *Bot) replied(ctx context.Context, in channels.Inbound, reply string) (channels.Reply, error) {
	if reply != "" {
		b.ephemeral(ctx, in, reply)
	}
	return channels.Reply{Text: reply}, nil
}

// refileCritical is /soporte critico #N: the Service Desk takes as critical
// a client's message the bot filed as an ordinary ticket. The clock is the
// critical one from the call, unless someone already answered.
func (b *Bot) refileCritical(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "critico #N [descripción]", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if t.Kind == ticketing.KindIncidenteCritico {
			return "", userErr("El ticket #%d ya es un incidente crítico.", t.ID)
		}
		if !t.Status.Open() {
			return "", userErr("El ticket #%d está cerrado; abrí uno nuevo con `/soporte critico <cliente> <descripción>`.", t.ID)
		}
		c, ok := b.dir.client(t.ClientID)
		if !ok {
			return "", fmt.Errorf("ticket %d: client %s not configured", t.ID, t.ClientID)
		}
		now := b.clock.Now()
		from := fmt.Sprintf("%s %s", t.Kind, t.Priority)
		if t.Status != ticketing.StatusNuevo && len(ticketing.NextStatuses(ticketing.KindIncidenteCritico, t.Status)) == 0 && t.Status.Open() {
			t.Status = ticketing.StatusEnCurso
		}
		t.Kind, t.Priority, t.AwaitingChoice = ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false
		if !t.Responded() {
			t.ClockStart, t.DueAt = b.calendar.Deadline(*c, t.Kind, t.Priority, now)
		}
		b.scheduleNext(t)
		t.UpdatedAt = now
		if err := tx.UpdateTicket(ctx, t); err != nil {
			return "", err
		}
		said := ""
		if len(cmd.args) > 1 {
			said = "\n" + quote(strings.Join(cmd.args[1:], " "))
		}
		dueWords := wording.When(t.DueAt, now, c.Location)
		note := fmt.Sprintf("🚨 La Mesa de Ayuda (%s) toma este caso como *incidente crítico*: ticket #%d · prioridad CRÍTICA.%s\nRespuesta comprometida: vence %s (%s).",
			mention(me), t.ID, said, dueWords, zoneName(c))
		if err := b.toThread(ctx, tx, t, note); err != nil {
			return "", err
		}
		page := fmt.Sprintf("🚨 *Incidente crítico #%d* de *%s*: la Mesa de Ayuda (%s) tomó como crítico un ticket ya abierto.%s\nVence %s.", t.ID, c.Name, mention(me), said, dueWords)
		if err := b.pageCritical(ctx, tx, c, t, page); err != nil {
			return "", err
		}
		if err := b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditKindChanged, from+" → "+string(t.Kind)+" (mesa de ayuda)"); err != nil {
			return "", err
		}
		if err := b.recordCorrection(ctx, tx, t, me, ticketing.CorrectionCritical); err != nil {
			return "", err
		}
		return fmt.Sprintf("El ticket #%d de %s ahora es un incidente crítico; vence %s. Se avisó al focal point.", t.ID, c.Name, dueWords), nil
	})
}
