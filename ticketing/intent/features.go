package intent

// The statistical model sees a message as a bag of hashed features: the
// words, the word pairs within a clause, the character n-grams of each word
// (so "funcoina" and "funciona" share most of theirs, and "caido" reaches
// "caidos"), and what the lexicon made of the message. The lexicon's cues
// carry its negation, hypotheticals and scope; the n-grams carry whatever
// the word lists never spelled.

// featureBits sizes the hashed feature space. 2^18 buckets keep collisions
// rare for a corpus of a few thousand messages and the weights of both
// heads near 8 MB.
const featureBits = 18

const featureMask = 1<<featureBits - 1

// featureVersion changes whenever features are extracted differently, so a
// model file trained on other features is refused rather than misread.
const featureVersion = 2

// maxFeatureWords bounds the words a message contributes. The start of a
// message says what it is about; a pasted log after it only adds cost.
const maxFeatureWords = 120

// fnv-1a, inlined so that building a feature allocates nothing.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

type hasher uint32

func newHash(kind byte) hasher { return hasher(fnvOffset^uint32(kind)) * fnvPrime }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return h
}

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * fnvPrime }

func (h hasher) bucket() int32 { return int32(uint32(h) & featureMask) }

// Feature families, each hashed under its own leading byte.
const (
	fWord    = 'w'
	fPair    = 'p'
	fChar    = 'c'
	fCue     = 'l' // a lexicon cue's meaning, with its qualifier
	fLexical = 'k' // the lexicon's own decision and scope flags
	fShape   = 's' // question, length
	fBias    = 'b'
)

// vector hashes the features of t and of the lexicon's analysis a.
// Duplicates are kept: a word said twice counts twice.
func (a *analysis) vector(t *text, lex *compiled) vector {
	dst := make([]int32, 0, 16*min(len(t.words), maxFeatureWords)+32)
	n := 0
	for _, cl := range t.clauses {
		words := t.words[cl.start:cl.end]
		for i, w := range words {
			if n >= maxFeatureWords {
				break
			}
			n++
			dst = append(dst, newHash(fWord).str(w).bucket())
			if i+1 < len(words) {
				dst = append(dst, newHash(fPair).str(w).byte(' ').str(words[i+1]).bucket())
			}
			dst = charGrams(dst, w)
		}
	}
	nText := len(dst)
	dst = append(dst, newHash(fBias).bucket())
	for _, m := range a.ms {
		cu := &lex.cues[m.id]
		h := newHash(fCue).str(catNames[cu.cat])
		if m.why != "" {
			h = h.byte('/').str(m.why)
		}
		dst = append(dst, h.bucket())
	}
	lk := a.decide()
	dst = append(dst, newHash(fLexical).str("kind:").str(string(lk.Kind)).bucket())
	if lk.Kind.IsIncident() {
		dst = append(dst, newHash(fLexical).str("prio:").str(string(lk.Priority)).bucket())
	}
	crit := min(int(a.crit*2), 6) // half-point steps up to 3
	dst = append(dst, newHash(fLexical).str("crit:").byte(byte('0'+crit)).bucket())
	for _, f := range [...]struct {
		on   bool
		name string
	}{
		{a.partial, "partial"}, {a.everyone, "everyone"}, {a.group, "group"}, {a.individual, "individual"},
		{a.cos, "cosmetic"}, {a.cosWeak, "cosmetic_weak"}, {a.leve, "minor"}, {a.hi == sevAlta, "sev_alta"},
		{a.effect, "effect"}, {a.hardEffect, "effect_hard"}, {a.operation, "scope_operation"}, {a.deskBusy, "desk_busy"},
		{a.workaround, "workaround"}, {a.impact, "impact_critical"},
	} {
		if f.on {
			dst = append(dst, newHash(fLexical).str(f.name).bucket())
		}
	}
	if t.asked {
		dst = append(dst, newHash(fShape).str("asked").bucket())
	}
	if t.bang {
		dst = append(dst, newHash(fShape).str("bang").bucket())
	}
	switch {
	case len(t.words) <= 4:
		dst = append(dst, newHash(fShape).str("len:short").bucket())
	case len(t.words) >= 40:
		dst = append(dst, newHash(fShape).str("len:long").bucket())
	}
	return vector{idx: dst, nText: nText}
}

// charGrams adds the 3- and 4-character grams of w with its boundaries
// marked, so a prefix and a suffix are told from the middle of a word.
func charGrams(dst []int32, w string) []int32 {
	if len(w) > 24 {
		return dst // a code, a number or a pasted token: no spelling to share
	}
	const edge = '_'
	at := func(i int) byte {
		if i < 0 || i >= len(w) {
			return edge
		}
		return w[i]
	}
	for size := 3; size <= 4; size++ {
		for i := -1; i+size-1 <= len(w); i++ {
			h := newHash(fChar).byte(byte('0' + size))
			for j := i; j < i+size; j++ {
				h = h.byte(at(j))
			}
			dst = append(dst, h.bucket())
		}
	}
	return dst
}
