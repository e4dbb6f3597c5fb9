package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
)

// actionCritical is the yes/no button of a doubtful critical's question.
const actionCritical = "critical_answer"

// askCritical holds a message with outage evidence short of certain and asks
// the client whether the whole operation is down, before any ticket: yes is
// the phone, no the incident the classifier read, silence the phone too
// (Tick). The question is stored, so a restart keeps it.
func (b *Bot) askCritical(ctx context.Context, tx ticketing.Tx, o origin, cl Classification) error {
	q := &ticketing.CriticalQuestion{
		ClientID: o.client.ID, Author: o.author, AuthorName: o.authorName, Where: o.where, Desk: o.desk,
		Text: o.text, Media: o.media, Files: o.files, ExternalID: o.externalID, ReceivedAt: o.at, AskedAt: b.clock.Now(),
		Kind: cl.Kind, Priority: cl.Priority, Confidence: cl.Confidence, Cues: cl.Cues,
	}
	if err := tx.AskCritical(ctx, q); err != nil {
		return err
	}
	// A client apart answers in words: no buttons come back from their chat.
	if o.apart() {
		if err := b.answer(ctx, tx, o, 0, say(o.client, "critical.question.menu")); err != nil {
			return err
		}
	} else if err := b.answer(ctx, tx, o, 0, say(o.client, "critical.question.text"), criticalButtons(o.client, q.ID)...); err != nil {
		return err
	}
	return b.audit(ctx, tx, o.author, q.ClientID, 0, ticketing.AuditCriticalAsked, auditDetail(o.where.Platform, o.externalID, cl.Cues))
}

func criticalButtons(c *ticketing.Client, id int64) []ticketing.Button {
	return []ticketing.Button{
		{ActionID: actionCritical, Label: say(c, "critical.question.yes"), Value: fmt.Sprintf("%d:%s", id, ticketing.QuestionYes), Style: "danger"},
		{ActionID: actionCritical, Label: say(c, "critical.question.no"), Value: fmt.Sprintf("%d:%s", id, ticketing.QuestionNo)},
	}
}

// originOf rebuilds where a held message came from.
func (b *Bot) originOf(q *ticketing.CriticalQuestion) (origin, error) {
	c, ok := b.dir.client(q.ClientID)
	if !ok {
		return origin{}, fmt.Errorf("critical question %d: client %s not configured", q.ID, q.ClientID)
	}
	return origin{client: c, author: q.Author, authorName: q.AuthorName, text: q.Text, media: q.Media, files: q.Files, at: q.ReceivedAt,
		externalID: q.ExternalID, where: q.Where, desk: q.Desk}, nil
}

// settleCritical acts on the answer, once: a second answer, or the tick
// after an answer, changes nothing. questionRef is the Slack question's ts,
// rewritten so its buttons can't be pressed again.
func (b *Bot) settleCritical(ctx context.Context, tx ticketing.Tx, fx *effects, q *ticketing.CriticalQuestion, outcome, actor, questionRef string) (bool, error) {
	first, err := tx.SettleCriticalQuestion(ctx, q.ID, outcome, b.clock.Now())
	if err != nil || !first {
		return false, err
	}
	o, err := b.originOf(q)
	if err != nil {
		return false, err
	}
	if questionRef != "" && q.Where.Platform == ticketing.PlatformSlack {
		label := say(o.client, "critical.question.no")
		if outcome == ticketing.QuestionYes {
			label = say(o.client, "critical.question.yes")
		}
		if err := b.enqueue(ctx, tx, ticketing.OutboxItem{To: q.Where.TopLevel(), Mode: ticketing.ModeUpdate, EditRef: questionRef,
			Text: say(o.client, "critical.question.answered", label)}); err != nil {
			return false, err
		}
	}
	if err := b.audit(ctx, tx, actor, q.ClientID, 0, ticketing.AuditCriticalAnswered, outcome); err != nil {
		return false, err
	}
	cl := Classification{Kind: q.Kind, Priority: q.Priority, Confidence: q.Confidence, Cues: q.Cues}
	if outcome == ticketing.QuestionNo {
		t, err := b.fileTicket(ctx, tx, fx, o, cl)
		if err != nil {
			return false, err
		}
		if err := b.applyQuestionEdits(ctx, tx, fx, q); err != nil {
			return false, err
		}
		// The desk sees why an outage-like message is a ticket, not a call.
		return true, b.toTriage(ctx, tx, t, b.tell("triage.doubtful_partial", t.ID, clientText(strings.Join(cl.Cues, ", "))))
	}
	if outcome == ticketing.QuestionTimedOut {
		alert := b.tell("critical.timeout", o.client.Name, int(ticketing.CriticalQuestionTimeout.Minutes()))
		if err := b.alertDesk(ctx, tx, 0, alert); err != nil {
			return false, err
		}
	}
	cl.Kind, cl.Priority = ticketing.KindIncidenteCritico, ticketing.PriorityCritica
	return true, b.refuseCritical(ctx, tx, fx, o, cl, nil, q)
}

