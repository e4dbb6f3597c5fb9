package bot

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// criticalTake is who takes an open ticket to the Service Desk as a
// critical incident, and from when: the desk with /soporte critico #N, or
// the client's own "the whole operation has stopped".
type criticalTake struct {
	actor string
	// at starts the critical clock: the call, or the client's press.
	at time.Time
	// byClient is the client's own word: the note reaches them wherever
	// they talk (a WhatsApp contact too), and the audit line says so.
	byClient bool
	// note is what the ticket's conversation is told and page what the
	// focal point and the desk are, both of the ticket once taken.
	note func(c *ticketing.Client, t *ticketing.Ticket) string
	page func(c *ticketing.Client, t *ticketing.Ticket, dueWords string) string
}

// takeCritical files an open ticket as a critical incident: the critical
// priority and the plan's clock from how.at (unless someone already
// answered, whose first response stands), the note, the page to whoever
// answers for the client and to the desk, the audit line and the
// labelled example. It is the one place that rule lives.
func (b *Bot) takeCritical(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, how criticalTake) (dueWords string, err error) {
	c, ok := b.dir.client(t.ClientID)
	if !ok {
		return "", fmt.Errorf("ticket %d: client %s not configured", t.ID, t.ClientID)
	}
	now := b.clock.Now()
	from := fmt.Sprintf("%s %s", t.Kind, t.Priority)
	if t.Status != ticketing.StatusNuevo && len(ticketing.NextStatuses(ticketing.KindIncidenteCritico, t.Status)) == 0 && t.Status.Open() {
		t.Status = ticketing.StatusEnCurso
	}
	t.Kind, t.Priority, t.AwaitingChoice = ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false
	if !t.Responded() {
		t.ClockStart, t.DueAt = b.calendar.Deadline(*c, t.Kind, t.Priority, how.at)
	}
	b.scheduleNext(t)
	t.UpdatedAt = now
	if err := tx.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	tellTicket, who := b.toThread, "mesa de ayuda"
	if how.byClient {
		tellTicket, who = b.toTicket, "cliente"
	}
	if err := tellTicket(ctx, tx, t, how.note(c, t)); err != nil {
		return "", err
	}
	dueWords = b.deskLang.When(t.DueAt, now, c.Location)
	if err := b.pageCritical(ctx, tx, c, t, how.page(c, t, dueWords)); err != nil {
		return "", err
	}
	if err := b.audit(ctx, tx, how.actor, t.ClientID, t.ID, ticketing.AuditKindChanged, from+" → "+string(t.Kind)+" ("+who+")"); err != nil {
		return "", err
	}
	return dueWords, b.recordCorrection(ctx, tx, t, how.actor, ticketing.CorrectionCritical)
}
