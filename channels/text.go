package channels

import (
	"strings"
	"unicode/utf8"
)

// MaxTextChars is the longest text kept from one inbound message, in
// characters: Slack's own limit for a message, so what a person could send
// on Slack arrives whole, and one message's row in the store stays bounded.
const MaxTextChars = 40_000

// CleanText repairs invalid UTF-8 and cuts s to at most max characters, never
// inside one, so a hostile or broken payload is stored rather than refused.
// cut reports whether anything was dropped, for the sender to be told.
func CleanText(s string, max int) (text string, cut bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= max { // no more bytes than max, so no more characters
		return s, false
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i], true
		}
		n++
	}
	return s, false
}
