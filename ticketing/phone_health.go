package ticketing

import "time"

// PhoneHealth is the bot's own phone's offline timeline as stored: when it
// was last seen online, and whether this stretch offline already had its
// keep-alive and its desk alert. Kept so a restart counts on from it.
type PhoneHealth struct {
	LastSeen           time.Time
	KeptAlive, Alerted bool
}
