package ticketing

import "time"

// CSAT ratings run from 1 (bad) to 5 (excellent); CSATSatisfied and above
// count as satisfied, the usual definition of a CSAT score.
const (
	CSATMin       = 1
	CSATMax       = 5
	CSATSatisfied = 4
)

// CSAT is the satisfaction question of one closed ticket and the client's
// answer. It is stored when asked, so a rating by message (a chat without
// buttons) finds its ticket, and a second answer finds the first.
type CSAT struct {
	TicketID int64
	ClientID string
	// Where is the client's conversation the question went to.
	Where   Conversation
	AskedAt time.Time
	// OpenUntil is until when a bare number sent in Where is the rating.
	OpenUntil time.Time
	// Rating is 0 until answered; RatedBy is who answered.
	Rating  int
	RatedBy string
	RatedAt time.Time
	// CommentUntil is until when the client's next message in Where is
	// the comment; zero once a comment was stored or the window ended.
	CommentUntil time.Time
	Comment      string
	CommentedAt  time.Time
}

// Rated reports whether the client answered.
func (c *CSAT) Rated() bool { return c.Rating >= CSATMin }

// ValidRating reports whether n is a rating on the scale.
func ValidRating(n int) bool { return n >= CSATMin && n <= CSATMax }
