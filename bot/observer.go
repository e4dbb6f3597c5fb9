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

// NopObserver hears nothing; embed it to implement only part of Observer.
type NopObserver struct{}

func (NopObserver) Inbound(channels.Inbound)                       {}
func (NopObserver) Committed()                                     {}
func (NopObserver) TicketOpened(*ticketing.Ticket)                 {}
func (NopObserver) CriticalRefused(string)                         {}
func (NopObserver) FirstResponse(*ticketing.Ticket, time.Duration) {}
func (NopObserver) Duplicate(channels.Platform)                    {}
