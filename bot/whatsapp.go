package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// handleWhatsApp routes a message from a WhatsApp number: only approved
// contacts reach tickets, and only their own client's.
func (b *Bot) handleWhatsApp(ctx context.Context, in channels.Inbound) error {
	phone := in.UserID
	return b.updateMessage(ctx, in, func(tx ticketing.Tx, fx *effects) error {
		tx = answeringInbound(tx, in)
		contact, err := tx.Contact(ctx, phone)
		if err != nil && !isNotFound(err) {
			return err
		}
		c, known := b.dir.client(contact.ClientID)
		if err != nil || !contact.Active() || !known {
			return b.refuseUnknown(ctx, tx, phone, in.At)
		}
		if dup, err := b.seenWhatsApp(ctx, tx, fx, in); dup || err != nil {
			return err
		}
		if handled, err := b.whatsAppCommand(ctx, tx, c, phone, in.Text); handled || err != nil {
			return err
		}
		if handled, err := b.impactFromChat(ctx, tx, fx, c, in); handled || err != nil {
			return err
		}
		if handled, err := b.csatFromChat(ctx, tx, c, in); handled || err != nil {
			return err
		}
		t, err := tx.OpenTicketByContact(ctx, phone)
		if isNotFound(err) {
			if asked, err := b.answerCriticalChat(ctx, tx, fx, in); asked || err != nil {
				return err
			}
			name := in.UserName
			if name == "" {
				name = contact.Name
			}
			if err := b.newMessage(ctx, tx, fx, origin{
				client: c, author: phone, authorName: name, text: in.Text, media: in.Media, files: in.Files, quoted: in.Quote,
				at: in.At, externalID: "whatsapp:" + in.MessageID, where: chatWith(phone), desk: onDesk(b.mirrorChannel(c), ""),
			}); err != nil {
				return err
			}
			return b.tellTruncated(ctx, tx, c, in, 0)
		}
		if err != nil {
			return err
		}
		if err := b.continueWhatsApp(ctx, tx, fx, c, t, in); err != nil {
			return err
		}
		return b.tellTruncated(ctx, tx, c, in, t.ID)
	})
}

func (b *Bot) seenWhatsApp(ctx context.Context, tx ticketing.Tx, fx *effects, in channels.Inbound) (bool, error) {
	first, err := firstTime(ctx, tx, "whatsapp:"+in.MessageID, in.At)
	if err != nil || first {
		return false, err
	}
	fx.Then(func() { b.observer.Duplicate(channels.WhatsApp) })
	return true, nil
}

// chatWith is a contact's WhatsApp chat.
func chatWith(phone string) ticketing.Conversation {
	return ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone}
}

func (b *Bot) mirrorChannel(c *ticketing.Client) string {
	if b.mirror != "" {
		return b.mirror
	}
	return c.Channel
}

// refuseUnknown answers a number that was never invited (or was revoked) at
// most once a day, and stores nothing but that audit line.
func (b *Bot) refuseUnknown(ctx context.Context, tx ticketing.Tx, phone string, at time.Time) error {
	now := b.clock.Now()
	first, err := tx.AnswerUnknown(ctx, phone, now, now.Add(-24*time.Hour))
	if err != nil || !first {
		return err
	}
	// Nobody knows whose this number is: its country code says what it
	// most likely reads.
	l := ticketing.PhoneLanguage(phone)
	text := l.Say("unknown.number", b.phonesText(l))
	if err := b.post(ctx, tx, 0, chatWith(phone), text); err != nil {
		return err
	}
	return b.audit(ctx, tx, phone, "", 0, ticketing.AuditUnknownContact, phone)
}

// mirrorRoot starts the ticket's thread in Slack with the contact's message;
// staff answer there and the bot relays to WhatsApp.
func (b *Bot) mirrorRoot(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, o origin) error {
	if t.Desk.IsZero() {
		return nil
	}
	who := clientText(o.author)
	if o.authorName != "" {
		who = fmt.Sprintf("%s (%s)", clientText(o.authorName), clientText(o.author))
	}
	// The whole case: a greeting that came first is part of it.
	body := quote(o.caseText())
	if o.caseText() == "" {
		body = "_(" + o.media + ")_"
	}
	body = b.quotedLine(b.mirrorLang(t), o.quoted) + body
	l := b.mirrorLang(t)
	text := l.Say("mirror.root", who, c.Name, body, t.ID, kindPriority(l, t), l.When(t.DueAt, b.clock.Now(), c.Location), zoneIn(l, c), mention(c.FocalPoint))
	if err := b.enqueue(ctx, tx, ticketing.OutboxItem{To: t.Desk.TopLevel(), Mode: ticketing.ModePost, Text: text,
		TicketID: t.ID, SetsThread: true}); err != nil {
		return err
	}
	// The files of a greeting that came first go along too.
	var files []ticketing.Attachment
	for _, m := range o.earlier {
		files = append(files, m.Files...)
	}
	_, err := b.relayToDesk(ctx, tx, t, append(files, o.files...), "")
	return err
}

