package ticketing

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned for a missing record, and for a record that exists
// but belongs to another client: one client never learns of another's tickets.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when a write would break a uniqueness rule: an
// event, message or dedupe key already stored, a second ticket for a
// thread, a second open ticket for a contact, a number active for another
// client. The schema enforces each rule, so it holds under concurrent writers.
var ErrDuplicate = errors.New("already stored")

// Store keeps tickets and everything around them. Every change happens inside
// Update so a ticket change and the replies it owes commit together.
// store/storetest is the contract every implementation passes.
//
// Times come back as the instants stored, to the millisecond at least, in
// any location; compare them with Equal.
type Store interface {
	// Update runs fn in a write transaction: all of fn's changes commit or
	// none do, and Update returns once that is decided. When fn returns an
	// error nothing it wrote is kept and Update returns that error
	// (errors.Is finds it).
	//
	// Updates are serializable: fn sees its own writes and behaves as if no
	// other Update ran at the same time, so a check and the write it
	// decides (OpenTicketByContact, then CreateTicket on ErrNotFound) need
	// no retry by the caller. A store may get there by running fn again
	// after a conflict, so fn may be called more than once and only its last
	// run counts: it must not keep state between runs (reset what it
	// collects when it starts) and must not act outside the store (send,
	// count, log as done) before Update returns nil.
	//
	// ErrDuplicate and ErrNotFound from a Tx method leave the transaction
	// usable: fn may carry on (a redelivered message, a taken dedupe key)
	// and still commit. A Tx is valid only inside fn, on fn's goroutine.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction over committed data; a write
	// inside it fails. fn's error is returned.
	View(ctx context.Context, fn func(Tx) error) error
	Close() error
}

// TicketFilter selects tickets for listings; empty fields match everything.
type TicketFilter struct {
	ClientID string
	// OnlyOpen keeps tickets whose Status.Open.
	OnlyOpen bool
	Assignee string
	// OpenedBy selects tickets a person opened (a Slack user id, a
	// WhatsApp number).
	OpenedBy string
	// OpenedFrom and OpenedTo select tickets received in [OpenedFrom, OpenedTo).
	OpenedFrom time.Time
	OpenedTo   time.Time
	// DueFrom and DueTo select tickets whose response was due in
	// [DueFrom, DueTo); the daily digest reads a day's breaches with them.
	DueFrom time.Time
	DueTo   time.Time
	// Limit caps the listing; zero or less lists everything.
	Limit int
}

