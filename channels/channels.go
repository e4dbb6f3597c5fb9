// Package channels holds the bot's own message types: what arrives from Slack
// or WhatsApp after conversion, and the interfaces adapters implement. It
// knows nothing of any chat library, so the bot can be driven without one.
package channels

import (
	"context"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// Platform names where an inbound came from; it is the domain's own
// (ticketing.Platform), so an inbound's platform and a conversation's are
// one value and one set of constants.
type Platform = ticketing.Platform

const (
	Slack    = ticketing.PlatformSlack
	WhatsApp = ticketing.PlatformWhatsApp
)

// InboundKind says what sort of thing arrived.
type InboundKind string

const (
	// KindMessage is a message in a channel, a thread or a chat.
	KindMessage InboundKind = "message"
	// KindCommand is a slash command (/soporte …).
	KindCommand InboundKind = "command"
	// KindAction is a button press on one of the bot's messages.
	KindAction InboundKind = "action"
	// KindReaction is an emoji reaction added to a message.
	KindReaction InboundKind = "reaction"
	// KindEdit is a person's edit of a message they sent: MessageID is
	// the edited message's id and Text its new text.
	KindEdit InboundKind = "edit"
	// KindDelete is a person deleting (revoking) a message they sent:
	// MessageID is the deleted message's id.
	KindDelete InboundKind = "delete"
	// KindHomeOpened is a person opening the bot's Home tab: UserID is who,
	// and the bot owes them a fresh view (HomePublisher).
	KindHomeOpened InboundKind = "home_opened"
)

// Inbound is one event from a chat platform in the bot's own terms.
type Inbound struct {
	Platform Platform
	Kind     InboundKind
	// EventID identifies the delivery (Slack event_id, WhatsApp message id),
	// so a redelivery is recognised.
	EventID string
	// MessageID is the message's own id: Slack ts, WhatsApp message id.
	MessageID string
	// Channel is the Slack channel id; for WhatsApp, the sender's number.
	Channel string
	// ThreadTS is the Slack thread root when the message is a thread reply.
	ThreadTS string
	// UserID is the Slack user id, or the WhatsApp sender's E.164 number.
	UserID string
	// UserName is the display name the platform gave, if any.
	UserName string
	Text     string
	// Truncated reports that Text was cut to MaxTextChars, so the person
	// can be told to send the rest.
	Truncated bool
	// Media names a non-text attachment ("image", "audio", "document", …).
	Media string
	// Files are the message's attachments the platform can hand over.
	Files []ticketing.Attachment
	// Quote is the text of the earlier message a reply quotes, if any; it
	// is shown with the reply and routes nothing by itself.
	Quote string
	At    time.Time

	// Command is the slash command ("/soporte") and Text its arguments.
	Command     string
	ResponseURL string
	// ActionID and ActionValue identify a pressed button.
	ActionID    string
	ActionValue string
	// Reaction is the emoji name for KindReaction; ThreadTS is then the
	// reacted message's ts.
	Reaction string
}

// IsThreadReply reports whether a Slack message answers inside a thread.
func (in Inbound) IsThreadReply() bool {
	return in.ThreadTS != "" && in.ThreadTS != in.MessageID
}

// Reply is what a handler answers synchronously: the text Slack shows the
// user who typed a slash command or pressed a button. Everything else goes
// through the outbox.
type Reply struct {
	Text string
	// Public shows the reply to the whole channel instead of only the user.
	Public bool
}

// Handler receives converted inbounds. It must persist everything it needs
// before returning: the adapter acknowledges the platform only afterwards, so
// a returned error makes the platform deliver again.
type Handler interface {
	Handle(ctx context.Context, in Inbound) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, in Inbound) (Reply, error)

func (f HandlerFunc) Handle(ctx context.Context, in Inbound) (Reply, error) { return f(ctx, in) }

// Sender delivers one owed reply on its platform and returns the platform's
// id for what it posted (Slack ts, WhatsApp message id). The deliverer
// holds one per platform and hands each the items whose To.Platform it is.
type Sender interface {
	Send(ctx context.Context, item ticketing.OutboxItem) (ref string, err error)
}

// RateLimitError tells the outbox to wait before trying again.
type RateLimitError struct {
	RetryAfter time.Duration
	Err        error
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s: %v", e.RetryAfter, e.Err)
}

func (e *RateLimitError) Unwrap() error { return e.Err }

// PermanentError marks a delivery that will never succeed (channel archived,
// number not on WhatsApp); the outbox stops retrying it.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return "permanent: " + e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// ErrNotConnected means the platform link is down (or was never set up);
// the reply waits for it without counting toward giving up, since an outage
// says nothing about whether the reply itself can be delivered.
var ErrNotConnected = errors.New("channel not connected")

// Finder is a Sender that can tell whether an item was already delivered,
// for attempts a crash cut short: found reports the platform's ref of the
// earlier delivery, so it is recorded instead of sent twice.
type Finder interface {
	FindSent(ctx context.Context, item ticketing.OutboxItem) (ref string, found bool, err error)
}
