package ticketing

import "time"

// Mode says what an owed reply does in its conversation.
type Mode string

const (
	// ModePost adds a message to the conversation.
	ModePost Mode = "post"
	// ModeUpdate rewrites the message EditRef of the conversation.
	ModeUpdate Mode = "update"
	// ModeEphemeral shows a message in the conversation to UserID alone.
	ModeEphemeral Mode = "ephemeral"
	// ModeDirect writes to a person: the conversation's Address is the
	// person, and the adapter opens their direct chat.
	ModeDirect Mode = "dm"
)

// OutboxItem is a reply the bot owes, written in the same transaction as the
// change that caused it and delivered later with retries.
type OutboxItem struct {
	ID int64
	// To is where the reply appears; its Platform picks the adapter that
	// delivers it.
	To   Conversation
	Mode Mode
	// InDeskThread stands for the ticket's desk thread (Ticket.Desk.Thread),
	// resolved at delivery: a mirrored ticket's thread exists only once its
	// root post is out, and a reply queued before that must still land in it.
	InDeskThread bool
	// UserID is who alone sees a ModeEphemeral reply.
	UserID string
	Text   string
	// File, when set, is delivered with Text as its caption; the adapter
	// fetches its bytes from the platform that holds them.
	File *Attachment
	// EditRef is the platform's id of the message a ModeUpdate rewrites.
	EditRef string
	// ReplyTo is the platform's id of the client's message this reply
	// answers, shown as a reply to it where the platform can (WhatsApp);
	// empty for a reply that answers nothing in particular.
	ReplyTo string
	// Buttons are offered under the text; adapters without
	// buttons ignore them, so the text must stand on its own.
	Buttons  []Button
	TicketID int64
	// DedupeKey makes enqueueing idempotent: a second item with the same key
	// is not queued.
	DedupeKey string
	// SetsThread, for a post that starts a ticket's desk thread (a mirror),
	// records the posted message's id as the ticket's thread.
	SetsThread bool
	// Card, when set, addresses the ticket's staff card or its thread; the
	// deliverer finds the card's message when the item is due.
	Card CardPart

	// Conversation is the thread, chat or channel the reply appears in, as
	// the store keys it at enqueue. A reply is not due while an earlier one
	// of its conversation is still owed, so each conversation gets its
	// replies once each, in the order they were queued.
	Conversation string

	Attempts int
	// Failures counts the attempts that failed for the reply's own sake;
	// waiting out a rate limit or an outage is an attempt, not a failure.
	Failures      int
	NextAttemptAt time.Time
	// InFlightAt is when an attempt started whose outcome was never
	// recorded (the process died during it): the reply may have gone out.
	InFlightAt  time.Time
	LastError   string
	SentAt      time.Time
	ExternalRef string
	CreatedAt   time.Time
}

// Route names how an item goes out, platform and mode ("slack_post"): the
// store keeps it, logs and metrics show it, dedupe keys include it.
func (it OutboxItem) Route() string { return string(it.To.Platform) + "_" + string(it.Mode) }

// Button is one choice offered under a message. ActionID says what it does,
// Value carries its argument (e.g. "123:incidente").
type Button struct {
	ActionID string `json:"action_id"`
	Label    string `json:"label"`
	Value    string `json:"value"`
	// Style is "primary", "danger" or empty.
	Style string `json:"style,omitempty"`
}

// AuditEntry is one line of the audit log: who did what, when, to which client.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	ClientID string
	TicketID int64
	Action   AuditAction
	Detail   string
}

// Contact is a WhatsApp number allowed to write for one client.
type Contact struct {
	Phone     string
	ClientID  string
	Name      string
	InvitedBy string
	InvitedAt time.Time
	RevokedBy string
	RevokedAt time.Time
}

// Active reports whether the contact may still write.
func (c Contact) Active() bool { return c.RevokedAt.IsZero() }
