package bot

import (
	"slices"
	"strings"
	"unicode"

	"supportbot/ticketing"
)

// auditDetail is what an audit line says of a client's message: where it
// came from, the message's id and the names of the classifier's cues. The
// audit log outlives an erased person's messages and reaches reports, so
// it keeps the action and ids, never the client's words.
func auditDetail(platform ticketing.Platform, externalID string, cues []string) string {
	var parts []string
	if platform != "" {
		parts = append(parts, string(platform))
	}
	if externalID != "" {
		parts = append(parts, "msg="+externalID)
	}
	if names := cueNames(cues); len(names) > 0 {
		parts = append(parts, "cues=["+strings.Join(names, " ")+"]")
	}
	return strings.Join(parts, " ")
}

// cueNames keeps each cue's name, once. A cue reads "name:words" or
// "why(name:words)", and the words are the client's ("falla:no entran
// llamadas"); a cue that is not a name before its words is dropped whole,
// as it may be nothing but words.
func cueNames(cues []string) []string {
	var out []string
	for _, c := range cues {
		name, _, _ := strings.Cut(c, ":")
		if name == "" || strings.ContainsFunc(name, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '('
		}) {
			continue
		}
		if strings.Contains(name, "(") {
			name += ")"
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