// continueWhatsApp adds a contact's message to its open ticket.
func (b *Bot) continueWhatsApp(ctx context.Context, tx ticketing.Tx, fx *effects, c *ticketing.Client, t *ticketing.Ticket, in channels.Inbound) error {
	if err := addMessage(ctx, tx, &ticketing.Message{TicketID: t.ID, ExternalID: "whatsapp:" + in.MessageID, AuthorID: in.UserID,
		AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceWhatsApp, Text: in.Text, Media: in.Media, Files: in.Files, Quoted: in.Quote != "",
		At: in.At}); err != nil {
		return err
	}
	if t.AwaitingChoice {
		if k, ok := menuChoice(in.Text); ok {
			_, err := b.applyChoice(ctx, tx, fx, t, in.UserID, k, "")
			return err
		}
	}
	body := clientText(in.Text)
	if body == "" {
		body = "_(" + in.Media + ")_"
	}
	if in.Quote != "" {
		body = "\n" + b.quotedLine(b.mirrorLang(t), in.Quote) + body
	}
	line := fmt.Sprintf("📱 *%s*: %s", clientText(nameOr(in.UserName, in.UserID)), body)
	carried, err := b.relayToDesk(ctx, tx, t, in.Files, line)
	if err != nil {
		return err
	}
	if !carried {
		if err := b.toThread(ctx, tx, t, line); err != nil {
			return err
		}
	}
	// What staff can see or hear needs no retyping; a location or a
	// contact card gets the request for words.
	if in.Text == "" && in.Media != "" && len(in.Files) == 0 {
		if err := b.post(ctx, tx, t.ID, t.Client, mediaText(c, in.Media, t)); err != nil {
			return err
		}
	}
	o := origin{client: c, author: in.UserID, authorName: in.UserName, text: in.Text, where: t.Client, desk: t.Desk,
		at: in.At, externalID: "whatsapp:" + in.MessageID}
	return b.readFollowUp(ctx, tx, fx, o, t)
}

// quotedLine shows, above a message, the earlier one it quotes.
func (b *Bot) quotedLine(l wording.Language, q string) string {
	if q == "" {
		return ""
	}
	return l.Say("mirror.in_reply") + "\n" + quote(q) + "\n"
}

// mirrorLang is what a WhatsApp ticket's mirror reads: the client's own
// language when the mirror is in the client's channel, where the client's
// people read it too; desk.language in an internal mirror channel.
func (b *Bot) mirrorLang(t *ticketing.Ticket) wording.Language {
	if c, ok := b.dir.client(t.ClientID); ok && c.Channel != "" && t.Desk.Address == c.Channel {
		return langOf(c)
	}
	return b.deskLang
}

func nameOr(name, fallback string) string {
	if name != "" {
		return name
	}
	return fallback
}

// menuChoice reads the WhatsApp numbered menu ("2", "2 incidente", "incidente").
func menuChoice(text string) (ticketing.Kind, bool) {
	t := fold(strings.TrimSpace(text))
	first, _, _ := strings.Cut(t, " ")
	if n, err := strconv.Atoi(strings.Trim(first, ".)-")); err == nil && n >= 1 && n <= len(menuKinds) {
		return menuKinds[n-1], true
	}
	for _, k := range menuKinds {
		if t == string(k) || t == fold(k.Label()) {
			return k, true
		}
	}
	return "", false
}

// whatsAppCommand answers "estado", "ayuda" and "conforme N" sent on WhatsApp.
func (b *Bot) whatsAppCommand(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, phone, text string) (bool, error) {
	fields := strings.Fields(fold(strings.TrimSpace(text)))
	if len(fields) == 0 || len(fields) > 2 {
		return false, nil
	}
	switch fields[0] {
	case "estado":
		list, err := b.listTicketsFor(ctx, tx, c.ID, langOf(c), false)
		if err != nil {
			return true, err
		}
		return true, b.post(ctx, tx, 0, chatWith(phone), list)
	case "ayuda":
		return true, b.post(ctx, tx, 0, chatWith(phone), b.whatsAppWelcome(c))
	case "resuelto", "solved":
		if len(fields) == 1 {
			return b.whatsAppSolved(ctx, tx, c, phone)
		}
	case "conforme":
		n, err := ticketNumber(langOf(c), fields[1:], "conforme N")
		if err != nil {
			return true, b.post(ctx, tx, 0, chatWith(phone), say(c, "whatsapp.conforme"))
		}
		t, err := b.loadTicket(ctx, tx, c, n)
		if err != nil {
			return true, b.post(ctx, tx, 0, chatWith(phone), say(c, "ticket.not_found", n))
		}
		_, err = b.closeByClient(ctx, tx, t, phone)
		var ue *errUser
		if asUserErr(err, &ue) {
			return true, b.post(ctx, tx, 0, chatWith(phone), ue.msg)
		}
		return true, err
	}
	return false, nil
}

func (b *Bot) whatsAppWelcome(c *ticketing.Client) string {
	return strings.Join([]string{
		say(c, "welcome.hello", c.Name),
		say(c, "welcome.hours", planHours(c)),
		say(c, "welcome.how"),
		say(c, "welcome.commands"),
		say(c, "welcome.critical", b.phonesText(langOf(c))),
	}, "\n")
}
