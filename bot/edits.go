package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

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
		return b.applyEdit(ctx, tx, fx, in, b.clock.Now())
	})
}

// applyEdit applies one edit or deletion, received at received, to the
// message it names, wherever that message is: stored on a ticket, waiting
// in a burst, or not come yet (the edit is then held for it). Edits count
// in the order they were made: one older than the message's last edit is
// kept in its history and changes nothing else. The critical rule reads
// every text a client's message comes to have, once per message.
func (b *Bot) applyEdit(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound, received time.Time) error {
	ext := externalIDOf(in)
	m, err := tx.MessageByExternalID(ctx, ext)
	if isNotFound(err) {
		return b.editUnstored(ctx, tx, fx, in, ext, received)
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
		return b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditMessageDeleted, ext+" deleted; its text is kept")
	}
	if in.Text == m.Text {
		return nil
	}
	if err := tx.EditMessage(ctx, m.ID, in.Text, in.At); err != nil {
		return err
	}
	if in.At.Before(m.EditedAt) {
		return b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditMessageEdited, ext+" edited; an older edit, kept in its history")
	}
	if err := b.audit(ctx, tx, in.UserID, t.ClientID, t.ID, ticketing.AuditMessageEdited, ext+" edited"); err != nil {
		return err
	}
	if m.AuthorKind != ticketing.AuthorClient || !t.Status.Open() {
		return nil
	}
	cl := b.classifier.Classify(in.Text)
	critical := b.newlyCritical(m, cl)
	if !t.Responded() && m.At.Equal(t.ReceivedAt) {
		return b.reclassify(ctx, tx, fx, t, in, cl, critical)
	}
	if !critical {
		return nil
	}
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return nil
	}
	o := origin{client: c, author: in.UserID, authorName: in.UserName, text: in.Text, at: in.At,
		where: t.ClientConversation(), desk: t.Desk, externalID: ext}
	return b.criticalFollowUp(ctx, tx, fx, o, t, cl)
}

// newlyCritical reports whether an edit reading cl turns m into an outage:
// a message that read as one before (its text or any earlier version) was
// already sent to the phones or judged by staff, so once per message.
func (b *Bot) newlyCritical(m ticketing.Message, cl Classification) bool {
	if cl.Kind != ticketing.KindIncidenteCritico {
		return false
	}
	texts := []string{m.Text}
	for _, r := range m.Revisions {
		texts = append(texts, r.Text)
	}
	for _, s := range texts {
		if s != "" && b.classifier.Classify(s).Kind == ticketing.KindIncidenteCritico {
			return false
		}
	}
	return true
}

// reclassify reads a case again after its opening message was edited:
// a case now critical goes to the phone like any critical follow-up, and
// one of another kind or priority gets that kind's deadline, counted from
// when the case came in. While the client is asked its kind, their answer
// decides.
func (b *Bot) reclassify(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, in channels.Inbound, cl Classification, critical bool) error {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return nil
	}
	if critical {
		o := origin{client: c, author: in.UserID, authorName: in.UserName, text: in.Text, at: in.At,
			where: t.ClientConversation(), desk: t.Desk, externalID: externalIDOf(in)}
		if err := b.criticalFollowUp(ctx, tx, fx, o, t, cl); err != nil {
			return err
		}
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
	whole := b.classifyCase(strings.Join(parts, "\n"), "")
	if t.AwaitingChoice || whole.NoCase || whole.Ask || whole.Kind == ticketing.KindIncidenteCritico {
		return nil
	}
	prio := whole.Priority
	if !whole.Kind.IsIncident() || prio == "" {
		prio = b.defaultPri
	}
	t.Subject = subjectOf(in.Text)
	if whole.Kind == t.Kind && prio == t.Priority {
		t.UpdatedAt = b.clock.Now()
		return tx.UpdateTicket(ctx, t)
	}
	detail := fmt.Sprintf("client edit: %s %s → %s %s", t.Kind, t.Priority, whole.Kind, prio)
	t.Kind, t.Priority, t.Confidence, t.Cues = whole.Kind, prio, whole.Confidence, whole.Cues
	_, err = b.redeadline(ctx, tx, t, in.UserID, ticketing.AuditKindChanged, detail)
	return err
}

// editUnstored applies an edit of a message no ticket holds: one waiting
// in a burst (a greeting with no case yet) changes there, and the case it
// joins gets the text as it is now; an edit of a message not come yet is
// held for it (applyHeldEdits).
func (b *Bot) editUnstored(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound, ext string, received time.Time) error {
	where := ticketing.Conversation{Platform: in.Platform, Address: in.Channel}
	bu, err := tx.Burst(ctx, burstKey(where, in.UserID))
	if err != nil && !isNotFound(err) {
		return err
	}
	for i, m := range bu.Pending {
		if m.ExternalID != ext {
			continue
		}
		if in.Kind == channels.KindDelete {
			bu.Pending[i].DeletedAt = in.At
			return tx.PutBurst(ctx, bu)
		}
		if in.Text == m.Text {
			return nil
		}
		bu.Pending[i].ApplyEdit(in.Text, in.At)
		if err := tx.PutBurst(ctx, bu); err != nil {
			return err
		}
		if cl := b.classifier.Classify(in.Text); !in.At.Before(m.EditedAt) && b.newlyCritical(m, cl) {
			return b.burstTurnedCritical(ctx, tx, fx, bu, i, in, cl)
		}
		return nil
	}
	return b.holdEdit(ctx, tx, in, ext, received)
}

