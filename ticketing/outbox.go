package ticketing

import "time"

// Delivery says how an owed reply reaches people.
type Delivery string

const (
	DeliverSlackPost      Delivery = "slack_post"
	DeliverSlackUpdate    Delivery = "slack_update"
	DeliverSlackEphemeral Delivery = "slack_ephemeral"
	DeliverSlackDM        Delivery = "slack_dm"
	DeliverWhatsApp       Delivery = "whatsapp"
)

// InTicketThread, as an OutboxItem's ThreadTS, stands for the ticket's own
// Slack thread, resolved at delivery: a WhatsApp ticket's thread exists only
// once its mirrored root has been posted.
const InTicketThread = "@ticket"

// OutboxItem is a reply the bot owes, written in the same transaction as the
// change that caused it and delivered later with retries.
type OutboxItem struct {
	ID       int64
	Delivery Delivery
	// Target is a Slack channel, a Slack user (DM, ephemeral) or an E.164 number.
	Target   string
	ThreadTS string
	UserID   string
	Text     string
	// EditTS is the Slack message a DeliverSlackUpdate rewrites.
	EditTS string
	// Buttons are offered under the text (Slack buttons); adapters without
	// buttons ignore them, so the text must stand on its own.
	Buttons  []Button
	TicketID int64
	// DedupeKey makes enqueueing idempotent: a second item with the same key
	// is not queued.
	DedupeKey string
	// SetsThread, for a post that starts a ticket's thread (WhatsApp mirror),
	// records the posted message's ts as the ticket's thread.
	SetsThread bool

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
