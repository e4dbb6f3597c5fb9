package whatsappchannel

import (
	"fmt"
	"sync"
	"time"

	"go.mau.fi/whatsmeow/types/events"
)

// Status is the state of the bot's link to WhatsApp.
type Status string

const (
	StatusConnecting     Status = "connecting"
	StatusConnected      Status = "connected"
	StatusDisconnected   Status = "disconnected"
	StatusLoggedOut      Status = "logged_out"
	StatusStreamReplaced Status = "stream_replaced"
	StatusTemporaryBan   Status = "temporary_ban"
	StatusNotPaired      Status = "not_paired"
	StatusClientOutdated Status = "client_outdated"
)

// StatusFromEvent maps a whatsmeow connection event to a status and a
// human-readable detail; ok is false for events that say nothing about the
// connection.
func StatusFromEvent(evt any) (status Status, detail string, ok bool) {
	switch e := evt.(type) {
	case *events.Connected:
		return StatusConnected, "", true
	case *events.KeepAliveRestored:
		return StatusConnected, "keepalive restored", true
	case *events.Disconnected:
		return StatusDisconnected, "connection closed; reconnecting", true
	case *events.KeepAliveTimeout:
		return StatusDisconnected, fmt.Sprintf("keepalive failed %d times since %s", e.ErrorCount, e.LastSuccess.UTC().Format(time.RFC3339)), true
	case *events.LoggedOut:
		if e.OnConnect {
			return StatusLoggedOut, "unlinked (" + e.Reason.String() + "); run supportbot whatsapp pair", true
		}
		return StatusLoggedOut, "unlinked from the phone; run supportbot whatsapp pair", true
	case *events.StreamReplaced:
		return StatusStreamReplaced, "another process connected with this session; only one bot may use the store", true
	case *events.TemporaryBan:
		return StatusTemporaryBan, e.String(), true
	case *events.ConnectFailure:
		switch {
		case e.Reason.IsLoggedOut():
			return StatusLoggedOut, "connect failure " + e.Reason.String() + "; run supportbot whatsapp pair", true
		case e.Reason == events.ConnectFailureTempBanned:
			return StatusTemporaryBan, "connect failure " + e.Reason.String(), true
		}
		detail := "connect failure " + e.Reason.String()
		if e.Message != "" {
			detail += ": " + e.Message
		}
		return StatusDisconnected, detail, true
	case *events.ClientOutdated:
		return StatusClientOutdated, "WhatsApp rejects this client version; upgrade supportbot (its whatsmeow library)", true
	case *events.CATRefreshError:
		return StatusDisconnected, fmt.Sprintf("credential refresh failed: %v", e.Error), true
	}
	return "", "", false
}

// StatusTracker follows the link's status from whatsmeow events. whatsmeow
// dispatches connection events on their own goroutines, hence the mutex.
type StatusTracker struct {
	// OnLost is called, outside the tracker's lock, when whatsmeow reports a
	// disconnect it will not recover from by itself (logged out, session
	// taken over, banned, rejected): a person has to act, so the bot alerts
	// the service desk. Ordinary disconnects are not reported because
	// whatsmeow reconnects on its own. Set it before events flow.
	OnLost func(status Status, detail string)

	mu     sync.Mutex
	status Status
	detail string
}

// NewStatusTracker starts a tracker at the given status.
func NewStatusTracker(initial Status) *StatusTracker {
	return &StatusTracker{status: initial}
}

// Current is the latest status.
func (t *StatusTracker) Current() Status {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.status
}

// Detail explains the latest status, if there is anything to say.
func (t *StatusTracker) Detail() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.detail
}

// Linked reports whether messages can flow right now.
func (t *StatusTracker) Linked() bool { return t.Current() == StatusConnected }

// Observe updates the status from a whatsmeow event and reports whether the
// event was a connection event.
func (t *StatusTracker) Observe(evt any) bool {
	status, detail, ok := StatusFromEvent(evt)
	if !ok {
		return false
	}
	_, permanent := evt.(events.PermanentDisconnect)
	t.set(status, detail, permanent)
	return true
}

// Set records a status the adapter knows without an event (connecting,
// not paired, shut down); it never calls OnLost.
func (t *StatusTracker) Set(status Status, detail string) { t.set(status, detail, false) }

func (t *StatusTracker) set(status Status, detail string, lost bool) {
	t.mu.Lock()
	changed := t.status != status || t.detail != detail
	t.status, t.detail = status, detail
	onLost := t.OnLost
	t.mu.Unlock()
	// whatsmeow may repeat the same failure; one alert per change is enough.
	if lost && changed && onLost != nil {
		onLost(status, detail)
	}
}
