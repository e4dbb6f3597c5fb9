package intent

import "testing"

// TestLexiconIsNormalized guards against entries that can never match:
// the lexicon is matched against Normalize's output, so "crítico" or
// "Campaña" in a pattern would be dead weight.
func TestLexiconIsNormalized(t *testing.T) {
	c, err := compile(lexicon, macros)
	if err != nil {
		t.Fatal(err)
	}
	for _, cu := range c.cues {
		for _, s := range cu.pat.slots {
			for _, a := range s.alts {
				for _, w := range a.words {
					if w == "" || Normalize(w) != w {
						t.Errorf("pattern %q: word %q is not in normalized form (%q)", cu.pat.src, w, Normalize(w))
					}
				}
			}
		}
	}
	for name, body := range macros {
		if _, err := compilePattern("x @"+name, macros); err != nil || body == "" {
			t.Errorf("macro %s: %v", name, err)
		}
	}
}
