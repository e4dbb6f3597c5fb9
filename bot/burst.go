package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
)

// DefaultGroupWindow is intake.group_window's default: a client's
// top-level messages closer together than this are one case.
const DefaultGroupWindow = 2 * time.Minute

// burstKey names one person in one conversation: a Slack client channel's
// member, a WhatsApp contact.
func burstKey(where ticketing.Conversation, author string) string {
	return string(where.Platform) + ":" + where.Address + ":" + author
}

// inWindow reports whether a message at at joins the burst.
func (b *Bot) inWindow(bu ticketing.Burst, at time.Time) bool {
	return !at.After(bu.LastAt.Add(b.window))
}

// classifyCase reads a case's text; a photo or voice note alone says
// nothing we can classify, and is a case all the same.
func (b *Bot) classifyCase(text, media string) Classification {
	if text == "" && media != "" {
		return Classification{Kind: ticketing.KindConsulta, Ask: true, Cues: []string{"media:" + media}}
	}
	return b.classifier.Classify(text)
}

// caseText is the whole case as the classifier reads it: the messages
// that opened nothing yet, then the new one.
func (o origin) caseText() string {
	if len(o.earlier) == 0 {
		return o.text
	}
	parts := make([]string, 0, len(o.earlier)+1)
	for _, m := range o.earlier {
		if m.Text != "" && m.DeletedAt.IsZero() {
			parts = append(parts, m.Text)
		}
	}
	if o.text != "" {
		parts = append(parts, o.text)
	}
	return strings.Join(parts, "\n")
}

// isThanks reports whether a follow-up only thanks or acknowledges.
func (b *Bot) isThanks(text string) bool {
	return text != "" && b.classifier.Classify(text).NoCase
}

// clientMessage is the record of what o says.
func clientMessage(o origin, ticketID int64) ticketing.Message {
	return ticketing.Message{TicketID: ticketID, ExternalID: o.externalID, AuthorID: o.author, AuthorKind: ticketing.AuthorClient,
		Channel: o.source(), Text: o.text, Media: o.media, Files: o.files, Quoted: o.quoted != "", At: o.at}
}

// newMessage routes a client's message that belongs to no ticket yet (a
// top-level post in their channel, a WhatsApp message with no open
// ticket). Messages of one burst make one case: a greeting waits for the
// problem, a detail joins the ticket the problem opened, thanks after a
// resolution are the client's reply on that ticket.
func (b *Bot) newMessage(ctx context.Context, tx ticketing.Tx, fx *effects, o origin) error {
	if o.client.Contract != ticketing.ContractActive {
		return b.intake(ctx, tx, fx, o)
	}
	key := burstKey(o.where.TopLevel(), o.author)
	bu, err := tx.Burst(ctx, key)
	if err != nil && !isNotFound(err) {
		return err
	}
	live := err == nil && b.inWindow(bu, o.at)
	cl := b.classifyCase(o.text, o.media)
	if live && bu.TicketID != 0 {
		t, err := tx.Ticket(ctx, o.client.ID, bu.TicketID)
		if err != nil && !isNotFound(err) {
			return err
		}
		if err == nil && t.Status.Open() {
			bu.LastAt = o.at
			if err := tx.PutBurst(ctx, bu); err != nil {
				return err
			}
			return b.joinCase(ctx, tx, fx, o, t, cl)
		}
		live = false
	}
	if live {
		o.earlier = bu.Pending
	}
	if len(o.earlier) > 0 {
		cl = b.classifyCase(o.caseText(), o.media)
	}
	if cl.NoCase {
		if len(o.earlier) == 0 {
			t, err := b.waitingCase(ctx, tx, o)
			if err != nil {
				return err
			}
			if t != nil {
				return b.clientThanked(ctx, tx, o, t)
			}
		}
		return tx.PutBurst(ctx, ticketing.Burst{Key: key, ClientID: o.client.ID, Where: o.where, LastAt: o.at,
			Pending: append(o.earlier, clientMessage(o, 0)), AnswerAt: o.at.Add(b.window)})
	}
	if err := b.intake(ctx, tx, fx, o); err != nil {
		return err
	}
	t, err := b.openedBy(ctx, tx, o)
	if isNotFound(err) {
		// Refused (contract, critical): no case for later messages to join.
		return tx.DeleteBurst(ctx, key)
	}
	if err != nil {
		return err
	}
	return tx.PutBurst(ctx, ticketing.Burst{Key: key, ClientID: o.client.ID, TicketID: t.ID, Where: o.where, LastAt: o.at})
}

// addEarlier stores a burst's pending messages on the ticket it opened,
// with the edits and deletions they had while they waited.
func (b *Bot) addEarlier(ctx context.Context, tx ticketing.Tx, ticketID int64, earlier []ticketing.Message) error {
	for _, m := range earlier {
		m.TicketID = ticketID
		revs, text := m.Revisions, m.Text
		if len(revs) > 0 {
			m.Text = revs[0].Text
		}
		if err := tx.AddMessage(ctx, &m); err != nil {
			if isDuplicate(err) {
				continue
			}
			return err
		}
		for i, r := range revs {
			next := text
			if i+1 < len(revs) {
				next = revs[i+1].Text
			}
			if err := tx.EditMessage(ctx, m.ID, next, r.At); err != nil {
				return err
			}
		}
		if !m.DeletedAt.IsZero() {
			if err := tx.DeleteMessage(ctx, m.ID, m.DeletedAt); err != nil {
				return err
			}
		}
	}
	return nil
}

