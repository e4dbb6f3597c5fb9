package channels

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		max     int
		want    string
		wantCut bool
	}{
		{"short", "hola", 10, "hola", false},
		{"bytes over, characters within", "ñandú", 5, "ñandú", false},
		{"cut on a character, not a byte", "ñandú", 3, "ñan", true},
		{"exactly max characters", "ééé", 3, "ééé", false},
		{"invalid UTF-8 repaired", "a\xffb", 10, "a\uFFFDb", false},
		{"repaired, then cut", "\xff\xfeabc", 2, "\uFFFDa", true},
		{"emoji are one character", "🚨🚨🚨", 2, "🚨🚨", true},
		{"zero keeps nothing", "abc", 0, "", true},
		{"empty", "", 5, "", false},
		{"accented 30 000 within the cap", strings.Repeat("é", 30_000), MaxTextChars, strings.Repeat("é", 30_000), false},
		{"45 000 cut at the cap", strings.Repeat("á", 45_000), MaxTextChars, strings.Repeat("á", MaxTextChars), true},
	}
	for _, tt := range tests {
		got, cut := CleanText(tt.in, tt.max)
		if got != tt.want || cut != tt.wantCut {
			t.Errorf("%s: CleanText = %q (%d characters), cut %v; want %q, %v", tt.name,
				short(got), utf8.RuneCountInString(got), cut, short(tt.want), tt.wantCut)
		}
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
