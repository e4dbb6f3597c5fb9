package wording

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Text is one message in the three languages.
type Text struct{ ESAR, ESCL, EN string }

func (t Text) in(l Language) string { return pick(l, t.ESAR, t.ESCL, t.EN) }

// pick is l's column of a row.
func pick[T any](l Language, esAR, esCL, en T) T {
	switch l.orDefault() {
	case SpanishCL:
		return esCL
	case English:
		return en
	}
	return esAR
}

// Forms is a message whose wording depends on a count (the message's first
// argument): its singular and its plural.
type Forms struct{ One, Other string }

// Plural is one counted message in the three languages.
type Plural struct{ ESAR, ESCL, EN Forms }

func (p Plural) in(l Language) Forms { return pick(l, p.ESAR, p.ESCL, p.EN) }

var (
	printers = map[Language]*message.Printer{}
	known    = map[string]bool{}
	// buildErr is a table row the catalog refused; a test asserts none.
	buildErr error
)

func init() {
	b := catalog.NewBuilder(catalog.Fallback(SpanishAR.tag()))
	for _, table := range []map[string]Text{clientTexts, deskTexts, reportTexts, triageTexts} {
		for key, t := range table {
			known[key] = true
			for _, l := range Languages {
				if err := b.SetString(l.tag(), key, t.in(l)); err != nil && buildErr == nil {
					buildErr = fmt.Errorf("%s in %s: %w", key, l, err)
				}
			}
		}
	}
	for key, p := range allPlurals() {
		known[key] = true
		for _, l := range Languages {
			f := p.in(l)
			if err := b.Set(l.tag(), key, plural.Selectf(1, "%d", plural.One, f.One, plural.Other, f.Other)); err != nil && buildErr == nil {
				buildErr = fmt.Errorf("%s in %s: %w", key, l, err)
			}
		}
	}
	for _, l := range Languages {
		printers[l] = message.NewPrinter(l.tag(), message.Catalog(b))
	}
}

// allPlurals are the counted texts of every table.
var allPlurals = sync.OnceValue(func() map[string]Plural {
	all := maps.Clone(plurals)
	maps.Copy(all, reportPlurals)
	return all
})

// Known reports whether some table has key.
func Known(key string) bool { return known[key] }

// Say renders the text key in l with args. Integers print as plain digits
// ("#1234", never "#1.234"): they are ticket numbers and counts people
// type back. An unknown key renders as itself, which the tests catch.
func (l Language) Say(key string, args ...any) string {
	if !known[key] {
		return key
	}
	// A counted text's count stays a number: the plural rule reads it.
	args = slices.Clone(args)
	first := 0
	if _, counted := allPlurals()[key]; counted {
		first = 1
	}
	for i := first; i < len(args); i++ {
		args[i] = plain(args[i])
	}
	return printers[l.orDefault()].Sprintf(key, args...)
}

// digits prints an integer the way fmt does, flags and width included,
// without the locale's digit grouping.
type digits int64

func (d digits) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), int64(d)) }

func plain(a any) any {
	switch v := a.(type) {
	case int:
		return digits(v)
	case int64:
		return digits(v)
	}
	return a
}
