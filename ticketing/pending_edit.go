package ticketing

import "time"

// PendingEdit is a person's edit or deletion of a message the store does
// not hold yet: a platform may redeliver a message after its edit. It is
// kept for a while and applied when the message comes.
type PendingEdit struct {
	ID         int64
	ExternalID string
	AuthorID   string
	Text       string
	Deleted    bool
	// At is when the person edited (the platform's own stamp), which
	// orders edits; ReceivedAt is when the bot got it, which ages it.
	At, ReceivedAt time.Time
}

// Bounds of the edits held for messages not stored yet: after a day the
// message is not coming, and a flood of edits of unknown messages keeps
// only the newest.
const (
	PendingEditTTL  = 24 * time.Hour
	MaxPendingEdits = 1000
)