// openedBy finds the ticket intake just opened for o.
func (b *Bot) openedBy(ctx context.Context, tx ticketing.Tx, o origin) (*ticketing.Ticket, error) {
	if o.apart() {
		return tx.OpenTicketByContact(ctx, o.author)
	}
	return tx.TicketByThread(ctx, o.desk.Address, o.desk.Thread)
}

// joinCase adds a later top-level message of a burst to the case it
// opened: it is a follow-up on the ticket, answered in the ticket's
// thread, and never a second "ticket opened".
func (b *Bot) joinCase(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, t *ticketing.Ticket, cl Classification) error {
	m := clientMessage(o, t.ID)
	if err := addMessage(ctx, tx, &m); err != nil {
		return err
	}
	o.where = t.ClientConversation()
	return b.followUp(ctx, tx, fx, o, t, cl)
}

// followUp is a client's later message on an open ticket, wherever it was
// written, read once: thanks to a ticket waiting on them settle the wait;
// anything else goes through the critical check and counts as the client
// writing. cl is o.text's reading.
func (b *Bot) followUp(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, t *ticketing.Ticket, cl Classification) error {
	thanks := o.text != "" && cl.NoCase
	if thanks && t.Status.WaitingOnClient() {
		return b.clientThanked(ctx, tx, o, t)
	}
	if err := b.criticalFollowUp(ctx, tx, fx, o, t, cl); err != nil {
		return err
	}
	return b.clientWrote(ctx, tx, t, o.author, o.at, !thanks)
}

// readFollowUp is followUp for a message not read yet.
func (b *Bot) readFollowUp(ctx context.Context, tx ticketing.Tx, fx *effects, o origin, t *ticketing.Ticket) error {
	var cl Classification
	if o.text != "" {
		cl = b.classifier.Classify(o.text)
	}
	return b.followUp(ctx, tx, fx, o, t, cl)
}

// waitingCase is the ticket a client's thanks answer: their conversation's
// latest one waiting on them (resolved, or asked for information). Nil
// when none waits.
func (b *Bot) waitingCase(ctx context.Context, tx ticketing.Tx, o origin) (*ticketing.Ticket, error) {
	if o.apart() {
		// A contact's open ticket takes their messages before they get here.
		return nil, nil
	}
	open, err := tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: o.client.ID, OnlyOpen: true})
	if err != nil {
		return nil, err
	}
	var found *ticketing.Ticket
	for _, t := range open {
		if !t.Status.WaitingOnClient() || t.ClientConversation().Address != o.where.Address {
			continue
		}
		if found == nil || t.WaitStart().After(found.WaitStart()) {
			found = t
		}
	}
	return found, nil
}

// clientThanked records thanks (or an "ok") on a ticket that waits on the
// client: it is their reply, so the quiet period before the auto-close
// notice starts again, and the ticket keeps waiting for their conformity.
func (b *Bot) clientThanked(ctx context.Context, tx ticketing.Tx, o origin, t *ticketing.Ticket) error {
	m := clientMessage(o, t.ID)
	if err := addMessage(ctx, tx, &m); err != nil {
		return err
	}
	t.LastClientMessageAt = o.at
	b.scheduleNext(t)
	t.UpdatedAt = b.clock.Now()
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return err
	}
	return b.audit(ctx, tx, o.author, t.ClientID, t.ID, ticketing.AuditClientReplied, "thanks: the auto-close notice starts again")
}

// burstBatch bounds one read of due bursts.
const burstBatch = 200

// tickBursts answers the bursts that stayed without a case past their
// window: one "¿En qué te podemos ayudar?" each. All it needs is in the
// store, so a restart loses nothing.
func (b *Bot) tickBursts(ctx context.Context) error {
	now := b.clock.Now()
	var due []ticketing.Burst
	if err := b.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		due, err = tx.DueBursts(ctx, now, burstBatch)
		return err
	}); err != nil {
		return fmt.Errorf("due bursts: %w", err)
	}
	var errs []error
	for _, d := range due {
		err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			bu, err := tx.Burst(ctx, d.Key)
			if isNotFound(err) {
				return nil
			}
			if err != nil {
				return err
			}
			if bu.AnswerAt.IsZero() || bu.AnswerAt.After(now) || bu.TicketID != 0 {
				return nil
			}
			// A lone greeting, thanks or "ok" gets this once the window
			// passes without a case.
			c, _ := b.dir.client(bu.ClientID)
			if err := b.post(ctx, tx, 0, bu.Where, say(c, "greeting.answer")); err != nil {
				return err
			}
			// The person's answer to the question still joins what they wrote.
			bu.AnswerAt, bu.LastAt = time.Time{}, now
			return tx.PutBurst(ctx, bu)
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("burst %s: %w", d.Key, err))
		}
	}
	return errors.Join(errs...)
}
