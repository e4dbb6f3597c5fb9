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
//
// The wait's attended time goes to PausedFor when it ends with the ticket
// still open (the client wrote again, staff took it up) and, for a wait for
// information that ends in a resolution, up to the resolution: time to
// resolution leaves out the time the ticket waited on the client.
//
// A client message still awaiting a staff answer keeps the scheduler's eye
// on its next-response clock, whatever else is pending.
func (b *Bot) scheduleNext(t *ticketing.Ticket) {
	now := b.clock.Now()
	switch {
	case t.Status.WaitingOnClient() && t.WaitingSince.IsZero():
		t.WaitingSince = now
	case t.Status == ticketing.StatusResuelto && t.WaitingSince.Before(t.ResolvedAt):
		b.pause(t, t.ResolvedAt)
		t.WaitingSince = t.ResolvedAt
	case !t.Status.WaitingOnClient():
		if !t.WaitingSince.IsZero() && t.Status.Open() {
			b.pause(t, now)
		}
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
	if t.AwaitingAnswer() && t.Status.Open() && t.Responded() {
		if t.NextActionAt.IsZero() || t.NextClockStart.Before(t.NextActionAt) {
			t.NextActionAt = t.NextClockStart
		}
	}
}

// pause adds the attended time from the start of the ticket's wait on the
// client to end to the time it spent paused.
func (b *Bot) pause(t *ticketing.Ticket, end time.Time) {
	c, ok := b.dir.client(t.ClientID)
	if !ok || !end.After(t.WaitingSince) {
		return
	}
	t.PausedFor += b.calendar.OpenTimeBetween(*c, t.Kind, t.WaitingSince, end)
}
