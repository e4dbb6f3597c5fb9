package ticketing

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned for a missing record, and for a record that exists
// but belongs to another client: one client never learns of another's tickets.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when an event or message was already stored.
var ErrDuplicate = errors.New("already stored")

// Store keeps tickets and everything around them. Every change happens inside
// Update so a ticket change and the replies it owes commit together.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
	Close() error
}

// TicketFilter selects tickets for listings; empty fields match everything.
type TicketFilter struct {
	ClientID   string
	OnlyOpen   bool
	Assignee   string
	OpenedFrom time.Time
	OpenedTo   time.Time
	// DueFrom and DueTo select tickets whose response was due in
	// [DueFrom, DueTo); the daily digest reads a day's breaches with them.
	DueFrom time.Time
	DueTo   time.Time
	Limit   int
}

// Tx is one transaction's view of the store.
type Tx interface {
	SyncClients(ctx context.Context, clients []Client, at time.Time) error
	SyncStaff(ctx context.Context, staff []Staff, at time.Time) error
	Staff(ctx context.Context, id string) (Staff, error)
	SetStaffAbsent(ctx context.Context, id string, absent bool) error

	CreateTicket(ctx context.Context, t *Ticket) error
	UpdateTicket(ctx context.Context, t *Ticket) error
	// SetTicketThread records the Slack thread a ticket's conversation lives
	// in, once its first post is delivered; a thread already set is kept.
	SetTicketThread(ctx context.Context, id int64, threadTS string) error
	// Ticket finds a ticket by number; a non-empty clientID restricts the
	// search to that client and reports another client's ticket as ErrNotFound.
	Ticket(ctx context.Context, clientID string, id int64) (*Ticket, error)
	TicketByThread(ctx context.Context, channel, threadTS string) (*Ticket, error)
	// TicketOfMessage finds the ticket a Slack message belongs to: the
	// thread root it started, or a message the bot posted for it.
	TicketOfMessage(ctx context.Context, channel, ts string) (*Ticket, error)
	OpenTicketByContact(ctx context.Context, phone string) (*Ticket, error)
	FindTickets(ctx context.Context, f TicketFilter) ([]*Ticket, error)
	// DueTickets lists tickets whose next action is at or before t, soonest first.
	DueTickets(ctx context.Context, t time.Time, limit int) ([]*Ticket, error)

	// AddMessage returns ErrDuplicate when the external id is already stored.
	AddMessage(ctx context.Context, m *Message) error
	Messages(ctx context.Context, ticketID int64) ([]Message, error)
	// MarkEvent records a delivery id (Slack event id, WhatsApp message id)
	// and returns ErrDuplicate if it was seen before.
	MarkEvent(ctx context.Context, eventID string, at time.Time) error

	// Enqueue queues an owed reply; with a DedupeKey already queued it does
	// nothing and reports ErrDuplicate.
	Enqueue(ctx context.Context, item *OutboxItem) error
	// PendingOutbox lists every owed item whose next attempt is due, whatever
	// waits before it in its conversation: a view of the queue.
	PendingOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error)
	// DueOutbox lists what to attempt now: the first owed item of each
	// conversation, when its next attempt is due. Later items of a
	// conversation wait however long the first one takes.
	DueOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error)
	// MarkInFlight records that delivery attempts of ids are starting, so
	// after a crash the deliverer knows which ones may have gone out.
	MarkInFlight(ctx context.Context, ids []int64, at time.Time) error
	// ClearInFlight takes the stamp off attempts known not to have sent.
	ClearInFlight(ctx context.Context, ids []int64) error
	MarkSent(ctx context.Context, id int64, at time.Time, externalRef string) error
	// MarkFailed schedules another attempt after one that failed and counts
	// toward giving up.
	MarkFailed(ctx context.Context, id int64, nextAttempt time.Time, reason string) error
	// MarkDeferred schedules another attempt after one the platform put off
	// (a rate limit, no connection); it does not count toward giving up.
	MarkDeferred(ctx context.Context, id int64, nextAttempt time.Time, reason string) error
	// MarkDead gives up on an item that can never be delivered.
	MarkDead(ctx context.Context, id int64, at time.Time, reason string) error
	OutboxBacklog(ctx context.Context) (int, error)

	// RecordNotification stores that a notification was queued; false means it
	// had been recorded already and must not be sent again.
	RecordNotification(ctx context.Context, ticketID int64, kind string, threshold float64, at time.Time) (bool, error)
	// Notification is when a recorded notification was queued; ErrNotFound
	// if it never was. The auto-close counts its quiet period from it.
	Notification(ctx context.Context, ticketID int64, kind string, threshold float64) (time.Time, error)
	// RecordDigest stores that a staff member's daily digest for a local date
	// (in zone) was queued; false means it had been already.
	RecordDigest(ctx context.Context, staffID, zone string, date Date, at time.Time) (bool, error)

	Audit(ctx context.Context, e AuditEntry) error
	AuditLog(ctx context.Context, clientID string, since time.Time) ([]AuditEntry, error)
	// AuditSince reports whether action with exactly detail was logged since.
	AuditSince(ctx context.Context, action, detail string, since time.Time) (bool, error)

	UpsertContact(ctx context.Context, c Contact) error
	Contact(ctx context.Context, phone string) (Contact, error)
	RevokeContact(ctx context.Context, phone, by string, at time.Time) error
	Contacts(ctx context.Context, clientID string) ([]Contact, error)
}
