package intent

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize folds a chat message to the form the lexicon is written in:
// lower case, no accents (ñ becomes n, as people without a Spanish keyboard
// type it), no Slack or WhatsApp markup, no emoji, letters repeated for
// emphasis collapsed ("URGENTEEE" → "urgente") and runs of punctuation
// reduced to one mark ("!!!" → "!"). Clause punctuation (. , ; : ? !) is
// kept because negation and scope stop at it. Hashtags keep their '#'.
// Invalid UTF-8 is treated as a separator.
func Normalize(text string) string {
	text = strings.ToValidUTF8(text, " ")
	text = stripSlack(text)
	if strings.IndexByte(text, '&') >= 0 {
		// Replace copies the text even when there is nothing to undo.
		text = slackEntities.Replace(text)
	}
	text = stripURLs(text)
	text = stripShortcodes(text)
	return fold(text)
}

// slackEntities undoes the three escapes Slack applies to message text.
var slackEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// stripSlack rewrites Slack's angle-bracket entities: a labelled link or
// channel becomes its label, while bare mentions, channels and URLs carry
// no words about the case and are dropped.
func stripSlack(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || strings.ContainsAny(s[i+1:i+j], "<\n") {
			// Not an entity: a literal '<' the client typed.
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		inner := s[i+1 : i+j]
		if k := strings.IndexByte(inner, '|'); k >= 0 {
			b.WriteString(" " + inner[k+1:] + " ")
		} else {
			b.WriteByte(' ')
		}
		s = s[i+j+1:]
	}
}

// stripURLs drops bare links; their paths and hosts are noise to the lexicon.
func stripURLs(s string) string {
	if !strings.Contains(s, "http") && !strings.Contains(s, "www.") {
		return s
	}
	fields := strings.Fields(s)
	for i, f := range fields {
		lf := strings.ToLower(f)
		if strings.HasPrefix(lf, "http://") || strings.HasPrefix(lf, "https://") || strings.HasPrefix(lf, "www.") {
			fields[i] = ""
		}
	}
	return strings.Join(fields, " ")
}

// stripShortcodes removes Slack emoji names such as :fire: or :+1:, which
// would otherwise read as words.
func stripShortcodes(s string) string {
	if strings.Count(s, ":") < 2 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == ':' {
			if n := shortcodeLen(s[i:]); n > 0 {
				b.WriteByte(' ')
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// shortcodeLen is the length of a ":name:" at the start of s, or 0. A name
// needs a letter (or is :+1: / :-1:) so that times like 10:30: are left alone.
func shortcodeLen(s string) int {
	letter := len(s) > 1 && (s[1] == '+' || s[1] == '-')
	for i := 1; i < len(s) && i < 64; i++ {
		c := s[i]
		switch {
		case c == ':':
			if letter && i > 1 {
				return i + 1
			}
			return 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9', c == '_', c == '+', c == '-':
		default:
			return 0
		}
	}
	return 0
}

// foldRune maps the accented Latin letters clients type (or don't) to their
// base letter. It is a table rather than Unicode decomposition because the
// module keeps to the standard library.
var foldRune = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u',
	'ñ': 'n', 'ç': 'c', 'ý': 'y', 'ÿ': 'y',
}

// Marks that end a clause; everything folds to one of these three.
const (
	markStop     = ','
	markQuestion = '?'
	markBang     = '!'
)

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// fold does the per-rune work of Normalize in one pass, then collapses
// repeated letters.
func fold(s string) string {
	var buf [512]rune // on the stack for a message of usual length
	out := buf[:0]
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
	prev := rune(-1)
	for i, r := range s {
		// The runes either side, as written, tell a decimal point from a
		// full stop and an apostrophe from a quote.
		before := prev
		prev = r
		if r == utf8.RuneError {
			sep()
			continue
		}
		if r < utf8.RuneSelf {
			// Most of a message is ASCII, which has no accent to fold: a
			// map lookup per letter was a tenth of Classify.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
			if f, ok := foldRune[r]; ok {
				r = f
			}
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit(r)
		case r == '#':
			// A hashtag keeps its '#', which is how explicit tags are told
			// from ordinary words.
			if unicode.IsLetter(runeAfter(s, i)) {
				sep()
				emit(r)
			} else {
				sep()
			}
		case isApostrophe(r):
			// "can't" → "cant": the lexicon spells contractions without one.
			if !(unicode.IsLetter(before) && unicode.IsLetter(runeAfter(s, i))) {
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
			if (r == '.' || r == ',' || r == ':') && unicode.IsDigit(before) && unicode.IsDigit(runeAfter(s, i)) {
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
	return collapseRepeats(out)
}

// runeAfter is the rune after the one at byte i of s, or -1 at the end,
// which is neither a letter nor a digit.
func runeAfter(s string, i int) rune {
	_, w := utf8.DecodeRuneInString(s[i:])
	if i+w >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i+w:])
	return r
}

func isMark(r rune) bool { return r == markStop || r == markQuestion || r == markBang }

// collapseRepeats squeezes three or more of the same letter to one:
// Spanish never triples a letter, so a run is emphasis ("todooo", "nooo").
// Doubles are left alone (ll, rr, cc, ee in "leer").
func collapseRepeats(rs []rune) string {
	var b strings.Builder
	b.Grow(len(rs))
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		if j-i >= 3 && unicode.IsLetter(rs[i]) {
			b.WriteRune(rs[i])
		} else {
			for _, r := range rs[i:j] {
				b.WriteRune(r)
			}
		}
		i = j
	}
	return b.String()
}
