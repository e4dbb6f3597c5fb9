package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/knowledge"
	"supportbot/ticketing"
)

// knowledgeReaction is 📖 (:book:): staff reacting with it on a staff
// answer in a ticket's thread save that answer as a known fix.
const knowledgeReaction = "book"

// cmdSaveKnowledge is `/soporte guardar #N [título]`: a resolved ticket's
// last staff answer becomes a staff-only desk article.
func (b *Bot) cmdSaveKnowledge(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	return b.withTicket(ctx, cmd, "guardar #N [título]", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		if t.Status != ticketing.StatusResuelto && t.Status != ticketing.StatusCerrado {
			return "", b.staffErr("knowledge.save.not_resolved", t.ID, statusLabel(b.deskLang, t.Status))
		}
		msgs, err := tx.Messages(ctx, t.ID)
		if err != nil {
			return "", err
		}
		var answer *ticketing.Message
		for i := range msgs {
			m := &msgs[i]
			if m.AuthorKind == ticketing.AuthorStaff && strings.TrimSpace(m.Text) != "" && m.DeletedAt.IsZero() {
				answer = m
			}
		}
		if answer == nil {
			return "", b.staffErr("knowledge.save.no_answer", t.ID)
		}
		return b.saveKnowledge(ctx, tx, t, fmt.Sprintf("ticket:%d", t.ID), strings.Join(cmd.args[1:], " "), *answer, me)
	})
}

// saveKnowledge stores a ticket's question and one staff answer as a desk
// article, once per source, and tells staff its id.
func (b *Bot) saveKnowledge(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, source, title string, answer ticketing.Message, me string) (string, error) {
	question, asker, err := clientQuestion(ctx, tx, t)
	if err != nil {
		return "", err
	}
	if title = strings.TrimSpace(title); title == "" {
		title = subjectOf(question)
	}
	if title == "" {
		title = subjectOf(answer.Text)
	}
	now := b.clock.Now()
	a := &ticketing.DeskArticle{Source: source, TicketID: t.ID, ClientID: t.ClientID, Title: title, Question: question, Asker: asker,
		Answer: answer.Text, Author: answer.AuthorID, Lang: articleLang(langOf(b.clientOf(t))), SavedBy: me, CreatedAt: now}
	err = tx.SaveDeskArticle(ctx, a)
	if isDuplicate(err) {
		have, err := tx.DeskArticleBySource(ctx, source)
		if err != nil {
			return "", err
		}
		return b.tell("knowledge.saved.already", DeskArticleID(have.ID)), nil
	}
	if err != nil {
		return "", err
	}
	id := DeskArticleID(a.ID)
	if err := b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditKnowledgeSaved, id+" "+subjectOf(title)); err != nil {
		return "", err
	}
	return b.tell("knowledge.saved", id, id), nil
}

// cmdPublishKnowledge is `/soporte publicar ID`: a desk article starts
// being suggested to clients.
func (b *Bot) cmdPublishKnowledge(ctx context.Context, cmd command) (string, error) {
	if len(cmd.args) != 1 {
		return "", b.staffErr("knowledge.publish.usage")
	}
	arg := strings.TrimPrefix(strings.TrimPrefix(cmd.args[0], "#"), knowledge.DeskPrefix)
	n, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || n <= 0 {
		return "", b.staffErr("knowledge.publish.usage")
	}
	id := DeskArticleID(n)
	err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if err := tx.PublishDeskArticle(ctx, n, b.clock.Now()); err != nil {
			if isNotFound(err) {
				return b.staffErr("knowledge.not_found", id)
			}
			return err
		}
		a, err := tx.DeskArticle(ctx, n)
		if err != nil {
			return err
		}
		return b.audit(ctx, tx, cmd.in.UserID, a.ClientID, a.TicketID, ticketing.AuditKnowledgePublished, id)
	})
	if err != nil {
		return "", err
	}
	return b.tell("knowledge.published", id), nil
}

// saveFromReaction is 📖 by staff on a staff answer stored on a ticket of
// the channel's client: the answer becomes a desk article, and the
// reacting person is told its id by DM. Anything else is ignored.
func (b *Bot) saveFromReaction(ctx context.Context, in channels.Inbound) error {
	if !b.dir.isStaff(in.UserID) || in.ThreadTS == "" {
		return nil
	}
	return b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		m, err := tx.MessageByExternalID(ctx, slackExternalID(in.Channel, in.ThreadTS))
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if m.AuthorKind != ticketing.AuthorStaff || strings.TrimSpace(m.Text) == "" {
			return nil
		}
		t, err := tx.Ticket(ctx, "", m.TicketID)
		if err != nil {
			return err
		}
		// The message is in this channel by its id; a channel of another
		// client would mean a forged event.
		if c, ok := b.dir.clientOfChannel(in.Channel); ok && c.ID != t.ClientID {
			return nil
		}
		reply, err := b.saveKnowledge(ctx, tx, t, "message:"+in.Channel+":"+in.ThreadTS, "", m, in.UserID)
		if err != nil {
			return err
		}
		return b.dm(ctx, tx, t.ID, in.UserID, reply)
	})
}
