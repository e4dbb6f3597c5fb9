package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/ticketing"
)

func (b *Bot) clientHelp(c *ticketing.Client) string {
	var s strings.Builder
	fmt.Fprintf(&s, "*Soporte para %s*\n", c.Name)
	s.WriteString("• Escribí tu consulta o incidente en este canal: cada mensaje nuevo abre un ticket y te respondemos en su hilo.\n")
	s.WriteString("• `/soporte estado` — tus tickets abiertos\n• `/soporte conforme #N` — confirmar que un caso quedó resuelto\n")
	fmt.Fprintf(&s, "• Horario: %s.\n", planHours(c))
	fmt.Fprintf(&s, "• *Incidentes críticos: solo por teléfono con la Mesa de Ayuda*, %s.\n", b.phonesText())
	if b.desk.Website != "" {
		fmt.Fprintf(&s, "• Sitio: %s\n", b.desk.Website)
	}
	if b.desk.ELearningURL != "" {
		fmt.Fprintf(&s, "• E-learning (24x7): %s\n", b.desk.ELearningURL)
	}
	s.WriteString("• Para usar WhatsApp, pedile la invitación a tu focal point.")
	return s.String()
}

func (b *Bot) clientCommand(ctx context.Context, cmd command) (string, error) {
	c := cmd.scope
	if c == nil {
		return "", userErr("Usá `/soporte` desde el canal de Slack de tu empresa con el equipo de soporte.")
	}
	switch cmd.verb {
	case "ayuda", "help":
		return b.clientHelp(c), nil
	case "estado":
		return b.listTickets(ctx, c.ID)
	case "conforme":
		n, err := ticketNumber(cmd.args, "conforme #N")
		if err != nil {
			return "", err
		}
		return b.conform(ctx, c, n, cmd.in.UserID)
	case "tomar", "resolver", "esperando", "escalar", "prioridad", "tipo", "mover", "ausente", "presente", "critico", "whatsapp":
		return "", userErr("`%s` es un comando del equipo de soporte. Probá `/soporte ayuda`.", cmd.verb)
	}
	return "", userErr("No conozco el comando \"%s\".\n%s", clientText(cmd.verb), b.clientHelp(c))
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
		return fmt.Sprintf("El ticket #%d ya estaba cerrado.", t.ID), nil
	}
	reason := ticketing.CloseReasonClientConformity
	switch {
	case t.Status == ticketing.StatusEntregado:
		reason = ticketing.CloseReasonDeliveryAccepted
	case ticketing.Transition(t.Kind, t.Status, ticketing.StatusCerrado) != nil:
		// The client says it is solved before support marked it so: record
		// the resolution on the way to closing.
		if err := move(t, ticketing.StatusResuelto); err != nil {
			return "", userErr("El ticket #%d (%s) todavía no puede cerrarse: está %s.", t.ID, t.Kind.Label(), t.Status.Label())
		}
		t.ResolvedAt = b.clock.Now()
	}
	if err := move(t, ticketing.StatusCerrado); err != nil {
		return "", err
	}
	now := b.clock.Now()
	t.ClosedAt, t.CloseReason = now, reason
	b.scheduleNext(t)
	t.UpdatedAt = now
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	msg := fmt.Sprintf("🎉 Ticket #%d cerrado con tu conformidad. ¡Gracias!", t.ID)
	if err := b.toTicket(ctx, tx, t, msg); err != nil {
		return "", err
	}
	if err := b.audit(ctx, tx, author, t.ClientID, t.ID, ticketing.AuditClosed, reason.Text()); err != nil {
		return "", err
	}
	return msg, b.askCSAT(ctx, tx, t)
}
