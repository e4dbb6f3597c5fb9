package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
)

// externalIDOf is the stored id of the message an inbound names.
func externalIDOf(in channels.Inbound) string {
	if in.Platform == channels.WhatsApp {
		return "whatsapp:" + in.MessageID
	}
	return slackExternalID(in.Channel, in.MessageID)
}

// handleEdit records a person's edit or deletion of a message they sent:
// the ticket keeps what was said (the old text as a revision, a deleted
// message marked, with an audit line), and an edit of a case's opening
// message before staff answered classifies the case again. Nothing is
// posted as if the case were new.
func (b *Bot) handleEdit(ctx context.Context, in channels.Inbound) error {
	return b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if first, err := firstTime(ctx, tx, in.EventID, in.At); !first || err != nil {
			return err
		}
		ext := externalIDOf(in)
		m, err := tx.MessageByExternalID(ctx, ext)
		if isNotFound(err) {
			return b.editPending(ctx, tx, in, ext)
		}
		if err != nil {
			return err
		}
		if m.AuthorID != in.UserID {
			b.log.Warn("edit of someone else's message ignored", "message", ext, "by", in.UserID)
			return nil
		}
		t, err := tx.Ticket(ctx, "", m.TicketID)
		if err != nil {
			return err
		}
		if in.Kind == channels.KindDelete {
			if err := tx.DeleteMessage(ctx, m.ID, in.At); err != nil {
				return err
			}
			return b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditMessageDeleted,
				fmt.Sprintf("%s deleted; its text is kept: %s", ext, subjectOf(m.Text)))
		}
		if in.Text == m.Text {
			return nil
		}
		if err := tx.EditMessage(ctx, m.ID, in.Text, in.At); err != nil {
			return err
		}
		if err := b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditMessageEdited,
			fmt.Sprintf("%s edited; was: %s", ext, subjectOf(m.Text))); err != nil {
			return err
		}
		if m.AuthorKind != ticketing.AuthorClient || t.Responded() || !m.At.Equal(t.ReceivedAt) || !t.Status.Open() {
			return nil
		}
		return b.reclassify(ctx, tx, fx, t, in)
	})
}

// reclassify reads a case again after its opening message was edited:
// a case now critical goes to the phone like any critical follow-up, and
// one of another kind or priority gets that kind's deadline, counted from
// when the case came in. While the client is asked its kind, their answer
// decides.
func (b *Bot) reclassify(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, in channels.Inbound) error {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return nil
	}
	o := origin{client: c, author: in.UserID, authorName: in.UserName, text: in.Text, at: in.At,
		where: t.ClientConversation(), desk: t.Desk}
	if err := b.criticalFollowUp(ctx, tx, fx, o, t, b.classifier.Classify(o.text)); err != nil {
		return err
	}
	ms, err := tx.Messages(ctx, t.ID)
	if err != nil {
		return err
	}
	var parts []string
	for _, m := range ms {
		if m.AuthorKind == ticketing.AuthorClient && m.DeletedAt.IsZero() && m.Text != "" {
			parts = append(parts, m.Text)
		}
	}
	cl := b.classifyCase(strings.Join(parts, "\n"), "")
	if t.AwaitingChoice || cl.NoCase || cl.Ask || cl.Kind == ticketing.KindIncidenteCritico {
		return nil
	}
	prio := cl.Priority
	if !cl.Kind.IsIncident() || prio == "" {
		prio = b.defaultPri
	}
	t.Subject = subjectOf(in.Text)
	if cl.Kind == t.Kind && prio == t.Priority {
		t.UpdatedAt = b.clock.Now()
		return tx.UpdateTicket(ctx, t)
	}
	detail := fmt.Sprintf("client edit: %s %s → %s %s", t.Kind, t.Priority, cl.Kind, prio)
	t.Kind, t.Priority, t.Confidence, t.Cues = cl.Kind, prio, cl.Confidence, cl.Cues
	_, err = b.redeadline(ctx, tx, t, in.UserID, ticketing.AuditKindChanged, detail)
	return err
}

// editPending applies an edit or deletion to a message still waiting in a
// burst (a greeting with no case yet): the case it joins gets the text as
// it is now.
func (b *Bot) editPending(ctx context.Context, tx ticketing.Tx, in channels.Inbound, ext string) error {
	where := ticketing.Conversation{Platform: in.Platform, Address: in.Channel}
	bu, err := tx.Burst(ctx, burstKey(where, in.UserID))
	if isNotFound(err) {
		b.log.Debug("edit of a message the bot did not keep ignored", "message", ext)
		return nil
	}
	if err != nil {
		return err
	}
	for i, m := range bu.Pending {
		if m.ExternalID != ext {
			continue
		}
		if in.Kind == channels.KindDelete {
			bu.Pending[i].DeletedAt = in.At
		} else if in.Text != m.Text {
			bu.Pending[i].Revisions = append(bu.Pending[i].Revisions, ticketing.MessageRevision{Text: m.Text, At: in.At})
			bu.Pending[i].Text, bu.Pending[i].EditedAt = in.Text, in.At
		}
		return tx.PutBurst(ctx, bu)
	}
	return nil
}
