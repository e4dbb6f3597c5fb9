package intent

// A cue's words are not enough: "no se cayó", "si se cae", "se cayó pero ya
// anda" and "¿cómo reporto una caída?" all contain "se cayó"/"caída" and
// none reports an outage. This file decides how much each match counts.

// negators turn the failure that follows into its absence. English
// negative auxiliaries (can't, won't, doesn't) are left out: they negate
// their own verb, which the lexicon already spells as a failure.
var negators = map[string]bool{
	"no": true, "nunca": true, "ni": true, "tampoco": true, "jamas": true, "sin": true,
	"ningun": true, "ninguna": true, "ninguno": true, "nada": true,
	"not": true, "never": true, "without": true, "nothing": true, "none": true, "noone": true,
	"isnt": true, "arent": true, "wasnt": true, "werent": true, "nadie": true,
}

// conjunctions start a new predicate that an earlier negator does not reach.
var conjunctions = map[string]bool{
	"y": true, "e": true, "o": true, "u": true, "que": true, "porque": true, "ademas": true,
	"and": true, "or": true, "because": true, "so": true,
}

// transparent words may stand between a negator and what it negates.
var transparent = map[string]bool{
	"se": true, "me": true, "te": true, "le": true, "les": true, "nos": true, "lo": true, "la": true,
	"los": true, "las": true, "ha": true, "han": true, "hay": true, "habia": true, "hubo": true,
	"es": true, "esta": true, "estan": true, "fue": true, "un": true, "una": true, "el": true,
	"ya": true, "is": true, "are": true, "was": true, "there": true, "any": true, "a": true, "the": true,
	"tenemos": true, "tengo": true, "tiene": true, "tienen": true, "have": true, "has": true,
}

// qualify sets each match's effective weight: negated failures count for
// nothing, failures in a hypothetical ("si se cae…"), in a how-to question
// ("¿cómo reporto una caída?") or before "ya anda" count for little.
func (c *compiled) qualify(t *text, ms []match) {
	// On the stack for a message of usual length: this runs per message.
	var clauseBuf [128]int32
	var hypoBuf [16]int
	clauseOf, hypoFrom := clauseBuf[:], hypoBuf[:]
	if len(t.words) > len(clauseOf) {
		clauseOf = make([]int32, len(t.words))
	}
	if len(t.clauses) > len(hypoFrom) {
		hypoFrom = make([]int, len(t.clauses))
	}
	for ci, cl := range t.clauses {
		for i := cl.start; i < cl.end; i++ {
			clauseOf[i] = int32(ci)
		}
		hypoFrom[ci] = hypothetical(t.words[cl.start:cl.end]) + cl.start
		if w := t.words[cl.start]; (w == "cuando" || w == "when") && asksNext(t, ci) {
			// "Cuando se cae la llamada, ¿el discador vuelve a marcar?" asks how
			// the system behaves; it reports nothing.
			hypoFrom[ci] = cl.start
		}
	}
	negated := func(m *match) bool {
		cu := &c.cues[m.id]
		if !cu.negatable {
			return false
		}
		cl := t.clauses[clauseOf[m.start]]
		// A negator right before the cue, or two before it ("no se cayó",
		// "no hay problemas"); three before only across small words ("no
		// se ha caído", "no hay ningún error").
		at := func(d int) string {
			if i := m.start - d; i >= cl.start {
				return t.words[i]
			}
			return ""
		}
		if negators[at(1)] {
			return true
		}
		if conjunctions[at(1)] {
			// "no marca nada y estamos todos parados": a new predicate.
			return false
		}
		return negators[at(2)] || (negators[at(3)] && transparent[at(1)] && transparent[at(2)])
	}
	resolvedBefore := -1
	for i := range ms {
		m := &ms[i]
		cu := &c.cues[m.id]
		m.eff = cu.w
		if negated(m) {
			m.eff, m.why = 0, "negado"
			continue
		}
		if cu.cat == catResuelto && m.start > resolvedBefore {
			resolvedBefore = m.start
		}
	}
	for i := range ms {
		m := &ms[i]
		cu := &c.cues[m.id]
		if m.why != "" {
			continue
		}
		ci := clauseOf[m.start]
		if cu.cat == catConsultaQ && !t.clauses[ci].question {
			// "se puede seguir operando" states; "¿se puede…?" asks.
			m.eff, m.why = cu.w*0.3, "afirmacion"
			continue
		}
		if !cu.cat.isFailure() {
			continue
		}
		switch {
		case afterEvent(t.words, t.clauses[ci].start, m.start):
			m.eff, m.why = cu.w*0.15, "pasado"
		case m.start >= hypoFrom[ci]:
			m.eff, m.why = cu.w*0.15, "hipotetico"
		case m.start < resolvedBefore:
			m.eff, m.why = cu.w*0.15, "resuelto"
		case howTo(t, t.clauses[ci]):
			m.eff, m.why = cu.w*0.4, "pregunta"
		}
	}
}

