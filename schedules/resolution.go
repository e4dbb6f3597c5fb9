package schedules

import (
	"time"

	"supportbot/ticketing"
)

// resolutionSoFar is a ticket's time to resolution as it stands at now:
// its resolution's if resolved, else the attended time since its clock
// start less the time it waited on the client, the wait under way
// included.
func (j *Jobs) resolutionSoFar(t *ticketing.Ticket, c *ticketing.Client, now time.Time) time.Duration {
	cal := j.engine.Calendar(*c, t.Kind)
	if d, ok := t.Resolution(cal.OpenTimeBetween); ok {
		return d
	}
	end := now
	if t.Status.WaitingOnClient() && !t.WaitingSince.IsZero() && t.WaitingSince.Before(now) {
		end = t.WaitingSince
	}
	if t.ClockStart.IsZero() || !end.After(t.ClockStart) {
		return 0
	}
	return max(cal.OpenTimeBetween(t.ClockStart, end)-t.PausedFor, 0)
}

// overResolution reports whether an open ticket went over its priority's
// resolution target (sla.resolution_targets); never when none is set.
func (j *Jobs) overResolution(e digestEntry, now time.Time) bool {
	target, ok := j.resolution[e.t.Priority]
	return ok && j.resolutionSoFar(e.t, e.c, now) > target
}