// Tx is one transaction's view of the store. Lookups of a missing record
// return ErrNotFound; marks on an unknown id (SetTicketThread, the outbox
// marks) change nothing and are no error.
type Tx interface {
	DeskArticles

	// SyncClients upserts the configured clients. Clients dropped from the
	// configuration stay, since their tickets reference them. A configured
	// number is added as an active contact only if the store does not know
	// it yet: a revocation, or another client's invitation, outlives restarts.
	SyncClients(ctx context.Context, clients []Client, at time.Time) error
	// SyncStaff upserts the configured staff and keeps who is absent.
	SyncStaff(ctx context.Context, staff []Staff, at time.Time) error
	Staff(ctx context.Context, id string) (Staff, error)
	// SetStaffAbsent returns ErrNotFound for someone never synced.
	SetStaffAbsent(ctx context.Context, id string, absent bool) error

	// CreateTicket stores t and sets its ID, a positive number higher than
	// any before it; a zero CreatedAt becomes ReceivedAt and a zero
	// UpdatedAt becomes CreatedAt. Its client must have been synced. It
	// returns ErrDuplicate when t's thread already has a ticket or t's
	// contact already has an open one (see OpenTicketByContact).
	CreateTicket(ctx context.Context, t *Ticket) error
	// UpdateTicket writes every field of t back by its ID, whatever the
	// client (the caller read it through its own scope); ErrNotFound for an
	// unknown ID, ErrDuplicate when the change would break CreateTicket's
	// uniqueness rules (reopening a contact's older ticket).
	UpdateTicket(ctx context.Context, t *Ticket) error
	// SetTicketThread records the Slack thread a ticket's conversation lives
	// in, once its first post is delivered; a thread already set is kept.
	SetTicketThread(ctx context.Context, id int64, threadTS string) error
	// Ticket finds a ticket by number; a non-empty clientID restricts the
	// search to that client and reports another client's ticket as ErrNotFound.
	Ticket(ctx context.Context, clientID string, id int64) (*Ticket, error)
	// TicketByThread finds the ticket of a thread (channel and root ts),
	// whatever its client: the caller checks the channel's client. A ticket
	// without a thread belongs to none: an empty threadTS finds nothing.
	TicketByThread(ctx context.Context, channel, threadTS string) (*Ticket, error)
	// TicketOfMessage finds the ticket a Slack message belongs to: the
	// thread root it started, or a message the bot posted for it (an
	// outbox item of the ticket, sent to that channel with ts as its
	// external reference).
	TicketOfMessage(ctx context.Context, channel, ts string) (*Ticket, error)
	// OpenTicketByContact finds a contact's open ticket (Status.Open); a
	// contact has at most one, which the schema enforces. A router looks it
	// up and, on ErrNotFound, creates the ticket in the same Update, which
	// Update's isolation keeps free of races. Should CreateTicket still
	// report ErrDuplicate, the Update must fail: the inbound is left
	// unacknowledged, and its redelivery finds the ticket.
	OpenTicketByContact(ctx context.Context, phone string) (*Ticket, error)
	// FindTickets lists tickets matching f, soonest due first, then by number.
	FindTickets(ctx context.Context, f TicketFilter) ([]*Ticket, error)
	// CountTickets counts the tickets f selects, ignoring its Limit.
	CountTickets(ctx context.Context, f TicketFilter) (int, error)
	// DueTickets lists tickets whose next action is set and at or before t,
	// soonest first, at most limit of them (a store default when limit ≤ 0).
	DueTickets(ctx context.Context, t time.Time, limit int) ([]*Ticket, error)

	// AddMessage stores m and sets its ID. It returns ErrDuplicate when the
	// external id is already stored, on any ticket.
	AddMessage(ctx context.Context, m *Message) error
	// Messages lists a ticket's messages in time order, each with its
	// revisions; none is no error.
	Messages(ctx context.Context, ticketID int64) ([]Message, error)
	// FirstClientMessage is the ticket's earliest client message with text
	// that is not deleted (without revisions or files): what the client
	// asked. ErrNotFound when there is none.
	FirstClientMessage(ctx context.Context, ticketID int64) (Message, error)
	// MessageByExternalID finds a stored message by its external id, on
	// whichever ticket; ErrNotFound when none has it.
	MessageByExternalID(ctx context.Context, externalID string) (Message, error)
	// EditMessage replaces a message's text, keeping the one it had as a
	// revision replaced at at; ErrNotFound for an unknown id. Edits count
	// in the order they were made, not stored: one made before the
	// message's last edit is only kept as the revision it was between the
	// two.
	EditMessage(ctx context.Context, id int64, text string, at time.Time) error
	// DeleteMessage marks a message deleted at at, keeping its text; a
	// message deleted already keeps its first mark. ErrNotFound for an
	// unknown id.
	DeleteMessage(ctx context.Context, id int64, at time.Time) error
	// HoldEdit keeps an edit of a message not stored yet and sets its ID;
	// held edits received before expired go, and beyond max held edits the
	// ones received first.
	HoldEdit(ctx context.Context, e *PendingEdit, expired time.Time, max int) error
	// TakeEdits returns the held edits of a message, oldest edit first, and
	// forgets them; none is no error.
	TakeEdits(ctx context.Context, externalID string) ([]PendingEdit, error)

	// Burst reads the burst under key; ErrNotFound when there is none.
	Burst(ctx context.Context, key string) (Burst, error)
	// PutBurst stores b under b.Key, replacing what was there.
	PutBurst(ctx context.Context, b Burst) error
	// DeleteBurst forgets the burst under key; an unknown key is no error.
	DeleteBurst(ctx context.Context, key string) error
	// DueBursts lists bursts whose AnswerAt is set and at or before t,
	// soonest first, at most limit of them (a store default when limit ≤ 0).
	DueBursts(ctx context.Context, t time.Time, limit int) ([]Burst, error)
	// MarkEvent records a delivery id (Slack event id, WhatsApp message id)
	// and returns ErrDuplicate if it was seen before. The mark commits with
	// the Update: if the handling fails, a redelivery is handled anew.
	MarkEvent(ctx context.Context, eventID string, at time.Time) error

	// Enqueue queues an owed reply and sets its ID; a zero NextAttemptAt is
	// CreatedAt. With a DedupeKey already used (even by an item since sent
	// or dead) it does nothing and reports ErrDuplicate; items without a
	// key never collide.
	Enqueue(ctx context.Context, item *OutboxItem) error
	// PendingOutbox lists every owed item (neither sent nor dead) whose next
	// attempt is at or before now, whatever waits before it in its
	// conversation, each once, at most limit of them (a store default when
	// limit ≤ 0), with their attempts, last error and in-flight stamp: a
	// view of the queue.
	PendingOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error)
	// DueOutbox lists what to attempt now: the first owed item of each
	// conversation, when its next attempt is due. Later items of a
	// conversation wait however long the first one takes.
	DueOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error)
	// NextOutboxAttempt is the soonest next attempt among the items
	// DueOutbox would list once due; false when nothing is owed.
	NextOutboxAttempt(ctx context.Context) (time.Time, bool, error)
	// PostponeOutbox moves the next attempt of the owed items ids to until
	// where it was sooner, without counting an attempt (a channel's rate
	// limit is running).
	PostponeOutbox(ctx context.Context, ids []int64, until time.Time) error
	// MarkInFlight records that delivery attempts of ids are starting, so
	// after a crash the deliverer knows which ones may have gone out. The
	// stamp shows as InFlightAt until ClearInFlight, MarkSent or MarkDead;
	// MarkFailed keeps it, as a failed attempt may still have arrived.
	MarkInFlight(ctx context.Context, ids []int64, at time.Time) error
	// ClearInFlight takes the stamp off attempts known not to have sent.
	ClearInFlight(ctx context.Context, ids []int64) error
	// MarkSent records delivery and counts the attempt. An item settled
	// already keeps its first outcome: a late confirmation changes nothing.
	MarkSent(ctx context.Context, id int64, at time.Time, externalRef string) error
	// MarkFailed counts a failed attempt toward giving up and keeps the item
	// out of DueOutbox until nextAttempt. A sent or dead item stays out for good.
	MarkFailed(ctx context.Context, id int64, nextAttempt time.Time, reason string) error
	// MarkDeferred schedules another attempt after one the platform put off
	// (a rate limit, no connection); it does not count toward giving up.
	MarkDeferred(ctx context.Context, id int64, nextAttempt time.Time, reason string) error
	// MarkDead gives up on an item that can never be delivered; it leaves
	// the queue for good, kept with its reason.
	MarkDead(ctx context.Context, id int64, at time.Time, reason string) error
	// OutboxBacklog counts items neither sent nor dead, due or not.
	OutboxBacklog(ctx context.Context) (int, error)
	// LastVersion is the newest content the bot gave its message ref in
	// target (a channel): the post that got that platform id, or the
	// newest rewrite of it, delivered or still owed. ErrNotFound when the
	// bot wrote no such message.
	LastVersion(ctx context.Context, target, ref string) (*OutboxItem, error)

	// RecordNotification stores that a notification was queued; false means it
	// had been recorded already and must not be sent again.
	RecordNotification(ctx context.Context, ticketID int64, kind string, threshold float64, at time.Time) (bool, error)
	// Notification is when a recorded notification was queued; ErrNotFound
	// if it never was. The auto-close counts its quiet period from it.
	Notification(ctx context.Context, ticketID int64, kind string, threshold float64) (time.Time, error)
	// StartNextResponse stores a next-response clock; ErrDuplicate when the
	// ticket already has one unanswered (the first message's clock holds).
	StartNextResponse(ctx context.Context, n NextResponse) error
	// AnswerNextResponse marks the ticket's unanswered next-response clock
	// answered; none unanswered is no error.
	AnswerNextResponse(ctx context.Context, ticketID int64, at time.Time, by string) error
	// PhoneHealth reads the bot's phone's stored offline timeline;
	// ErrNotFound before one was saved.
	PhoneHealth(ctx context.Context) (PhoneHealth, error)
	// SavePhoneHealth stores it, replacing the one before.
	SavePhoneHealth(ctx context.Context, h PhoneHealth) error
	// TicketCard reads where a ticket's staff card is; ErrNotFound when it
	// never had one.
	TicketCard(ctx context.Context, ticketID int64) (Card, error)
	// SaveCard stores a ticket's card channel and shown text, keeping its
	// Ref once known.
	SaveCard(ctx context.Context, c Card) error
	// SetCardRef records the posted card's message id.
	SetCardRef(ctx context.Context, ticketID int64, ref string) error
	// TicketByCard finds the ticket whose card is message ref of channel.
	TicketByCard(ctx context.Context, channel, ref string) (*Ticket, error)
	// RetimeNextResponse gives the ticket's unanswered next-response clock,
	// if any, a new priority and deadline (its priority was changed).
	RetimeNextResponse(ctx context.Context, ticketID int64, p Priority, clockStart, due time.Time) error
	// NextResponses lists the next-response clocks started in [from, to)
	// (every client's when clientID is empty), oldest first.
	NextResponses(ctx context.Context, clientID string, from, to time.Time) ([]NextResponse, error)
	// RecordDigest stores that a staff member's daily digest for a local date
	// (in zone) was queued; false means it had been already.
	RecordDigest(ctx context.Context, staffID, zone string, date Date, at time.Time) (bool, error)

	// Audit appends one line to the audit log.
	Audit(ctx context.Context, e AuditEntry) error
	// AuditLog lists a client's lines logged at or after since (every
	// client's when clientID is empty), oldest first.
	AuditLog(ctx context.Context, clientID string, since time.Time) ([]AuditEntry, error)
	// AnswerUnknown records that a number that may not write is answered at
	// at, unless it was already answered at or after since; false means it
	// was, and nothing is recorded. It backs "at most once a day".
	AnswerUnknown(ctx context.Context, phone string, at, since time.Time) (bool, error)

	// UpsertContact stores an invitation, with who and when. A number
	// active for another client is ErrDuplicate; re-inviting a revoked
	// number restores it, for whichever client invites it.
	UpsertContact(ctx context.Context, c Contact) error
	// Contact reads a number's record, revoked or not.
	Contact(ctx context.Context, phone string) (Contact, error)
	// RevokeContact withdraws a number, keeping its record; ErrNotFound for
	// a number never invited. Revoking it again keeps the first revocation.
	RevokeContact(ctx context.Context, phone, by string, at time.Time) error
	// Contacts lists a client's numbers, active ones first, then by number.
	Contacts(ctx context.Context, clientID string) ([]Contact, error)

	// AskCritical stores a question about a doubtful critical and sets its ID.
	AskCritical(ctx context.Context, q *CriticalQuestion) error
	// CriticalQuestion reads a question by id, settled or not; a non-empty
	// clientID restricts it to that client (another's is ErrNotFound).
	CriticalQuestion(ctx context.Context, clientID string, id int64) (*CriticalQuestion, error)
	// OpenCriticalQuestion finds the newest unsettled question asked in a
	// conversation (platform and address; the thread is not compared).
	OpenCriticalQuestion(ctx context.Context, where Conversation) (*CriticalQuestion, error)
	// DueCriticalQuestions lists unsettled questions asked at or before t,
	// oldest first.
	DueCriticalQuestions(ctx context.Context, t time.Time) ([]*CriticalQuestion, error)
	// SettleCriticalQuestion records an answer (or the time-out); false
	// means it was settled already and nothing changed, so an answer and
	// the tick racing settle it once.
	SettleCriticalQuestion(ctx context.Context, id int64, outcome string, at time.Time) (bool, error)

	// AddCorrection stores a correction of the bot's reading and sets its ID.
	AddCorrection(ctx context.Context, c *Correction) error
	// Corrections lists the corrections made at or after since (every
	// client's when clientID is empty), oldest first.
	Corrections(ctx context.Context, clientID string, since time.Time) ([]Correction, error)

	// AskCSAT stores the satisfaction question of a ticket; a ticket asked
	// already is ErrDuplicate (one question, one answer per ticket).
	AskCSAT(ctx context.Context, s *CSAT) error
	// CSAT reads a ticket's question and answer; ErrNotFound if never asked.
	CSAT(ctx context.Context, ticketID int64) (*CSAT, error)
	// PendingCSAT finds the newest question in a conversation (platform
	// and address) that at still takes a rating by message or a comment.
	PendingCSAT(ctx context.Context, where Conversation, at time.Time) (*CSAT, error)
	// RateCSAT records the rating once; false means it was rated already
	// and nothing changed. The comment is taken until commentUntil.
	RateCSAT(ctx context.Context, ticketID int64, rating int, by string, at, commentUntil time.Time) (bool, error)
	// CommentCSAT records the comment of a rated question whose comment
	// window is open at at; false means none was awaited.
	CommentCSAT(ctx context.Context, ticketID int64, comment string, at time.Time) (bool, error)
	// EndCSATPrompt stops a conversation's question from taking a rating
	// or comment by message from at on (the client wrote something else).
	EndCSATPrompt(ctx context.Context, ticketID int64, at time.Time) error
}
