package ticketing

import "time"

// CriticalQuestionTimeout is how long a doubtful critical waits for the
// client's yes or no before the bot treats it as critical: missing a real
// outage costs more than a phone call.
const CriticalQuestionTimeout = 5 * time.Minute

// Outcomes of a critical question, as stored.
const (
	QuestionYes      = "si"
	QuestionNo       = "no"
	QuestionTimedOut = "sin_respuesta"
	// QuestionRefused is a certain critical sent to the phone: held as a
	// settled question so the desk can still say it was not critical.
	QuestionRefused = "rechazado"
)

// CriticalQuestion is a client's first message that may be a critical
// incident, held while the bot asks "¿Está detenida toda la operación?".
// It is stored so a restart neither loses the message nor forgets to treat
// it as critical when nobody answers.
type CriticalQuestion struct {
	ID       int64
	ClientID string
	// Author is the client's id where they wrote; AuthorName their name.
	Author, AuthorName string
	// Where is the conversation the client wrote in, Desk where staff work.
	Where, Desk Conversation
	Text, Media string
	// Files came with the message; they reach the ticket it may open.
	Files      []Attachment
	ExternalID string
	// ReceivedAt is when the client wrote: a "no" ticket's deadline counts
	// from it. AskedAt is when the question was queued.
	ReceivedAt, AskedAt time.Time
	// Kind and Priority are the classifier's reading for a "no".
	Kind       Kind
	Priority   Priority
	Confidence float64
	Cues       []string
	// SettledAt and Outcome are zero until answered or timed out.
	SettledAt time.Time
	Outcome   string
}

// CorrectionSource says who corrected the bot's reading of a message.
type CorrectionSource string

// Sources of a correction, as stored.
const (
	CorrectionKind     CorrectionSource = "tipo"      // /soporte tipo
	CorrectionPriority CorrectionSource = "prioridad" // /soporte prioridad
	CorrectionChoice   CorrectionSource = "cliente"   // the client picked a kind
	// The desk said a message sent to the phone was not critical, or took
	// as critical (/soporte critico #N) one filed as an ordinary ticket.
	CorrectionNotCritical CorrectionSource = "no_critico"
	CorrectionCritical    CorrectionSource = "critico"
)

// Correction is a labelled example the desk made by correcting the bot:
// the client's original text with the kind and priority it should have had.
type Correction struct {
	ID       int64
	ClientID string
	TicketID int64
	Text     string
	Kind     Kind
	Priority Priority
	Source   CorrectionSource
	By       string
	At       time.Time
}
