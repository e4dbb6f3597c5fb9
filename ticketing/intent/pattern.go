package intent

import (
	"fmt"
	"strconv"
	"strings"
)

// The lexicon is written in a small pattern language over normalized words,
// so a cue reads like the phrase it stands for:
//
//	se cay* todo          words in order; "cay*" is a prefix
//	no esta *ando         "*ando" is a suffix (not as a pattern's first slot)
//	no ~2 funciona|anda   "~2" skips up to two words
//	el? sistema !de       "el?" is optional; "!de" means the next word is not "de"
//	contact+center        one alternative spanning two words
//	#n agentes            "#n" is any number; "#n|pocos" a number or a word
//	@falla                expands a named word list (see macros)
//	^what is              only within the first words of a clause
//
// Patterns never cross a clause, and every pattern starts with a mandatory
// word or number slot so it can be indexed by its first word.

type alt struct {
	words  []string
	prefix bool // the last word is a prefix
	suffix bool // a single word given by its ending ("*ando")
}

type slot struct {
	alts     []alt
	number   bool
	optional bool
	not      bool // zero-width: the next word must not match
	gap      int  // skip up to gap words; other fields unused
}

type pattern struct {
	src     string
	slots   []slot
	initial bool // "^": only near the start of a clause
}

func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// compilePattern parses src, expanding @macros. Lexicon mistakes are
// programming errors, so they are reported for New to panic on.
func compilePattern(src string, macros map[string]string) (pattern, error) {
	p := pattern{src: src}
	if strings.HasPrefix(src, "^") {
		p.initial = true
		src = src[1:]
	}
	for f := range strings.FieldsSeq(src) {
		var s slot
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 1 {
				return p, fmt.Errorf("pattern %q: bad gap %q", src, f)
			}
			s.gap = n
			p.slots = append(p.slots, s)
			continue
		}
		if strings.HasPrefix(f, "!") {
			s.not = true
			f = f[1:]
		}
		if strings.HasSuffix(f, "?") {
			s.optional = true
			f = strings.TrimSuffix(f, "?")
		}
		if f == "#n" {
			s.number = true
			p.slots = append(p.slots, s)
			continue
		}
		for _, a := range strings.Split(f, "|") {
			if strings.HasPrefix(a, "@") {
				body, ok := macros[a[1:]]
				if !ok {
					return p, fmt.Errorf("pattern %q: unknown macro %q", src, a)
				}
				for _, b := range strings.Split(body, "|") {
					s.alts = append(s.alts, parseAlt(b))
				}
				continue
			}
			if a == "" {
				return p, fmt.Errorf("pattern %q: empty alternative", src)
			}
			if a == "#n" {
				// "#n|pocos": a number or one of the words.
				s.number = true
				continue
			}
			s.alts = append(s.alts, parseAlt(a))
		}
		p.slots = append(p.slots, s)
	}
	if len(p.slots) == 0 {
		return p, fmt.Errorf("empty pattern")
	}
	if first := p.slots[0]; first.gap > 0 || first.optional || first.not {
		return p, fmt.Errorf("pattern %q: must start with a word or number slot", src)
	}
	return p, nil
}

func parseAlt(s string) alt {
	if len(s) > 1 && s[0] == '*' && !strings.Contains(s, "+") {
		return alt{words: []string{s[1:]}, suffix: true}
	}
	a := alt{words: strings.Split(s, "+")}
	if last := a.words[len(a.words)-1]; strings.HasSuffix(last, "*") {
		a.prefix = true
		a.words[len(a.words)-1] = strings.TrimSuffix(last, "*")
	}
	return a
}
