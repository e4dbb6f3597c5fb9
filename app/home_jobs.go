package app

import (
	"supportbot/bot"
	"supportbot/schedules"
	"supportbot/ticketing"
)

// homeOnJobs refreshes the Home tab of whoever a breach or an auto-close
// touches: the jobs change tickets outside the router, which refreshes
// only what goes through it.
type homeOnJobs struct {
	schedules.JobsObserver
	bot *bot.Bot
}

func (h homeOnJobs) Breached(t *ticketing.Ticket) {
	h.JobsObserver.Breached(t)
	h.bot.TicketChangedElsewhere(t)
}

func (h homeOnJobs) AutoClosed(t *ticketing.Ticket) {
	h.JobsObserver.AutoClosed(t)
	h.bot.TicketChangedElsewhere(t)
}
