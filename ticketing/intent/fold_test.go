package intent

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestASCIIFoldsAsBefore checks fold's ASCII shortcut against the general
// path: every ASCII letter and digit comes out as unicode.ToLower has it,
// and no ASCII rune is in the accent table the shortcut skips.
func TestASCIIFoldsAsBefore(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if got, want := fold("x"+string(r)), "x"+string(unicode.ToLower(r)); got != want {
			t.Errorf("fold(%q) = %q, want %q", "x"+string(r), got, want)
		}
	}
	for r := range foldRune {
		if r < 0x80 {
			t.Errorf("%q is ASCII: the shortcut would not fold it", r)
		}
	}
}

// TestFoldAgreesWithReference checks fold against the rune-slice version it
// replaced (refFold below) on every message of the corpus and the labelled
// sets, and on random strings of the runes that take a special path.
func TestFoldAgreesWithReference(t *testing.T) {
	texts := matcherTexts(t)
	pieces := []string{"a", "B", "ñ", "Á", "é", "1", "9", "#", "'", "’", "‘", ".", ",", ":", ";", "?", "¿", "!", "¡",
		"\n", "(", ")", "…", " ", "  ", "*", "_", "~", "`", ">", "🔥", "\u200d", "\xff", "\uFFFD", "İ", "ẞ", "ooo", "AAAA", "x", "z"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := fold(s), refFold(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func refFold(s string) string {
	out := make([]rune, 0, len(s))
	space := true // at start or after a space: no leading blanks
	emit := func(r rune) {
		out = append(out, r)
		space = false
	}
	sep := func() {
		if !space {
			out = append(out, ' ')
			space = true
		}
	}
	mark := func(m rune) {
		// Trim the space before a mark and merge runs: "?!?" → "?".
		if n := len(out); n > 0 && out[n-1] == ' ' {
			out = out[:n-1]
		}
		if n := len(out); n > 0 && isMark(out[n-1]) {
			if m == markQuestion || (m == markBang && out[n-1] == markStop) {
				out[n-1] = m
			}
			out = append(out, ' ')
			space = true
			return
		}
		if len(out) == 0 {
			return // a message that starts with punctuation
		}
		out = append(out, m, ' ')
		space = true
	}
	runes := []rune(s)
	for i, r := range runes {
		if r == utf8.RuneError {
			sep()
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune[r]; ok {
			r = f
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit(r)
		case r == '#':
			// A hashtag keeps its '#', which is how explicit tags are told
			// from ordinary words.
			if i+1 < len(runes) && unicode.IsLetter(runes[i+1]) {
				sep()
				emit(r)
			} else {
				sep()
			}
		case isApostrophe(r):
			// "can't" → "cant": the lexicon spells contractions without one.
			if !(i > 0 && i+1 < len(runes) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1])) {
				sep()
			}
		case r == '?' || r == '¿':
			if r == '?' {
				mark(markQuestion)
			} else {
				sep()
			}
		case r == '!':
			mark(markBang)
		case r == '¡':
			sep()
		case r == '.' || r == ',' || r == ';' || r == ':' || r == '\n' || r == '(' || r == ')' || r == '…':
			// A decimal point, thousands separator or the colon of a time is
			// not a clause end.
			if (r == '.' || r == ',' || r == ':') && i > 0 && i+1 < len(runes) && unicode.IsDigit(runes[i-1]) && unicode.IsDigit(runes[i+1]) {
				continue
			}
			mark(markStop)
		default:
			// Markup (* _ ~ ` >), symbols, emoji and their joiners all separate words.
			sep()
		}
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(refCollapseRepeats(out))
}
func refCollapseRepeats(rs []rune) []rune {
	out := rs[:0]
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		if j-i >= 3 && unicode.IsLetter(rs[i]) {
			out = append(out, rs[i])
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return out
}
