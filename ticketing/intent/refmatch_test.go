package intent

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// This is the string matcher the lexicon was first matched with, kept as
// the reference the word-id matcher must agree with match for match
// (TestMatcherAgreesWithReference). It is slow on purpose: it compares
// every alternative's words as strings and scans every prefix cue for
// every word.

func (a alt) match(words []string, i int) bool {
	if i+len(a.words) > len(words) {
		return false
	}
	if a.suffix {
		return strings.HasSuffix(words[i], a.words[0]) && len(words[i]) > len(a.words[0])+1
	}
	last := len(a.words) - 1
	for k, w := range a.words {
		if k == last && a.prefix {
			if !strings.HasPrefix(words[i+k], w) {
				return false
			}
		} else if words[i+k] != w {
			return false
		}
	}
	return true
}

// matchAt reports the end of a match of slots[si:] starting at word i.
func (p *pattern) matchAt(words []string, i, si int) (int, bool) {
	if si == len(p.slots) {
		return i, true
	}
	s := &p.slots[si]
	switch {
	case s.gap > 0:
		for k := 0; k <= s.gap && i+k <= len(words); k++ {
			if e, ok := p.matchAt(words, i+k, si+1); ok {
				return e, true
			}
		}
		return 0, false
	case s.not:
		for _, a := range s.alts {
			if a.match(words, i) {
				return 0, false
			}
		}
		return p.matchAt(words, i, si+1)
	default:
		if s.number && i < len(words) && isNumber(words[i]) {
			if e, ok := p.matchAt(words, i+1, si+1); ok {
				return e, true
			}
		}
		for _, a := range s.alts {
			if a.match(words, i) {
				if e, ok := p.matchAt(words, i+len(a.words), si+1); ok {
					return e, true
				}
			}
		}
	}
	if s.optional {
		return p.matchAt(words, i, si+1)
	}
	return 0, false
}

// refIndex is the reference's index of the cues by their first slot.
type refIndex struct {
	c       *compiled
	byWord  map[string][]int
	byStart []refPrefixCue // single-word prefix first slots ("cay*")
	byNum   []int          // patterns starting with a number
}

type refPrefixCue struct {
	prefix string
	id     int
}

func newRefIndex(c *compiled) *refIndex {
	x := &refIndex{c: c, byWord: map[string][]int{}}
	for id := range c.cues {
		p := &c.cues[id].pat
		if p.slots[0].number {
			x.byNum = append(x.byNum, id)
		}
		seen := map[string]bool{}
		for _, a := range p.slots[0].alts {
			if len(a.words) == 1 && a.prefix {
				x.byStart = append(x.byStart, refPrefixCue{a.words[0], id})
				continue
			}
			if w := a.words[0]; !seen[w] {
				seen[w] = true
				x.byWord[w] = append(x.byWord[w], id)
			}
		}
	}
	return x
}

// find is find as it was: the same matches in the same order.
func (x *refIndex) find(t *text) []match {
	var ms []match
	for _, cl := range t.clauses {
		words := t.words[cl.start:cl.end]
		for i, w := range words {
			try := func(id int) {
				p := &x.c.cues[id].pat
				if p.initial && i >= initialWords {
					return
				}
				if e, ok := p.matchAt(words, i, 0); ok && e > i {
					ms = append(ms, match{id: id, start: cl.start + i, end: cl.start + e})
				}
			}
			for _, id := range x.byWord[w] {
				try(id)
			}
			for _, pc := range x.byStart {
				if strings.HasPrefix(w, pc.prefix) {
					try(pc.id)
				}
			}
			if isNumber(w) {
				for _, id := range x.byNum {
					try(id)
				}
			}
		}
	}
	return ms
}

// TestMatcherAgreesWithReference checks that the word-id matcher finds the
// same matches, in the same order, as the string matcher on every message
// of the corpus and of the held-out and dev sets, and on word salads drawn
// from the lexicon's own words, prefixes and endings, for both lexicons.
func TestMatcherAgreesWithReference(t *testing.T) {
	texts := matcherTexts(t)
	for _, lx := range []struct {
		name string
		c    *compiled
	}{{"lexicon", lexiconOnce()}, {"exclusions", exclusionsOnce().c}} {
		ref := newRefIndex(lx.c)
		found := 0
		for _, s := range texts {
			tk := tokenize(Normalize(truncate(s)))
			got, want := lx.c.find(&tk), ref.find(&tk)
			if !slices.Equal(got, want) {
				t.Fatalf("%s on %q:\ngot  %v\nwant %v", lx.name, s, got, want)
			}
			found += len(got)
		}
		if found < len(texts)/10 {
			t.Errorf("%s: only %d matches in %d texts: the comparison says little", lx.name, found, len(texts))
		}
	}
}

func matcherTexts(t *testing.T) []string {
	var texts []string
	for _, g := range []string{"corpus/*.jsonl", "testdata/*.jsonl"} {
		files, err := filepath.Glob(g)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v, %d files", g, err, len(files))
		}
		for _, f := range files {
			for _, ex := range loadSet(t, f) {
				texts = append(texts, ex.Text)
			}
		}
	}
	// Word salads reach the corners the corpus may not: prefixes as whole
	// words, endings alone ("ando"), numbers, clauses cut by commas.
	var pool []string
	for _, c := range []*compiled{lexiconOnce(), exclusionsOnce().c} {
		for w := range c.vocab.words {
			pool = append(pool, w)
		}
		for _, a := range c.vocab.affixes {
			pool = append(pool, a.s, a.s+"ado", "x"+a.s, "mar"+a.s)
		}
	}
	slices.Sort(pool) // map order must not change the salads
	pool = append(pool, "12", "3", "0800", ",", "?", "!", "pero")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		n := 1 + rng.IntN(30)
		ws := make([]string, n)
		for k := range ws {
			ws[k] = pool[rng.IntN(len(pool))]
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	return texts
}

// TestAlternativesKeepTheirOrder pins what the order of alternatives
// decides: when a one-word and a longer alternative both match, the first
// written is the one whose end is reported.
func TestAlternativesKeepTheirOrder(t *testing.T) {
	tests := []struct {
		pat, text string
		wantEnd   int // -1: no match at word 0
	}{
		{"x a|a+b", "x a b", 2},
		{"x a+b|a", "x a b", 3},
		{"x cay*|cayo+todo", "x cayo todo", 2},
		{"x cayo+todo|cay*", "x cayo todo", 3},
		{"x a+b|a c", "x a c", 3},
		{"x a|a+b c", "x a b c", 4},
		{"x a+b|a !c", "x a b c", 2}, // "a b" is followed by c: back to "a"
		{"x a+b|a !c", "x a c", -1},
		{"x a+b|a !c", "x a d", 2},
		{"x #n|dos+mil agentes", "x dos mil agentes", 4},
		{"x !a|b+c d", "x b c d", -1},
		{"x !a|b+c b d", "x b d", 3},
	}
	for _, tt := range tests {
		c, err := compile([]cueGroup{{catConsulta, 1, 0, []string{tt.pat}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		tk := tokenize(tt.text)
		got, want := c.find(&tk), newRefIndex(c).find(&tk)
		if !slices.Equal(got, want) {
			t.Errorf("%q on %q: got %v, reference %v", tt.pat, tt.text, got, want)
		}
		end := -1
		for _, m := range got {
			if m.start == 0 {
				end = m.end
			}
		}
		if end != tt.wantEnd {
			t.Errorf("%q on %q: ends at %d, want %d", tt.pat, tt.text, end, tt.wantEnd)
		}
	}
}
