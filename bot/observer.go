package bot

import (
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// Observer hears what the bot does, for metrics and the demo's transcript.
// Calls happen after the change committed, and must not block.
type Observer interface {
	Inbound(in channels.Inbound)
	Committed()
	TicketOpened(t *ticketing.Ticket)
	CriticalRefused(clientID string)
	FirstResponse(t *ticketing.Ticket, after time.Duration)
	Duplicate(platform channels.Platform)
}

type nopObserver struct{}

func (nopObserver) Inbound(channels.Inbound)                       {}
func (nopObserver) Committed()                                     {}
func (nopObserver) TicketOpened(*ticketing.Ticket)                 {}
func (nopObserver) CriticalRefused(string)                         {}
func (nopObserver) FirstResponse(*ticketing.Ticket, time.Duration) {}
func (nopObserver) Duplicate(channels.Platform)                    {}
