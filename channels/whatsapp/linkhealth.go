package whatsappchannel

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"
)

// WhatsApp unlinks a companion device whose phone stays offline for about
// 14 days. The bot nudges the phone at 10 and warns the desk at 12, while
// there is still time to switch the phone on.
const (
	KeepAliveAfter = 10 * 24 * time.Hour
	AlertAfter     = 12 * 24 * time.Hour
)

// LinkHealth follows when the bot's phone was last seen online and what
// the offline timeline owes: one keep-alive, then one alert, per stretch
// offline. Safe for concurrent use.
type LinkHealth struct {
	mu       sync.Mutex
	lastSeen time.Time
	// sighted is set once the phone was seen since the start; until then
	// lastSeen is the start, and a timeline kept from before may replace it.
	sighted   bool
	keptAlive bool
	alerted   bool
}

// NewLinkHealth starts the timeline at start: a bot that has just started
// knows nothing older, so it counts from then.
func NewLinkHealth(start time.Time) *LinkHealth { return &LinkHealth{lastSeen: start} }

// Seen records that the phone was online at at, which starts a new
// stretch.
func (h *LinkHealth) Seen(at time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if at.After(h.lastSeen) {
		h.lastSeen, h.keptAlive, h.alerted = at, false, false
	}
	h.sighted = true
}

// LastSeen is when the phone was last seen online.
func (h *LinkHealth) LastSeen() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lastSeen
}

// State is the timeline as it stands, to be kept across restarts.
func (h *LinkHealth) State() (lastSeen time.Time, keptAlive, alerted bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lastSeen, h.keptAlive, h.alerted
}

// Restore carries on a timeline kept from before a restart; a sighting
// since the start is newer and wins.
func (h *LinkHealth) Restore(lastSeen time.Time, keptAlive, alerted bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.sighted || lastSeen.IsZero() || lastSeen.After(h.lastSeen) {
		return
	}
	h.lastSeen, h.keptAlive, h.alerted = lastSeen, keptAlive, alerted
}

// Due says whether a keep-alive and whether an alert fall due at now; each
// is reported once per stretch offline.
func (h *LinkHealth) Due(now time.Time) (keepAlive, alert bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	offline := now.Sub(h.lastSeen)
	if offline >= KeepAliveAfter && !h.keptAlive {
		h.keptAlive, keepAlive = true, true
	}
	if offline >= AlertAfter && !h.alerted {
		h.alerted, alert = true, true
	}
	return keepAlive, alert
}

// phoneOnline reports whether evt came from the bot's own phone (the
// primary device, number 0), which proves the phone was online.
func phoneOnline(evt any) bool {
	switch e := evt.(type) {
	case *events.Message:
		return e.Info.IsFromMe && e.Info.Sender.Device == 0
	case *events.Receipt:
		return e.IsFromMe && e.Sender.Device == 0
	}
	return false
}

// ErrNoOwnNumber is SendKeepAlive's error before the device is paired.
var ErrNoOwnNumber = errors.New("whatsapp keep-alive: the bot's own number is not known (not paired)")

// ownJIDer is a Messenger that knows the bot's own number.
type ownJIDer interface{ OwnJID() types.JID }

var _ ownJIDer = clientMessenger{}

// OwnJID is the paired number, empty when not paired.
func (c clientMessenger) OwnJID() types.JID {
	if c.Store.ID == nil {
		return types.JID{}
	}
	return c.Store.ID.ToNonAD()
}

// keepAliveText is what the bot writes to its own chat ("message yourself").
const keepAliveText = "supportbot: mensaje para mantener vinculado este número. Abrí WhatsApp en este teléfono con conexión a internet."

// SendKeepAlive writes to the bot's own chat, which reaches the phone as a
// notification and asks whoever holds it to bring it online.
func (a *Adapter) SendKeepAlive(ctx context.Context) error {
	own, ok := a.msg.(ownJIDer)
	if !ok || own.OwnJID().IsEmpty() {
		return ErrNoOwnNumber
	}
	if _, err := a.msg.SendMessage(ctx, own.OwnJID(), &waE2E.Message{Conversation: proto.String(keepAliveText)}); err != nil {
		return fmt.Errorf("whatsapp keep-alive: %w", err)
	}
	return nil
}

// Health is the phone's offline timeline.
func (a *Adapter) Health() *LinkHealth { return a.health }
