package intent

import (
	"testing"
	"unicode"
)

// TestASCIIFoldsAsBefore checks fold's ASCII shortcut against the general
// path: every ASCII letter and digit comes out as unicode.ToLower has it,
// and no ASCII rune is in the accent table the shortcut skips.
func TestASCIIFoldsAsBefore(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if got, want := fold("x"+string(r)), "x"+string(unicode.ToLower(r)); got != want {
			t.Errorf("fold(%q) = %q, want %q", "x"+string(r), got, want)
		}
	}
	for r := range foldRune {
		if r < 0x80 {
			t.Errorf("%q is ASCII: the shortcut would not fold it", r)
		}
	}
}
