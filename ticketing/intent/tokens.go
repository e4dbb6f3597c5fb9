package intent

import "strings"

// clause is a run of words between punctuation marks or contrast words.
// Patterns, negation and hypotheticals never reach across a clause:
// "no se cayó nada, solo una consulta" keeps its "no" on the left.
type clause struct {
	start, end int // token indexes into text.words
	question   bool
}

// text is a normalized message split for matching.
type text struct {
	words   []string
	clauses []clause
	tags    []tag // explicit tags, in order
	asked   bool  // some clause ends with '?'
	bang    bool  // some clause ends with '!'
}

// texting spells common words short; the lexicon spells them out.
var texting = map[string]string{
	"q": "que", "k": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque",
	"tb": "tambien", "tmb": "tambien", "tbn": "tambien", "xfa": "porfa", "komo": "como",
	"dnd": "donde", "pls": "please", "plz": "please",
}

// contrast words open a new clause, so a failure before "pero" and a
// reassurance after it are judged apart.
var contrast = map[string]bool{"pero": true, "but": true, "aunque": true, "although": true, "sino": true, "though": true}

func tokenize(norm string) text {
	var t text
	t.words = make([]string, 0, len(norm)/5+1)
	t.clauses = make([]clause, 0, 4) // most messages have a few: one allocation
	start := 0
	closeClause := func(q bool) {
		if len(t.words) > start {
			t.clauses = append(t.clauses, clause{start: start, end: len(t.words), question: q})
		} else if q && len(t.clauses) > 0 {
			t.clauses[len(t.clauses)-1].question = true
		}
		start = len(t.words)
	}
	for _, f := range strings.Fields(norm) {
		var m byte
		if n := len(f); n > 0 && (f[n-1] == markStop || f[n-1] == markQuestion || f[n-1] == markBang) {
			m = f[n-1]
			f = f[:n-1]
		}
		switch {
		case f == "":
		case f[0] == '#':
			if _, ok := tagWords[f[1:]]; ok {
				t.tags = append(t.tags, tag{word: f[1:], next: len(t.words)})
			} else {
				// An unknown hashtag (#ventas) is just a word.
				t.words = append(t.words, f[1:])
			}
		default:
			if full, ok := texting[f]; ok {
				f = full
			}
			if contrast[f] {
				closeClause(false)
			}
			t.words = append(t.words, f)
		}
		switch m {
		case markQuestion:
			t.asked = true
			closeClause(true)
		case markBang:
			t.bang = true
			closeClause(false)
		case markStop:
			closeClause(false)
		}
	}
	closeClause(false)
	return t
}