// afterEvent reports whether the words just before i make the failure a
// past event used as a time reference: "después del corte de luz",
// "after the outage".
func afterEvent(words []string, from, i int) bool {
	for d := 1; d <= 3 && i-d >= from; d++ {
		switch words[i-d] {
		case "despues", "luego", "after":
			return true
		case "de", "del", "la", "el", "los", "las", "the", "that":
		default:
			return false
		}
	}
	return false
}

// hypothetical is the index in words where a conditional starts ("si se
// cae…", "en caso de…", "if the dialer goes down"), or len(words).
func hypothetical(words []string) int {
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "si", "if", "whether", "supongamos", "suponiendo", "imaginemos":
			if next != "" {
				return i
			}
		case "caso", "case":
			if i > 0 && (words[i-1] == "en" || words[i-1] == "in") {
				return i - 1
			}
		case "ante":
			if next == "un" || next == "una" || next == "cualquier" || next == "caidas" || next == "fallas" {
				return i
			}
		case "va", "van":
			if next == "a" && i+2 < len(words) {
				return i
			}
		}
	}
	return len(words)
}

// asksNext reports whether clause ci or the one after it is a question
// that is not a request to fix something ("¿pueden revisar?").
func asksNext(t *text, ci int) bool {
	for j := ci; j < len(t.clauses) && j <= ci+1; j++ {
		cl := t.clauses[j]
		if !cl.question {
			continue
		}
		for _, w := range t.words[cl.start:cl.end] {
			if fixWords[w] {
				return false
			}
		}
		return true
	}
	return false
}

var fixWords = map[string]bool{
	"revisar": true, "revisen": true, "solucionar": true, "solucionen": true, "arreglar": true, "arreglen": true,
	"chequear": true, "chequeen": true, "fijarse": true, "fijense": true, "ayudar": true, "ayudarnos": true,
	"check": true, "fix": true, "help": true,
}

var whWords = map[string]bool{
	"como": true, "donde": true, "cual": true, "cuales": true, "cuando": true, "quien": true, "quienes": true,
	"cuanto": true, "cuanta": true, "cuantos": true, "cuantas": true,
	"how": true, "where": true, "which": true, "what": true, "whats": true, "who": true, "when": true,
}

var whQue = map[string]bool{"significa": true, "se": true, "es": true, "son": true, "hago": true, "hacemos": true, "incluye": true, "diferencia": true, "hay": true}

// howTo reports whether a clause is a wh-question near its start: a
// failure mentioned there is what the client asks about, not what they
// are suffering. "¿Cómo puede ser que…?" is a complaint, not a question.
func howTo(t *text, cl clause) bool {
	if !cl.question {
		return false
	}
	words := t.words[cl.start:cl.end]
	for i := 0; i < len(words) && i < 3; i++ {
		w := words[i]
		if whWords[w] {
			if w == "como" && i+2 < len(words) && words[i+1] == "puede" && words[i+2] == "ser" {
				return false
			}
			if w == "how" && i+1 < len(words) && words[i+1] == "come" {
				return false
			}
			return true
		}
		if w == "que" && i+1 < len(words) && whQue[words[i+1]] {
			return true
		}
	}
	return false
}