// holdEdit keeps an edit whose message has not come yet: after a restart
// Slack may redeliver a message after its edit. Only edits the bot could
// ever apply are kept: a client's, in a client channel or a chat.
func (b *Bot) holdEdit(ctx context.Context, tx ticketing.Tx, in channels.Inbound, ext string, received time.Time) error {
	if in.Platform == channels.Slack {
		if _, ok := b.dir.clientOfChannel(in.Channel); !ok || b.dir.isStaff(in.UserID) {
			b.log.Debug("edit of a message the bot did not keep ignored", "message", ext)
			return nil
		}
	}
	e := &ticketing.PendingEdit{ExternalID: ext, AuthorID: in.UserID, Text: in.Text, Deleted: in.Kind == channels.KindDelete, At: in.At, ReceivedAt: received}
	return tx.HoldEdit(ctx, e, b.clock.Now().Add(-ticketing.PendingEditTTL), ticketing.MaxPendingEdits)
}

// applyHeldEdits applies, in the order they were made, the edits held for
// the message in, once it has been routed: a question edited into an
// outage before its message came still reaches the phones.
func (b *Bot) applyHeldEdits(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound) error {
	if in.Kind != channels.KindMessage || in.MessageID == "" {
		return nil
	}
	held, err := tx.TakeEdits(ctx, externalIDOf(in))
	if err != nil {
		return err
	}
	for _, e := range held {
		edit := channels.Inbound{Platform: in.Platform, Kind: channels.KindEdit, MessageID: in.MessageID, Channel: in.Channel,
			ThreadTS: in.ThreadTS, UserID: e.AuthorID, UserName: in.UserName, Text: e.Text, At: e.At}
		if e.Deleted {
			edit.Kind = channels.KindDelete
		}
		if err := b.applyEdit(ctx, tx, fx, edit, e.ReceivedAt); err != nil {
			return err
		}
	}
	return nil
}

// updateMessage is update for an inbound message: the edits held for it
// are applied in the same transaction.
func (b *Bot) updateMessage(ctx context.Context, in channels.Inbound, fn func(tx ticketing.Tx, fx *effects) error) error {
	if in.Text != "" && !b.dir.isStaff(in.UserID) {
		// Read outside the write transaction; inside it is looked up.
		b.classifier.Classify(in.Text)
	}
	return b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if err := fn(tx, fx); err != nil {
			return err
		}
		return b.applyHeldEdits(ctx, tx, fx, in)
	})
}

// burstTurnedCritical handles a message waiting in a burst (a lone
// greeting) that its author edited into an outage: the case now reads as
// one, so the client is sent to the phones and the desk alerted, as for a
// new message, and the burst holds no case any more.
func (b *Bot) burstTurnedCritical(ctx context.Context, tx ticketing.Tx, fx *effects, bu ticketing.Burst, i int, in channels.Inbound, cl Classification) error {
	c, ok := b.dir.client(bu.ClientID)
	if !ok {
		return nil
	}
	m := bu.Pending[i]
	o := origin{client: c, author: m.AuthorID, authorName: in.UserName, text: m.Text, media: m.Media, files: m.Files,
		at: m.At, externalID: m.ExternalID}
	if in.Platform == channels.WhatsApp {
		o.where, o.desk = chatWith(m.AuthorID), onDesk(b.mirrorChannel(c), "")
	} else {
		o.where = onDesk(in.Channel, in.MessageID)
		o.desk = o.where
	}
	o.earlier = append(append([]ticketing.Message(nil), bu.Pending[:i]...), bu.Pending[i+1:]...)
	if err := b.refuseCritical(ctx, tx, fx, o, cl, nil, nil); err != nil {
		return err
	}
	return tx.DeleteBurst(ctx, bu.Key)
}

// applyQuestionEdits applies the edits held for a message that waited as
// a question (doubtful, or sent to the phones) and has just become a
// ticket: the ticket gets the text as the client left it.
func (b *Bot) applyQuestionEdits(ctx context.Context, tx ticketing.Tx, fx *effects, q *ticketing.CriticalQuestion) error {
	in := channels.Inbound{Platform: q.Where.Platform, Kind: channels.KindMessage, UserID: q.Author, UserName: q.AuthorName}
	if in.Platform == channels.WhatsApp {
		in.Channel, in.MessageID = q.Author, strings.TrimPrefix(q.ExternalID, "whatsapp:")
	} else {
		in.Channel, in.MessageID, _ = strings.Cut(strings.TrimPrefix(q.ExternalID, "slack:"), ":")
	}
	if in.MessageID == "" || externalIDOf(in) != q.ExternalID {
		return nil
	}
	return b.applyHeldEdits(ctx, tx, fx, in)
}
