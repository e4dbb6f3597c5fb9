package intent

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

type cue struct {
	cat   category
	w     float64
	sev   severity
	pat   pattern
	slots []idSlot // pat in word ids
	// second is the slot the word after the first must match, when the
	// first slot is one word and the second is a plain one-word slot: most
	// cues tried on "no" or "la" fail right there, and checking it before
	// matching skips them cheaply.
	second    *idSlot
	negatable bool // false when the pattern itself starts with a negation
}

// compiled is the lexicon ready for matching, indexed by first word.
// It is built once and only read afterwards, so classifiers share it
// across goroutines.
type compiled struct {
	cues    []cue
	vocab   *vocabulary
	byWord  [][]int32  // by word id: patterns whose first slot starts with it
	byStart []startCue // single-word prefix first slots ("cay*"), in cue order
	byNum   []int32    // patterns starting with a number
}

type startCue struct {
	affix int32
	id    int32
}

var lexiconOnce = sync.OnceValue(func() *compiled {
	all := maps.Clone(macros)
	maps.Copy(all, impactMacros)
	c, err := compile(slices.Concat(lexicon, impactLexicon, impactScopeLexicon), all)
	if err != nil {
		panic("intent: " + err.Error())
	}
	for i := range c.cues {
		if c.cues[i].cat == catOperacion {
			// "No entra nada a nuestra única línea": the "no" denies the
			// calls, not that the line is the client's only one.
			c.cues[i].negatable = false
		}
	}
	return c
})

func compile(groups []cueGroup, macros map[string]string) (*compiled, error) {
	c := &compiled{vocab: newVocabulary()}
	for _, g := range groups {
		for _, src := range g.pats {
			p, err := compilePattern(src, macros)
			if err != nil {
				return nil, err
			}
			id := int32(len(c.cues))
			neg := true
			for _, a := range p.slots[0].alts {
				if negators[a.words[0]] {
					neg = false
				}
			}
			cu := cue{cat: g.cat, w: g.w, sev: g.sev, pat: p, slots: c.vocab.compileSlots(p.slots), negatable: neg}
			if s := cu.slots; len(s) > 1 && len(s[0].multis) == 0 && len(s[1].multis) == 0 && s[1].gap == 0 && !s[1].optional && !s[1].not {
				cu.second = &cu.slots[1]
			}
			c.cues = append(c.cues, cu)
			if p.slots[0].number {
				c.byNum = append(c.byNum, id)
			}
			seen := map[string]bool{}
			for _, a := range p.slots[0].alts {
				if a.suffix {
					return nil, fmt.Errorf("pattern %q: a suffix cannot start a pattern", src)
				}
				if len(a.words) == 1 && a.prefix {
					c.byStart = append(c.byStart, startCue{c.vocab.affix(a.words[0], false), id})
					continue
				}
				if w := a.words[0]; !seen[w] {
					seen[w] = true
					wid := c.vocab.word(w)
					for int(wid) >= len(c.byWord) {
						c.byWord = append(c.byWord, nil)
					}
					c.byWord[wid] = append(c.byWord[wid], id)
				}
			}
		}
	}
	return c, nil
}

// initialWords is how far into a clause a "^" pattern may start, leaving
// room for a greeting ("hi, how do I…", "ok so what is…").
const initialWords = 3

// match is one cue found in a message, with what qualifies it.
type match struct {
	id         int
	start, end int // word indexes
	eff        float64
	why        string // "" or how it was qualified: negado, hipotetico, resuelto, pasado, pregunta, afirmacion
}

// find lists the cues found in t: for each word in order, the patterns
// starting with it, then those starting with a prefix it carries, then
// those starting with a number.
func (c *compiled) find(t *text) []match {
	var idBuf [128]int32
	var affBuf [128]uint64
	all := c.vocab.read(t.words, idBuf[:0], affBuf[:0])
	var ms []match
	for _, cl := range t.clauses {
		w := all.sub(cl.start, cl.end)
		for i := range w.ids {
			if id := w.ids[i]; id >= 0 && int(id) < len(c.byWord) {
				for _, ci := range c.byWord[id] {
					ms = c.try(&w, ci, i, cl.start, ms)
				}
			}
			if len(c.byStart) > 0 && w.carriesAffix(i) {
				for _, sc := range c.byStart {
					if w.has(i, sc.affix) {
						ms = c.try(&w, sc.id, i, cl.start, ms)
					}
				}
			}
			if isNumber(w.s[i]) {
				for _, ci := range c.byNum {
					ms = c.try(&w, ci, i, cl.start, ms)
				}
			}
		}
	}
	return ms
}

// try matches cue ci at word i of the clause w, which starts at word off
// of the message.
func (c *compiled) try(w *words, ci int32, i, off int, ms []match) []match {
	cu := &c.cues[ci]
	if cu.pat.initial && i >= initialWords {
		return ms
	}
	if s := cu.second; s != nil && !w.oneWord(s, i+1) && !(s.number && i+1 < len(w.s) && isNumber(w.s[i+1])) {
		return ms
	}
	if e, ok := w.matchAt(cu.slots, i, 0); ok && e > i {
		if ms == nil {
			ms = make([]match, 0, 8) // what most messages need, in one allocation
		}
		ms = append(ms, match{id: int(ci), start: off + i, end: off + e})
	}
	return ms
}

// accept keeps each cue once, and drops a cue found inside a stronger one
// of the same category: "no podemos llamar ni recibir" is one critical cue,
// not also "no podemos llamar". Cues that only overlap both count, since
// each adds something ("necesitamos integrar" + "integrar… con nuestro ERP").
func (c *compiled) accept(ms []match) []match {
	slices.SortStableFunc(ms, func(a, b match) int {
		if d := cmp.Compare(b.eff, a.eff); d != 0 {
			return d
		}
		if d := cmp.Compare(b.end-b.start, a.end-a.start); d != 0 {
			return d // the longer phrase first, so a part of it is dropped
		}
		return cmp.Compare(a.start, b.start)
	})
	out := ms[:0]
	used := map[int]bool{}
	for _, m := range ms {
		if used[m.id] {
			continue
		}
		cat := c.cues[m.id].cat
		inside := false
		for _, o := range out {
			if c.cues[o.id].cat == cat && o.start <= m.start && m.end <= o.end {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		used[m.id] = true
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b match) int { return cmp.Compare(a.start, b.start) })
	return out
}

// label is how a cue appears in Result.Cues: its meaning and the words.
func (c *compiled) label(t *text, m match) string {
	// Built in one piece: every cue of every message is labelled.
	name, words := catNames[c.cues[m.id].cat], t.words[m.start:m.end]
	n := len(name) + 1 + len(m.why) + 2
	for _, w := range words {
		n += len(w) + 1
	}
	var b strings.Builder
	b.Grow(n)
	if m.why != "" {
		b.WriteString(m.why)
		b.WriteByte('(')
	}
	b.WriteString(name)
	b.WriteByte(':')
	for k, w := range words {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if m.why != "" {
		b.WriteByte(')')
	}
	return b.String()
}
