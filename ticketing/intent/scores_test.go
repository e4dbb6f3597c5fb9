package intent

import (
	"math"
	"testing"
)

// TestScoresAreTheGeneralSum checks that the unrolled scoring of both heads
// gives the general loop's scores to the bit on every corpus message.
func TestScoresAreTheGeneralSum(t *testing.T) {
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	m, lex := DefaultModel(), lexiconOnce()
	for _, ex := range exs {
		tk := tokenize(Normalize(truncate(ex.Text)))
		v := analyzeWith(lex, &tk).vector(&tk, lex)
		for _, l := range []*linear{&m.kind, &m.prio} {
			got, want := make([]float64, l.classes), make([]float64, l.classes)
			l.scores(&v, got)
			tw := float64(v.textWeight())
			for i, b := range v.idx {
				x := 1.0
				if i < v.nText {
					x = tw
				}
				for k := range want {
					want[k] += float64(l.w[int(b)*l.classes+k]) * x
				}
			}
			for k := range want {
				if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
					t.Fatalf("%q, %d classes: score %d = %v, want %v", ex.Text, l.classes, k, got[k], want[k])
				}
			}
		}
	}
}
