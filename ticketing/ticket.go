package ticketing

import "time"

// Source is where a ticket was opened.
type Source string

// SourceServiceDesk is a ticket the service desk opened by phone; a ticket
// opened on a platform has the platform's Source (conversation.go).
const SourceServiceDesk Source = "service_desk"

// Ticket is one case of one client. Its ID is the number people quote (#123).
type Ticket struct {
	ID       int64
	ClientID string
	Kind     Kind
	Priority Priority
	Status   Status
	Source   Source

	// Desk is the conversation staff work the ticket in (a thread of the
	// client's channel, or of the mirror channel); its Thread is empty until
	// the ticket's first post there is delivered, when that post starts it.
	Desk Conversation
	// Client is where the client talks when that is not Desk: a chat on
	// another platform, mirrored into Desk. Zero when the client writes in
	// the desk's conversation itself; ClientConversation resolves both.
	Client Conversation

	OpenedBy   string
	Subject    string
	Confidence float64
	Cues       []string
	// AwaitingChoice is set while the client is asked which kind it is.
	AwaitingChoice bool

	ReceivedAt      time.Time
	ClockStart      time.Time
	DueAt           time.Time
	FirstResponseAt time.Time
	FirstResponder  string
	Assignee        string
	Escalation      Escalation

	// NextActionAt is when the scheduler next has something to do for the
	// ticket (a ping, a notice, a close); zero when nothing is pending.
	NextActionAt        time.Time
	LastClientMessageAt time.Time
	ResolvedAt          time.Time
	DeliveredAt         time.Time
	ClosedAt            time.Time
	CloseReason         CloseReason
	// WaitingSince is when the ticket's current wait on the client began
	// (it entered resuelto or esperando_cliente); zero while it does not
	// wait. With ResolvedAt and LastClientMessageAt it keys the
	// notice-then-close cycle, so each new wait gets its own notice.
	WaitingSince time.Time

	// AwaitingSince is when the oldest client message still waiting for a
	// staff answer arrived, once the first response is done; zero when the
	// client is not waiting. NextClockStart and NextDueAt are its
	// next-response clock, on the ticket's attended hours.
	AwaitingSince  time.Time
	NextClockStart time.Time
	NextDueAt      time.Time
	// PausedFor is the attended time the ticket spent waiting on the client
	// before its resolution; time to resolution leaves it out.
	PausedFor time.Duration

	CreatedAt time.Time
	UpdatedAt time.Time
}

// ClientApart reports whether the client talks somewhere other than the
// desk's conversation, so what the client is told also goes there.
func (t *Ticket) ClientApart() bool { return !t.Client.IsZero() }

// ClientConversation is where the client reads what the bot says.
func (t *Ticket) ClientConversation() Conversation {
	if t.ClientApart() {
		return t.Client
	}
	return t.Desk
}

// Responded reports whether support staff already answered the client.
func (t *Ticket) Responded() bool { return !t.FirstResponseAt.IsZero() }

// SLAMet reports whether the first response came by the due time.
func (t *Ticket) SLAMet() bool { return t.Responded() && !t.FirstResponseAt.After(t.DueAt) }

// AwaitingAnswer reports whether a client message after the first
// response still waits for a staff answer.
func (t *Ticket) AwaitingAnswer() bool { return !t.AwaitingSince.IsZero() }

// AuthorKind says who wrote a ticket message.
type AuthorKind string

const (
	AuthorClient AuthorKind = "client"
	AuthorStaff  AuthorKind = "staff"
	AuthorBot    AuthorKind = "bot"
	// AuthorNote is a member of staff writing on the desk's side: an
	// internal note, kept on the ticket and never relayed to the client.
	AuthorNote AuthorKind = "note"
)

// Message is one message on a ticket. ExternalID is unique across the store
// (e.g. "slack:C1:1700000000.000100", "whatsapp:3EB0…") so a redelivery is
// recognised and never stored twice.
type Message struct {
	ID         int64
	TicketID   int64
	ExternalID string
	AuthorID   string
	AuthorKind AuthorKind
	Channel    Source
	Text       string
	Media      string
	// Files are the message's attachments, in the order sent.
	Files []Attachment
	// Quoted reports that the message was a reply quoting an earlier one,
	// so answers to it are shown as replies to it.
	Quoted bool
	At     time.Time
	// EditedAt is when the author last edited the text, Revisions the texts
	// it had before, oldest first; DeletedAt is when the author deleted it
	// (the text is kept: nothing stored is lost).
	EditedAt  time.Time
	Revisions []MessageRevision
	DeletedAt time.Time
}
