package ticketing

// Platform is a chat platform the bot talks on. Its value is stored (ticket
// sources, conversations, outbox items), so a constant never changes.
//
// These are the only places the domain names a platform: everything else
// speaks of conversations, and each platform's adapter (package channels/…)
// turns them into its own calls and markup.
type Platform string

const (
	PlatformSlack    Platform = "slack"
	PlatformWhatsApp Platform = "whatsapp"
)

// Label is the platform's name as people write it, for texts that say
// where something was sent.
func (p Platform) Label() string {
	switch p {
	case PlatformSlack:
		return "Slack"
	case PlatformWhatsApp:
		return "WhatsApp"
	}
	return string(p)
}

// A ticket opened on a platform has that platform as its Source; the values
// are the platforms' own, defined once above.
const (
	SourceSlack    = Source(PlatformSlack)
	SourceWhatsApp = Source(PlatformWhatsApp)
)

// Conversation is where messages appear, as the platform addresses it: a
// channel and, inside it, a thread; a chat with a phone number; a person
// for direct messages. The domain keeps it as an opaque value and never
// reads Address or Thread for meaning: only the platform's adapter does.
type Conversation struct {
	Platform Platform
	// Address is the channel, number or person on the platform.
	Address string
	// Thread is the root of a thread inside Address; empty for the top
	// level, and on platforms without threads.
	Thread string
}

// IsZero reports whether c names no conversation at all.
func (c Conversation) IsZero() bool { return c.Address == "" }

// TopLevel is c outside any thread.
func (c Conversation) TopLevel() Conversation { c.Thread = ""; return c }
