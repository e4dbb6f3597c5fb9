package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// actionCSAT is the id of the 1–5 buttons; the value is "ticket:rating".
const actionCSAT = "ticket_csat"

const (
	// csatAnswerWindow is how long a bare number in a chat still answers
	// the question: past it, a "3" is just a message again.
	csatAnswerWindow = 24 * time.Hour
	// csatCommentWindow is how long after the rating the client's next
	// message is the comment rather than a new case.
	csatCommentWindow = 30 * time.Minute
)

// askCSAT asks a ticket's client, once, to rate the help: buttons in a
// Slack thread, a question answered with a number in a chat.
func (b *Bot) askCSAT(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) error {
	if !b.csat {
		return nil
	}
	now := b.clock.Now()
	q := &ticketing.CSAT{TicketID: t.ID, ClientID: t.ClientID, Where: t.ClientConversation(), AskedAt: now}
	if t.ClientApart() {
		q.OpenUntil = now.Add(csatAnswerWindow)
	}
	err := tx.AskCSAT(ctx, q)
	if isDuplicate(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if t.ClientApart() {
		err = b.toTicket(ctx, tx, t, csatQuestionChat(b.clientOf(t), t))
	} else {
		err = b.toThread(ctx, tx, t, csatQuestionText(b.clientOf(t), t), csatButtons(t)...)
	}
	if err != nil {
		return err
	}
	return b.audit(ctx, tx, "supportbot", t.ClientID, t.ID, ticketing.AuditCSATAsked, string(q.Where.Platform))
}

// AskCSATOnAutoClose asks for the rating of a ticket the scheduler closed,
// inside the scheduler's transaction, when csat.on_autoclose is set.
func (b *Bot) AskCSATOnAutoClose(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) error {
	if !b.csatOnAutoClose {
		return nil
	}
	return b.askCSAT(ctx, tx, t)
}

func csatButtons(t *ticketing.Ticket) []ticketing.Button {
	out := make([]ticketing.Button, 0, ticketing.CSATMax)
	for r := ticketing.CSATMin; r <= ticketing.CSATMax; r++ {
		out = append(out, ticketing.Button{ActionID: actionCSAT, Label: csatButtonLabel(r), Value: fmt.Sprintf("%d:%d", t.ID, r)})
	}
	return out
}

// handleCSATButton records a rating pressed in a ticket's thread. Only
// the ticket's client, in its own channel, may rate: staff and other
// clients' users get a polite no.
func (b *Bot) handleCSATButton(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	idPart, ratingPart, _ := strings.Cut(in.ActionValue, ":")
	n, err1 := strconv.ParseInt(idPart, 10, 64)
	rating, err2 := strconv.Atoi(ratingPart)
	if err1 != nil || err2 != nil || n <= 0 || !ticketing.ValidRating(rating) {
		b.log.Warn("csat button with a bad value ignored", "value", in.ActionValue)
		return channels.Reply{}, nil
	}
	var reply string
	err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		if first, err := firstTime(ctx, tx, in.EventID, in.At); err != nil || !first {
			return err
		}
		t, err := tx.Ticket(ctx, "", n)
		if isNotFound(err) {
			reply = csatNotYoursText(b.presserLang(in))
			return nil
		}
		if err != nil {
			return err
		}
		c, inClient := b.dir.clientOfChannel(in.Channel)
		if b.dir.isStaff(in.UserID) || !inClient || c.ID != t.ClientID {
			reply = csatNotYoursText(b.presserLang(in))
			b.log.Info("csat button refused: not the ticket's client", "ticket", t.ID, "user", in.UserID, "channel", in.Channel)
			return nil
		}
		ok, err := b.rate(ctx, tx, t, in.UserID, rating)
		if err != nil || !ok {
			reply = csatAlreadyText(b.clientOf(t), t)
			return err
		}
		if in.MessageID != "" {
			// The answered question loses its buttons.
			return b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(in.Channel, ""), Mode: ticketing.ModeUpdate, EditRef: in.MessageID,
				TicketID: t.ID, Text: csatRatedText(b.clientOf(t), t, rating)})
		}
		return b.toThread(ctx, tx, t, csatRatedText(b.clientOf(t), t, rating))
	})
	if err != nil {
		return channels.Reply{}, err
	}
	if reply != "" {
		b.ephemeral(ctx, in, reply)
	}
	return channels.Reply{Text: reply}, nil
}

// rate records a rating and tells the focal point; false means the ticket
// was rated already and nothing changed.
func (b *Bot) rate(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, by string, rating int) (bool, error) {
	now := b.clock.Now()
	ok, err := tx.RateCSAT(ctx, t.ID, rating, by, now, now.Add(csatCommentWindow))
	if err != nil || !ok {
		return false, err
	}
	c, known := b.dir.client(t.ClientID)
	if known {
		if err := b.tellFocal(ctx, tx, c, t, b.csatRatedNotice(c, t, rating)); err != nil {
			return false, err
		}
	}
	return true, b.audit(ctx, tx, by, t.ClientID, t.ID, ticketing.AuditCSATRated, fmt.Sprintf("rating=%d", rating))
}

// tellFocal shows the client's answer to the focal point: a direct
// message, and a note in the card's thread, on the desk's side (the
// client's thread, or a mirror in the client's channel, is theirs).
func (b *Bot) tellFocal(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, text string) error {
	if err := b.toTriage(ctx, tx, t, text); err != nil {
		return err
	}
	return b.dm(ctx, tx, t.ID, c.FocalPoint, text)
}

