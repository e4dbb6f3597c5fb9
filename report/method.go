package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// method says how the figures are computed, in the text and on the page:
// a reader comparing with another tool needs to know which median and
// which rounding.
func method(w words) []string {
	out := make([]string, 6)
	for i := range out {
		out[i] = w.say(fmt.Sprintf("report.method.%d", i+1))
	}
	return out
}

// wrap breaks s into lines of at most width runes at spaces; a word longer
// than the width gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// plain makes client-written text safe for a terminal: control characters
// (escape sequences, carriage returns) become spaces.
func plain(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, s)), " ")
}
