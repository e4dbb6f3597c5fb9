package bot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// slackMarkup is what a person's Slack text carries beyond words: user
// mentions and links (<https://…|label>).
var slackMarkup = regexp.MustCompile(`<@([A-Z0-9]+)>|<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>`)

// fromSlack turns what a member of staff wrote on Slack into the message
// model, to relay it to a client apart: their mentions stay mentions, links
// read "label (address)", and the rest is quoted as they wrote it.
func (b *Bot) fromSlack(s string) string {
	var out strings.Builder
	last := 0
	for _, m := range slackMarkup.FindAllStringSubmatchIndex(s, -1) {
		out.WriteString(clientText(s[last:m[0]]))
		last = m[1]
		if m[2] >= 0 {
			out.WriteString(b.named(s[m[2]:m[3]]))
			continue
		}
		url, label := s[m[4]:m[5]], ""
		if m[6] >= 0 {
			label = s[m[6]:m[7]]
		}
		if label == "" || label == url {
			out.WriteString(clientText(url))
		} else {
			out.WriteString(clientText(label + " (" + url + ")"))
		}
	}
	out.WriteString(clientText(s[last:]))
	return out.String()
}

func slackExternalID(channel, ts string) string { return "slack:" + channel + ":" + ts }

// handleSlackMessage routes a Slack message: a client's top-level message in
// its channel is a new case; a thread reply belongs to the thread's ticket.
func (b *Bot) handleSlackMessage(ctx context.Context, in channels.Inbound) error {
	if in.IsThreadReply() {
		if handled, err := b.cardReply(ctx, in); handled || err != nil {
			return err
		}
		return b.handleThreadReply(ctx, in)
	}
	c, ok := b.dir.clientOfChannel(in.Channel)
	if !ok {
		b.log.Debug("message outside client channels ignored", "channel", in.Channel, "user", in.UserID)
		return nil
	}
	if b.dir.isStaff(in.UserID) {
		b.log.Debug("staff top-level message in client channel ignored", "channel", in.Channel, "user", in.UserID)
		return nil
	}
	if in.Text == "" && in.Media == "" {
		return nil
	}
	return b.updateMessage(ctx, in, func(tx ticketing.Tx, fx *effects) error {
		if dup, err := b.seen(ctx, tx, fx, in); dup || err != nil {
			return err
		}
		// The client's message starts the thread the case lives in.
		thread := onDesk(in.Channel, in.MessageID)
		if err := b.newMessage(ctx, tx, fx, origin{
			client: c, author: in.UserID, authorName: in.UserName, text: in.Text, media: in.Media, files: in.Files,
			at: in.At, externalID: slackExternalID(in.Channel, in.MessageID), where: thread, desk: thread,
		}); err != nil {
			return err
		}
		return b.tellTruncated(ctx, tx, c, in, 0)
	})
}

// seen dedupes a Slack message by its event id and by its ts: a retry keeps
// the event id, while a message and its app_mention twin share the ts.
func (b *Bot) seen(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound) (bool, error) {
	for _, id := range []string{in.EventID, "msg:" + slackExternalID(in.Channel, in.MessageID)} {
		first, err := firstTime(ctx, tx, id, in.At)
		if err != nil {
			return false, err
		}
		if !first {
			fx.Then(func() { b.observer.Duplicate(in.Platform) })
			return true, nil
		}
	}
	return false, nil
}

func (b *Bot) handleThreadReply(ctx context.Context, in channels.Inbound) error {
	return b.updateMessage(ctx, in, func(tx ticketing.Tx, fx *effects) error {
		t, err := b.ticketOfThread(ctx, tx, in.Channel, in.ThreadTS)
		if isNotFound(err) {
			b.log.Debug("reply in a thread without ticket ignored", "channel", in.Channel, "thread", in.ThreadTS)
			return nil
		}
		if err != nil {
			return err
		}
		// A ticket's thread lives in its client's channel or the internal
		// mirror channel; anything else would cross clients.
		if c, ok := b.dir.clientOfChannel(in.Channel); ok && c.ID != t.ClientID {
			b.log.Warn("thread reply crossing clients refused", "channel", in.Channel, "ticket", t.ID)
			return nil
		}
		if dup, err := b.seen(ctx, tx, fx, in); dup || err != nil {
			return err
		}
		msg := &ticketing.Message{TicketID: t.ID, ExternalID: slackExternalID(in.Channel, in.MessageID), AuthorID: in.UserID,
			Channel: ticketing.SourceSlack, Text: in.Text, Media: in.Media, Files: in.Files, At: in.At}
		if b.dir.isStaff(in.UserID) {
			msg.AuthorKind = ticketing.AuthorStaff
			if err := addMessage(ctx, tx, msg); err != nil {
				return err
			}
			text := in.Text
			if t.ClientApart() {
				if tx, err = answeringLatest(ctx, tx, t); err != nil {
					return err
				}
			}
			if t.ClientApart() && len(in.Files) > 0 {
				caption := ""
				if text != "" {
					caption = b.staffLine(t, in.UserID, text)
				}
				carried, err := b.relayToContact(ctx, tx, t, in.Files, caption)
				if err != nil {
					return err
				}
				if carried {
					text = ""
				}
			}
			return b.staffAnswered(ctx, tx, fx, t, in.UserID, text, in.At, true)
		}
		c, ok := b.dir.clientOfChannel(in.Channel)
		if !ok {
			b.log.Debug("non-staff reply in an internal channel ignored", "channel", in.Channel, "user", in.UserID)
			return nil
		}
		msg.AuthorKind = ticketing.AuthorClient
		if err := addMessage(ctx, tx, msg); err != nil {
			return err
		}
		if t.Status == ticketing.StatusCerrado {
			if took, err := b.csatCommentInThread(ctx, tx, c, t, in.UserID, externalIDOf(in), in.Text); took || err != nil {
				return err
			}
		}
		thread := onDesk(in.Channel, in.ThreadTS)
		o := origin{client: c, author: in.UserID, authorName: in.UserName, text: in.Text, at: in.At, where: thread, desk: thread,
			externalID: msg.ExternalID}
		if err := b.readFollowUp(ctx, tx, fx, o, t); err != nil {
			return err
		}
		return b.tellTruncated(ctx, tx, c, in, t.ID)
	})
}

