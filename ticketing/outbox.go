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
	// Blocks is the Slack Block Kit JSON, if any.
	Blocks   string
	TicketID int64
	// DedupeKey makes enqueueing idempotent: a second item with the same key
	// is not queued.
	DedupeKey string
	// SetsThread, for a post that starts a ticket's thread (WhatsApp mirror),
	// records the posted message's ts as the ticket's thread.
	SetsThread bool

	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	SentAt        time.Time
	ExternalRef   string
	CreatedAt     time.Time
}

// AuditEntry is one line of the audit log: who did what, when, to which client.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	ClientID string
	TicketID int64
	Action   string
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
