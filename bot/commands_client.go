package bot

import (
	"context"
	"strings"

	"supportbot/ticketing"
)

func (b *Bot) clientHelp(c *ticketing.Client) string {
	lines := []string{
		say(c, "help.title", c.Name),
		say(c, "help.write"),
		say(c, "help.commands"),
		say(c, "help.hours", planHours(c)),
		say(c, "help.critical", b.phonesText(langOf(c))),
	}
	if b.desk.Website != "" {
		lines = append(lines, say(c, "help.site", b.desk.Website))
	}
	if b.desk.ELearningURL != "" {
		lines = append(lines, say(c, "help.elearning", b.desk.ELearningURL))
	}
	lines = append(lines, say(c, "help.whatsapp"))
	return strings.Join(lines, "\n")
}

func (b *Bot) clientCommand(ctx context.Context, cmd command) (string, error) {
	c := cmd.scope
	if c == nil {
		// Nobody knows whose person this is: they read the desk's language.
		return "", userErr("%s", b.deskLang.Say("command.outside"))
	}
	switch cmd.verb {
	case "ayuda", "help":
		return b.clientHelp(c), nil
	case "estado":
		return b.listFor(ctx, c.ID, langOf(c), false)
	case "conforme":
		n, err := ticketNumber(langOf(c), cmd.args, "conforme #N")
		if err != nil {
			return "", err
		}
		return b.conform(ctx, c, n, cmd.in.UserID)
	case "tomar", "resolver", "esperando", "escalar", "prioridad", "tipo", "mover", "ausente", "presente", "critico", "whatsapp", "guardar", "publicar":
		return "", userErr("%s", say(c, "command.staff_only", cmd.verb))
	}
	return "", userErr("%s", say(c, "command.unknown", clientText(cmd.verb), b.clientHelp(c)))
}

// conform closes a ticket on the client's word (the seed: an incident is
// closed when the client gives conformity). It is scoped to the client.
func (b *Bot) conform(ctx context.Context, c *ticketing.Client, n int64, author string) (string, error) {
	var reply string
	err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		t, err := b.loadTicket(ctx, tx, c, n)
		if err != nil {
			return err
		}
		reply, err = b.closeByClient(ctx, tx, t, author)
		return err
	})
	return reply, err
}

func (b *Bot) closeByClient(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, author string) (string, error) {
	if !t.Status.Open() {
		return say(b.clientOf(t), "close.already", t.ID), nil
	}
	reason := ticketing.CloseReasonClientConformity
	if t.Status == ticketing.StatusEntregado {
		reason = ticketing.CloseReasonDeliveryAccepted
	}
	return b.closeForClient(ctx, tx, t, author, reason, say(b.clientOf(t), "close.conformity", t.ID))
}

// closeForClient closes an open ticket on its client's word, for reason,
// telling them msg: through resuelto first when support had not marked it
// so, answering their last message, then asking for their rating.
func (b *Bot) closeForClient(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, author string, reason ticketing.CloseReason, msg string) (string, error) {
	switch {
	case t.Status == ticketing.StatusEntregado:
	case ticketing.Transition(t.Kind, t.Status, ticketing.StatusCerrado) != nil:
		// The client says it is solved before support marked it so: record
		// the resolution on the way to closing.
		if err := move(langOf(b.clientOf(t)), t, ticketing.StatusResuelto); err != nil {
			l := langOf(b.clientOf(t))
			return "", userErr("%s", l.Say("close.not_yet", t.ID, kindLabel(l, t.Kind), statusLabel(l, t.Status)))
		}
		t.ResolvedAt = b.clock.Now()
	}
	if err := move(langOf(b.clientOf(t)), t, ticketing.StatusCerrado); err != nil {
		return "", err
	}
	now := b.clock.Now()
	t.ClosedAt, t.CloseReason = now, reason
	// The client closing it answers their own last message.
	if err := b.answerAwaiting(ctx, tx, t, "", now); err != nil {
		return "", err
	}
	b.scheduleNext(t)
	t.UpdatedAt = now
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	if err := b.toTicket(ctx, tx, t, msg); err != nil {
		return "", err
	}
	if err := b.audit(ctx, tx, author, t.ClientID, t.ID, ticketing.AuditClosed, reason.Text()); err != nil {
		return "", err
	}
	return msg, b.askCSAT(ctx, tx, t)
}