// ticketOfThread finds the ticket of a thread: the one the thread's root
// opened, or the one a later top-level message of the same burst joined.
func (b *Bot) ticketOfThread(ctx context.Context, tx ticketing.Tx, channel, threadTS string) (*ticketing.Ticket, error) {
	t, err := tx.TicketByThread(ctx, channel, threadTS)
	if !isNotFound(err) {
		return t, err
	}
	m, merr := tx.MessageByExternalID(ctx, slackExternalID(channel, threadTS))
	if merr != nil {
		return nil, err
	}
	return tx.Ticket(ctx, "", m.TicketID)
}

func addMessage(ctx context.Context, tx ticketing.Tx, m *ticketing.Message) error {
	if err := tx.AddMessage(ctx, m); err != nil && !isDuplicate(err) {
		return err
	}
	return nil
}

// staffAnswered records a staff answer to the client: the first one is the
// ticket's first response (met or missed), and a WhatsApp ticket's contact
// (a client who talks apart) gets it relayed when relay is set.
func (b *Bot) staffAnswered(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, staffID, text string, at time.Time, relay bool) error {
	if relay && t.ClientApart() && text != "" {
		if err := b.post(ctx, tx, t.ID, t.Client, b.staffLine(t, staffID, text)); err != nil {
			return err
		}
	}
	if !t.Responded() {
		t.FirstResponseAt, t.FirstResponder = at, staffID
		if t.Assignee == "" {
			t.Assignee = staffID
		}
		if t.Status == ticketing.StatusNuevo {
			t.Status = ticketing.StatusEnCurso
		}
		met := "met"
		if !t.SLAMet() {
			met = "missed"
		}
		if err := b.audit(ctx, tx, staffID, t.ClientID, t.ID, ticketing.AuditFirstResponse, fmt.Sprintf("sla %s, due %s", met, t.DueAt.UTC().Format("2006-01-02T15:04Z"))); err != nil {
			return err
		}
		after := at.Sub(t.ReceivedAt)
		snapshot := *t
		fx.Then(func() { b.observer.FirstResponse(&snapshot, after) })
		b.scheduleNext(t)
	} else if t.AwaitingAnswer() {
		if err := b.answerAwaiting(ctx, tx, t, staffID, at); err != nil {
			return err
		}
		b.scheduleNext(t)
	}
	t.UpdatedAt = b.clock.Now()
	return tx.UpdateTicket(ctx, t)
}

// clientWrote records a client's follow-up: it cancels a pending auto-close,
// puts a resolved ticket back in progress and, when the message waits for
// an answer (anything but thanks alone), starts the next-response clock.
func (b *Bot) clientWrote(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, author string, at time.Time, awaitsAnswer bool) error {
	t.LastClientMessageAt = at
	switch t.Status {
	case ticketing.StatusResuelto, ticketing.StatusEsperandoCliente:
		if err := b.audit(ctx, tx, author, t.ClientID, t.ID, ticketing.AuditClientReplied, "auto-close cancelled; back in progress"); err != nil {
			return err
		}
		t.Status = ticketing.StatusEnCurso
		t.ResolvedAt = zeroTime
	case ticketing.StatusCerrado:
		if err := b.toThread(ctx, tx, t, say(b.clientOf(t), "closed.write_new", t.ID)); err != nil {
			return err
		}
	}
	// "Gracias", "ok" or a greeting alone wait for no answer.
	if awaitsAnswer {
		if err := b.awaitAnswer(ctx, tx, t, at); err != nil {
			return err
		}
	}
	b.scheduleNext(t)
	t.UpdatedAt = b.clock.Now()
	return tx.UpdateTicket(ctx, t)
}

// staffLine is a staff answer as the contact reads it, in their language.
func (b *Bot) staffLine(t *ticketing.Ticket, staffID, text string) string {
	return say(b.clientOf(t), "relay.staff", b.dir.staffName(staffID), b.fromSlack(text))
}