// handleCriticalButton answers a press of the question's buttons; only the
// question's own client channel (or staff) can answer it.
func (b *Bot) handleCriticalButton(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	idPart, outcome, _ := strings.Cut(in.ActionValue, ":")
	id, err := strconv.ParseInt(idPart, 10, 64)
	if err != nil || id <= 0 || (outcome != ticketing.QuestionYes && outcome != ticketing.QuestionNo) {
		b.log.Warn("critical question button with a bad value ignored", "value", in.ActionValue)
		return channels.Reply{}, nil
	}
	scope, inClient := b.dir.clientOfChannel(in.Channel)
	if !inClient {
		return channels.Reply{}, nil
	}
	reply := ""
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		reply = ""
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		q, err := tx.CriticalQuestion(ctx, scope.ID, id)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		done, err := b.settleCritical(ctx, tx, fx, q, outcome, in.UserID, in.MessageID)
		if err == nil && !done {
			reply = say(scope, "critical.question.already")
		}
		return err
	})
	if err != nil {
		return channels.Reply{}, err
	}
	if reply != "" {
		b.ephemeral(ctx, in, reply)
	}
	return channels.Reply{Text: reply}, nil
}

// answerCriticalChat reads a WhatsApp contact's reply to their open
// question; handled is false when they have none.
func (b *Bot) answerCriticalChat(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound) (bool, error) {
	q, err := tx.OpenCriticalQuestion(ctx, chatWith(in.UserID))
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	outcome, ok := yesNo(in.Text)
	if !ok {
		c, _ := b.dir.client(q.ClientID)
		return true, b.post(ctx, tx, 0, q.Where, say(c, "critical.question.again"))
	}
	_, err = b.settleCritical(ctx, tx, fx, q, outcome, in.UserID, "")
	return true, err
}

// yesNo reads "1", "2", "sí", "no" (and "1 sí", "no, es parcial"), and an
// English client's "yes".
func yesNo(text string) (string, bool) {
	first, _, _ := strings.Cut(fold(strings.TrimSpace(text)), " ")
	switch strings.Trim(first, ".,;:!)-") {
	case "1", "si", "yes":
		return ticketing.QuestionYes, true
	case "2", "no":
		return ticketing.QuestionNo, true
	}
	return "", false
}

// tickQuestions treats as critical every question unanswered for
// CriticalQuestionTimeout; each question settles in its own transaction,
// so one failing leaves the others to go.
func (b *Bot) tickQuestions(ctx context.Context) error {
	var due []*ticketing.CriticalQuestion
	if err := b.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		due, err = tx.DueCriticalQuestions(ctx, b.clock.Now().Add(-ticketing.CriticalQuestionTimeout))
		return err
	}); err != nil {
		return fmt.Errorf("due critical questions: %w", err)
	}
	var errs []error
	for _, q := range due {
		err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			_, err := b.settleCritical(ctx, tx, fx, q, ticketing.QuestionTimedOut, "", "")
			return err
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("critical question %d: %w", q.ID, err))
		}
	}
	return errors.Join(errs...)
}
