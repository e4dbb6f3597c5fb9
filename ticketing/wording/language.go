package wording

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// Language is a language the bot writes in.
type Language string

const (
	// SpanishAR is Argentine Spanish, with voseo; the desk's own language
	// and every text's fallback.
	SpanishAR Language = "es-AR"
	// SpanishCL is Chilean Spanish, with tú.
	SpanishCL Language = "es-CL"
	English   Language = "en"
)

// Languages lists every language the bot writes, in the catalog's column
// order.
var Languages = []Language{SpanishAR, SpanishCL, English}

// ParseLanguage accepts a language as configured ("es-CL").
func ParseLanguage(s string) (Language, error) {
	if l := Language(s); slices.Contains(Languages, l) {
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q (want es-AR, es-CL or en)", s)
}

// orDefault is l, or es-AR for the zero language: a client built without
// one reads what every client read before languages existed.
func (l Language) orDefault() Language {
	if slices.Contains(Languages, l) {
		return l
	}
	return SpanishAR
}

func (l Language) tag() language.Tag {
	return language.MustParse(string(l.orDefault()))
}

// Spanish reports whether l is one of the Spanish variants.
func (l Language) Spanish() bool { return l.orDefault() != English }