// comment stores a client's comment on their rating; false means none
// was awaited.
func (b *Bot) comment(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, author, msgID, text string) (bool, error) {
	ok, err := tx.CommentCSAT(ctx, t.ID, text, b.clock.Now())
	if err != nil || !ok {
		return false, err
	}
	if err := b.post(ctx, tx, t.ID, t.ClientConversation(), csatCommentThanksText(c)); err != nil {
		return false, err
	}
	if err := b.tellFocal(ctx, tx, c, t, b.csatCommentNotice(c, t, text)); err != nil {
		return false, err
	}
	return true, b.audit(ctx, tx, author, t.ClientID, t.ID, ticketing.AuditCSATCommented, auditDetail(t.ClientConversation().Platform, msgID, nil))
}

// csatFromChat takes a contact's message that answers the question in
// their chat: a bare 1–5 is the rating, and the next message after it the
// comment. Anything else ends the question and is routed as usual; a
// greeting or thanks leaves it open. A digit answers the kind menu of an
// open ticket, never the question.
func (b *Bot) csatFromChat(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, in channels.Inbound) (bool, error) {
	phone := in.UserID
	q, err := tx.PendingCSAT(ctx, chatWith(phone), b.clock.Now())
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	open, err := tx.OpenTicketByContact(ctx, phone)
	if err != nil && !isNotFound(err) {
		return false, err
	}
	hasOpen := err == nil
	t, err := tx.Ticket(ctx, c.ID, q.TicketID)
	if isNotFound(err) {
		// The number now writes for another client: not theirs to rate.
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !q.Rated() {
		rating, isRating := parseRating(in.Text)
		switch {
		case isRating && !(hasOpen && open.AwaitingChoice):
			if err := b.keepOnTicket(ctx, tx, t, in); err != nil {
				return false, err
			}
			ok, err := b.rate(ctx, tx, t, phone, rating)
			if err != nil {
				return false, err
			}
			text := csatRatedChat(b.clientOf(t), rating)
			if !ok {
				text = csatAlreadyText(b.clientOf(t), t)
			}
			return true, b.post(ctx, tx, t.ID, chatWith(phone), text)
		case b.isThanks(in.Text):
			return false, nil
		}
		return false, tx.EndCSATPrompt(ctx, t.ID, b.clock.Now())
	}
	switch {
	case hasOpen || in.Text == "":
		return false, tx.EndCSATPrompt(ctx, t.ID, b.clock.Now())
	case b.isThanks(in.Text):
		// Thanks after the rating are a reply on the ticket, not a case.
		return true, b.keepOnTicket(ctx, tx, t, in)
	case b.classifier.Classify(in.Text).Kind == ticketing.KindIncidenteCritico:
		return false, tx.EndCSATPrompt(ctx, t.ID, b.clock.Now())
	}
	if err := b.keepOnTicket(ctx, tx, t, in); err != nil {
		return false, err
	}
	return b.comment(ctx, tx, c, t, phone, externalIDOf(in), in.Text)
}

// keepOnTicket records a contact's answer on the closed ticket it is about.
func (b *Bot) keepOnTicket(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, in channels.Inbound) error {
	return addMessage(ctx, tx, &ticketing.Message{TicketID: t.ID, ExternalID: "whatsapp:" + in.MessageID, AuthorID: in.UserID,
		AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceWhatsApp, Text: in.Text, At: in.At})
}

// csatCommentInThread takes a Slack client's message in a closed ticket's
// thread as the comment on their rating while its window is open (the
// message is already on the ticket). Thanks are kept without a reply.
func (b *Bot) csatCommentInThread(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, author, msgID, text string) (bool, error) {
	q, err := tx.CSAT(ctx, t.ID)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !q.Rated() || !q.CommentUntil.After(b.clock.Now()) || text == "" {
		return false, nil
	}
	switch {
	case b.isThanks(text):
		return true, nil
	case b.classifier.Classify(text).Kind == ticketing.KindIncidenteCritico:
		return false, nil
	}
	return b.comment(ctx, tx, c, t, author, msgID, text)
}

// csatWords may follow the number of a rating, in any of the clients'
// languages: "4 estrellas", "5/5", "4 de 5", "4 stars", "5 out of 5".
var csatWords = map[string]bool{"estrella": true, "estrellas": true, "punto": true, "puntos": true, "de": true, "sobre": true, "5": true,
	"star": true, "stars": true, "point": true, "points": true, "out": true, "of": true}

// parseRating reads a chat answer that is just a rating: "5", "5!", " 4 ",
// "4 estrellas", "4/5". A number in a sentence is not one.
func parseRating(text string) (int, bool) {
	s := strings.TrimSpace(fold(text))
	if s == "" {
		return 0, false
	}
	r := rune(s[0])
	if r < '1' || r > '5' {
		return 0, false
	}
	n := int(r - '0')
	rest := s[1:]
	if rest != "" && unicode.IsDigit(rune(rest[0])) {
		return 0, false
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		if !csatWords[w] {
			return 0, false
		}
	}
	return n, true
}

// presserLang is the language of whoever pressed a button: their client's
// when they pressed it in a client's channel, the desk's otherwise.
func (b *Bot) presserLang(in channels.Inbound) wording.Language {
	if c, ok := b.dir.clientOfChannel(in.Channel); ok && !b.dir.isStaff(in.UserID) {
		return langOf(c)
	}
	return b.deskLang
}
