package ticketing

import (
	"slices"
	"time"
)

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

// ApplyEdit records the author's edit of m made at at. Edits count in the
// order they were made: a later one becomes the text, and one made before
// the last edit (delivered late) only takes its place in the history,
// between the text it replaced and the one that replaced it.
func (m *Message) ApplyEdit(text string, at time.Time) {
	if !at.Before(m.EditedAt) {
		m.Revisions = append(m.Revisions, MessageRevision{Text: m.Text, At: at})
		m.Text, m.EditedAt = text, at
		return
	}
	for i, r := range m.Revisions {
		if r.At.After(at) {
			m.Revisions[i].At = at
			m.Revisions = slices.Insert(m.Revisions, i+1, MessageRevision{Text: text, At: r.At})
			return
		}
	}
	m.Revisions = append(m.Revisions, MessageRevision{Text: text, At: m.EditedAt})
}
