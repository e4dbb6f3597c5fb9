package ticketing

import "time"

// Burst is what the router remembers of one person's recent top-level
// messages in one conversation: messages close together are one case, so
// a greeting, the problem and a detail open one ticket. It lives in the
// store, so a restart in the middle of a burst loses nothing.
type Burst struct {
	// Key names the person and the conversation (the router builds it).
	Key      string
	ClientID string
	// TicketID is the case the burst opened; zero while it holds only
	// messages that open nothing (a greeting, thanks).
	TicketID int64
	// Where is the conversation a lone greeting is answered in.
	Where Conversation
	// LastAt is when the person's latest message of the burst arrived; the
	// next one within the window joins it.
	LastAt time.Time
	// Pending are the messages that opened nothing yet, oldest first, with
	// no ticket: they join the case a later message opens.
	Pending []Message
	// AnswerAt is when a burst of pending messages only is answered
	// ("¿En qué te podemos ayudar?"); zero when nothing is owed.
	AnswerAt time.Time
}

// MessageRevision is a text a message had before its author edited it.
type MessageRevision struct {
	Text string
	// At is when the text was replaced.
	At time.Time
}
