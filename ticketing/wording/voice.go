package wording

import (
	"strings"
	"unicode"
)

// voseo are Argentine forms a Chilean or English client must never read.
var voseo = []string{
	"tenés", "podés", "querés", "sabés", "necesitás", "trabajás", "respondés", "sos", "vos",
	"escribí", "respondé", "elegí", "llamá", "sumá", "probá", "usá", "reaccioná", "enviá", "mirá", "hacé", "fijate",
	"confirmalo", "contanos", "comunicate", "pedile", "avisanos", "compartilo", "revocalo", "contale", "escribilo", "decinos",
}

// spanish are words that give away a Spanish text posing as English; the
// command words (/soporte estado, conforme) are commands, not Spanish.
var spanish = []string{
	"el", "la", "los", "las", "de", "del", "que", "tu", "tus", "por", "para", "con", "es", "un", "una",
	"registramos", "registrado", "vence", "hoy", "mañana", "hola", "gracias", "ticket #%d registrado",
}

// Voice lists the forms in s that do not belong to l: voseo outside es-AR,
// Spanish words or opening marks in English. Tests run every client text through
// it.
func Voice(l Language, s string) []string {
	var bad []string
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
	if l.orDefault() != SpanishAR {
		for _, v := range voseo {
			if words[v] {
				bad = append(bad, v)
			}
		}
	}
	if l.orDefault() == English {
		for _, w := range spanish {
			if words[w] || strings.Contains(s, w) && strings.Contains(w, " ") {
				bad = append(bad, w)
			}
		}
		// Accents may be a name's (Lucía); opening marks are Spanish.
		if strings.ContainsAny(s, "¿¡") {
			bad = append(bad, "¿¡")
		}
	}
	return bad
}
