package bot

import (
	"time"

	"supportbot/ticketing"
)

var zeroTime time.Time

// scheduleNext sets when the scheduler next looks at the ticket: while it
// waits for a first response, from its clock start (the deadline watch works
// out each ping); while resolved and waiting on the client, at the notice;
// otherwise never.
func (b *Bot) scheduleNext(t *ticketing.Ticket) {
	switch {
	case t.Status == ticketing.StatusCerrado:
		t.NextActionAt = zeroTime
	case !t.Responded():
		t.NextActionAt = t.ClockStart
	case t.Status == ticketing.StatusResuelto || t.Status == ticketing.StatusEsperandoCliente:
		since := t.ResolvedAt
		if t.LastClientMessageAt.After(since) {
			since = t.LastClientMessageAt
		}
		t.NextActionAt = since.Add(b.notice)
	case t.Status == ticketing.StatusEntregado:
		t.NextActionAt = t.DeliveredAt.Add(25 * 24 * time.Hour)
	default:
		t.NextActionAt = zeroTime
	}
}
