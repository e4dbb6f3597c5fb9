package ticketing

import "time"

// WaitingOnClient reports whether a ticket in this status waits on the
// client: resolved and waiting for conformity, or waiting for information.
func (s Status) WaitingOnClient() bool {
	return s == StatusResuelto || s == StatusEsperandoCliente
}

// WaitStart is when the ticket's current wait on the client began: the
// latest of the moment it started waiting, its resolution and the client's
// last message, since each of them starts a new quiet period. Zero when the
// ticket does not wait on the client; UpdatedAt for a row that predates
// WaitingSince and has no other mark.
func (t *Ticket) WaitStart() time.Time {
	if !t.Status.WaitingOnClient() {
		return time.Time{}
	}
	start := t.WaitingSince
	for _, at := range []time.Time{t.ResolvedAt, t.LastClientMessageAt} {
		if at.After(start) {
			start = at
		}
	}
	if start.IsZero() {
		start = t.UpdatedAt
	}
	return start
}

// Auto-close defaults (seed): a ticket waiting on the client gets a notice
// after three days of silence and is closed two days after the notice.
const (
	DefaultNoticeAfter = 72 * time.Hour
	DefaultCloseAfter  = 48 * time.Hour
)
