package intent

import (
	"slices"
	"strings"
)

// The lexicon is matched on word ids rather than strings. Comparing each
// alternative's words as strings, looking each word up in a map of first
// words and testing every prefix cue against every word took two thirds
// of Classify. Now each word of a message is looked up once per lexicon:
// its id in the lexicon's vocabulary and the prefixes and endings it
// carries; alternatives then compare integers. The pattern language and
// the matches are the same (refmatch_test.go keeps the string matcher as
// the reference).

// idAlt is an alternative in word ids. An entry a >= 0 is an exact word;
// ^a is affix a, which the word there must carry: the prefix of "cay*"
// (last word only) or the ending of "*ando" (sole word).
type idAlt []int32

// idSlot is a slot with its alternatives in word ids; see slot.
type idSlot struct {
	alts []idAlt // in the lexicon's order, kept when some span several words
	// A slot of one-word alternatives only (most of them: a macro of a
	// hundred verbs is one slot) is matched by two bit tests instead of a
	// loop: every one-word alternative leads on from the same next word,
	// so which of them matched does not matter.
	multis   []idAlt  // the alternatives of several words, in order
	one      []uint64 // the exact one-word alternatives: bit id-64*oneFrom
	oneFrom  int32
	affixes  []uint64 // the one-word alternatives given by an affix
	number   bool
	optional bool
	not      bool
	gap      int
}

// affix is a prefix or an ending the lexicon uses.
type affix struct {
	s      string
	suffix bool
}

// vocabulary is what the words of a lexicon are compiled against.
type vocabulary struct {
	words    map[string]int32
	affixes  []affix
	affixID  map[affix]int32
	prefixes [256][]int32 // by the prefix's first byte
	suffixes [256][]int32 // by the ending's last byte
	empty    []int32      // the empty prefix, carried by every word
}

func newVocabulary() *vocabulary {
	return &vocabulary{words: map[string]int32{}, affixID: map[affix]int32{}}
}

func (v *vocabulary) word(w string) int32 {
	id, ok := v.words[w]
	if !ok {
		id = int32(len(v.words))
		v.words[w] = id
	}
	return id
}

func (v *vocabulary) affix(s string, suffix bool) int32 {
	key := affix{s, suffix}
	id, ok := v.affixID[key]
	if !ok {
		id = int32(len(v.affixes))
		v.affixes = append(v.affixes, key)
		v.affixID[key] = id
		switch {
		case suffix:
			v.suffixes[s[len(s)-1]] = append(v.suffixes[s[len(s)-1]], id)
		case s == "":
			v.empty = append(v.empty, id)
		default:
			v.prefixes[s[0]] = append(v.prefixes[s[0]], id)
		}
	}
	return id
}

// stride is the number of uint64 a word's affix set takes.
func (v *vocabulary) stride() int { return (len(v.affixes) + 63) / 64 }

func (v *vocabulary) compileSlots(slots []slot) []idSlot {
	out := make([]idSlot, len(slots))
	for si, s := range slots {
		o := idSlot{number: s.number, optional: s.optional, not: s.not, gap: s.gap}
		var exact []int32
		for _, a := range s.alts {
			ids := make(idAlt, len(a.words))
			for k, w := range a.words {
				switch {
				case a.suffix:
					ids[k] = ^v.affix(w, true)
				case a.prefix && k == len(a.words)-1:
					ids[k] = ^v.affix(w, false)
				default:
					ids[k] = v.word(w)
				}
			}
			o.alts = append(o.alts, ids)
			switch id := ids[0]; {
			case len(ids) > 1:
				o.multis = append(o.multis, ids)
			case id >= 0:
				exact = append(exact, id)
			default:
				o.affixes = setBit(o.affixes, ^id)
			}
		}
		if len(o.multis) == 0 {
			o.alts = nil // the bits say all there is to say
		}
		if len(exact) > 0 {
			// The set spans only the words' range of ids: a macro's words
			// were numbered together, so it stays a few words long.
			lo, hi := slices.Min(exact)>>6, slices.Max(exact)>>6
			o.oneFrom, o.one = lo, make([]uint64, hi-lo+1)
			for _, id := range exact {
				o.one[id>>6-lo] |= 1 << (id & 63)
			}
		}
		out[si] = o
	}
	return out
}

// setBit sets bit b of the set s, growing it as needed.
func setBit(s []uint64, b int32) []uint64 {
	for int(b>>6) >= len(s) {
		s = append(s, 0)
	}
	s[b>>6] |= 1 << (b & 63)
	return s
}

// words is a message's words as one lexicon sees them.
type words struct {
	s      []string
	ids    []int32  // -1: not in the vocabulary
	aff    []uint64 // stride bits per word: the affixes it carries
	stride int
}

