package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
)

// cmdWaiting is `/soporte esperando #N [texto]`: the ticket waits on the
// client, who is told what is needed. Its resolution clock pauses until the
// client writes again (clientWrote puts it back in progress), and the
// notice-then-close cycle of a wait on the client applies meanwhile.
func (b *Bot) cmdWaiting(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	text := ""
	if len(cmd.args) > 1 {
		text = strings.Join(cmd.args[1:], " ")
	}
	return b.withTicket(ctx, cmd, "esperando #N [texto]", func(tx ticketing.Tx, fx *effects, t *ticketing.Ticket) (string, error) {
		return b.waitForClient(ctx, tx, fx, t, me, text)
	})
}

func (b *Bot) waitForClient(ctx context.Context, tx ticketing.Tx, fx *effects, t *ticketing.Ticket, me, text string) (string, error) {
	if err := move(b.deskLang, t, ticketing.StatusEsperandoCliente); err != nil {
		return "", err
	}
	now := b.clock.Now()
	b.scheduleNext(t)
	if err := b.toTicket(ctx, tx, t, waitingForClientText(b.clientOf(t), t, clientText(text))); err != nil {
		return "", err
	}
	if text != "" {
		if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: t.ID, ExternalID: waitingMessageID(t, now),
			AuthorID: me, AuthorKind: ticketing.AuthorStaff, Channel: ticketing.SourceSlack, Text: text, At: now}); err != nil {
			return "", err
		}
	}
	if err := b.audit(ctx, tx, me, t.ClientID, t.ID, ticketing.AuditWaiting, subjectOf(text)); err != nil {
		return "", err
	}
	// Asking the client is an answer to them, as a resolution is.
	if err := b.staffAnswered(ctx, tx, fx, t, me, text, now, false); err != nil {
		return "", err
	}
	return b.waitingConfirmText(t), nil
}

func waitingMessageID(t *ticketing.Ticket, at time.Time) string {
	return fmt.Sprintf("waiting:%d:%d", t.ID, at.UnixNano())
}
