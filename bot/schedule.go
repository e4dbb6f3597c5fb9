package bot

import (
	"time"

	"supportbot/ticketing"
)

var zeroTime time.Time

// scheduleNext sets when the scheduler next looks at the ticket: while it
// waits for a first response, from its clock start (the deadline watch works
// out each ping); while it waits on the client, at the notice; while a
// delivered requerimiento is tested, at the reminder; otherwise never. The
// scheduler (schedules.Jobs) moves it on to each real event from there.
//
// It also keeps WaitingSince: set when the ticket starts waiting on the
// client, kept while it waits, cleared when the wait ends, so every new wait
// gets its own notice-then-close cycle.
func (b *Bot) scheduleNext(t *ticketing.Ticket) {
	if t.Status.WaitingOnClient() {
		if t.WaitingSince.IsZero() {
			t.WaitingSince = b.clock.Now()
		}
	} else {
		t.WaitingSince = zeroTime
	}
	switch {
	case t.Status == ticketing.StatusCerrado:
		t.NextActionAt = zeroTime
	case !t.Responded():
		t.NextActionAt = t.ClockStart
	case t.Status.WaitingOnClient():
		t.NextActionAt = t.WaitStart().Add(b.notice)
	case t.Status == ticketing.StatusEntregado:
		c, _ := b.dir.client(t.ClientID)
		t.NextActionAt, _ = ticketing.TestingPeriod(t.DeliveredAt, locOf(c))
	default:
		t.NextActionAt = zeroTime
	}
}