// read looks every word of t up once. The buffers are reused when they
// are large enough, so a message of usual length allocates nothing.
func (v *vocabulary) read(ws []string, ids []int32, aff []uint64) words {
	st := v.stride()
	out := words{s: ws, stride: st}
	if cap(ids) >= len(ws) {
		out.ids = ids[:len(ws)]
	} else {
		out.ids = make([]int32, len(ws))
	}
	if n := len(ws) * st; cap(aff) >= n {
		out.aff = aff[:n]
		clear(out.aff)
	} else {
		out.aff = make([]uint64, n)
	}
	for j, w := range ws {
		id, ok := v.words[w]
		if !ok {
			id = -1
		}
		out.ids[j] = id
		if st == 0 || w == "" {
			continue
		}
		row := out.aff[j*st : j*st+st]
		for _, a := range v.empty {
			row[a>>6] |= 1 << (a & 63)
		}
		for _, a := range v.prefixes[w[0]] {
			if strings.HasPrefix(w, v.affixes[a].s) {
				row[a>>6] |= 1 << (a & 63)
			}
		}
		for _, a := range v.suffixes[w[len(w)-1]] {
			// The ending alone is not a word of that form: "ando" is not
			// a gerund, nor "ar" an infinitive.
			if s := v.affixes[a].s; len(w) > len(s)+1 && strings.HasSuffix(w, s) {
				row[a>>6] |= 1 << (a & 63)
			}
		}
	}
	return out
}

// sub is words[from:to], a clause.
func (w *words) sub(from, to int) words {
	return words{s: w.s[from:to], ids: w.ids[from:to], aff: w.aff[from*w.stride : to*w.stride], stride: w.stride}
}

func (w *words) has(j int, a int32) bool {
	return w.aff[j*w.stride+int(a>>6)]&(1<<(a&63)) != 0
}

// carriesAffix reports whether word j carries any affix at all.
func (w *words) carriesAffix(j int) bool {
	for _, b := range w.aff[j*w.stride : j*w.stride+w.stride] {
		if b != 0 {
			return true
		}
	}
	return false
}

// oneWord reports whether a one-word alternative of s matches word i.
func (w *words) oneWord(s *idSlot, i int) bool {
	if i >= len(w.ids) {
		return false
	}
	if id := w.ids[i]; id >= 0 {
		if k := int(id>>6 - s.oneFrom); k >= 0 && k < len(s.one) && s.one[k]&(1<<(id&63)) != 0 {
			return true
		}
	}
	if len(s.affixes) > 0 {
		row := w.aff[i*w.stride : i*w.stride+w.stride]
		for k, m := range s.affixes {
			if row[k]&m != 0 {
				return true
			}
		}
	}
	return false
}

func (w *words) alt(a idAlt, i int) bool {
	if i+len(a) > len(w.ids) {
		return false
	}
	for k, id := range a {
		if id >= 0 {
			if w.ids[i+k] != id {
				return false
			}
		} else if !w.has(i+k, ^id) {
			return false
		}
	}
	return true
}

// matchAt reports the end of a match of slots[si:] starting at word i.
func (w *words) matchAt(slots []idSlot, i, si int) (int, bool) {
	if si == len(slots) {
		return i, true
	}
	s := &slots[si]
	switch {
	case s.gap > 0:
		for k := 0; k <= s.gap && i+k <= len(w.ids); k++ {
			if e, ok := w.matchAt(slots, i+k, si+1); ok {
				return e, true
			}
		}
		return 0, false
	case s.not:
		if w.oneWord(s, i) {
			return 0, false
		}
		for _, a := range s.multis {
			if w.alt(a, i) {
				return 0, false
			}
		}
		return w.matchAt(slots, i, si+1)
	default:
		if s.number && i < len(w.ids) && isNumber(w.s[i]) {
			if e, ok := w.matchAt(slots, i+1, si+1); ok {
				return e, true
			}
		}
		if len(s.multis) == 0 {
			if w.oneWord(s, i) {
				if e, ok := w.matchAt(slots, i+1, si+1); ok {
					return e, true
				}
			}
			break
		}
		if !w.oneWord(s, i) {
			for _, a := range s.multis {
				if w.alt(a, i) {
					if e, ok := w.matchAt(slots, i+len(a), si+1); ok {
						return e, true
					}
				}
			}
			break
		}
		// A one-word and a longer alternative both match here: their order
		// decides which end is reported.
		for _, a := range s.alts {
			if w.alt(a, i) {
				if e, ok := w.matchAt(slots, i+len(a), si+1); ok {
					return e, true
				}
			}
		}
	}
	if s.optional {
		return w.matchAt(slots, i, si+1)
	}
	return 0, false
}
