package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
)

// actionOverrule is the desk's "it was not critical" button on the alert
// of a message the bot sent to the phone.
const actionOverrule = "critical_overrule"

// overrulePriority is what a message read as an outage, but not of the
// whole operation, most likely is; staff can change it with
// /soporte prioridad.
const overrulePriority = ticketing.PriorityAlta

func (b *Bot) overruleButton(questionID int64) ticketing.Button {
	return ticketing.Button{ActionID: actionOverrule, Label: b.tell("critical.overrule.button"), Value: strconv.FormatInt(questionID, 10)}
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
		Text: o.text, Media: o.media, Files: o.files, ExternalID: o.externalID, ReceivedAt: o.at, AskedAt: b.clock.Now(),
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
		return b.replied(ctx, in, b.tell("critical.overrule.staff_only"))
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
				reply = b.tell("critical.overrule.done")
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
			reply = b.tell("critical.overrule.open")
			return nil
		}
		if err != nil {
			return err
		}
		if err := b.recordCorrection(ctx, tx, t, in.UserID, ticketing.CorrectionNotCritical); err != nil {
			return err
		}
		if err := b.applyQuestionEdits(ctx, tx, fx, q); err != nil {
			return err
		}
		reply = b.tell("critical.overrule.reply", t.ID, o.client.Name, kindPriority(b.deskLang, t), b.deskLang.When(t.DueAt, b.clock.Now(), o.client.Location))
		return b.audit(ctx, tx, in.UserID, q.ClientID, t.ID, ticketing.AuditCriticalOverruled, auditDetail(q.Where.Platform, q.ExternalID, q.Cues))
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
	said := ""
	if len(cmd.args) > 1 {
		said = "\n" + quote(strings.Join(cmd.args[1:], " "))
	}
	return b.withTicket(ctx, cmd, "critico #N [descripción]", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if t.Kind == ticketing.KindIncidenteCritico {
			return "", b.staffErr("critical.refile.already", t.ID)
		}
		if !t.Status.Open() {
			return "", b.staffErr("critical.refile.closed", t.ID)
		}
		now := b.clock.Now()
		dueWords, err := b.takeCritical(ctx, tx, t, criticalTake{
			actor: me, at: now,
			// The thread is read by the client too: its note is in their language.
			note: func(c *ticketing.Client, t *ticketing.Ticket) string {
				return say(c, "critical.refile.note", mention(me), t.ID, said, when(c, t.DueAt, now), zoneName(c))
			},
			page: func(c *ticketing.Client, t *ticketing.Ticket, dueWords string) string {
				return b.tell("critical.refile.page", t.ID, c.Name, mention(me), said, dueWords)
			},
		})
		if err != nil {
			return "", err
		}
		return b.tell("critical.refile.reply", t.ID, b.clientOf(t).Name, dueWords), nil
	})
}
