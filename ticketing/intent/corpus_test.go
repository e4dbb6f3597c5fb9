package intent

import (
	"io/fs"
	"os"
	"slices"
	"testing"

	"supportbot/ticketing"
)

// composedFiles are the corpus files made from templates; every other
// corpus file is written one message at a time.
var composedFiles = []string{"corpus/broad.jsonl", "corpus/generated.jsonl"}

// TestCorpusIsMostlyHandWritten keeps the corpus what the issue asked for:
// hand-written messages are most of the training, with at least 250 of
// every kind, so the model learns how clients write rather than how the
// templates compose. It prints the composition per source and kind.
func TestCorpusIsMostlyHandWritten(t *testing.T) {
	files, err := fs.Glob(os.DirFS("."), "corpus/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	hand, composed := map[ticketing.Kind]int{}, map[ticketing.Kind]int{}
	var nHand, nComposed int
	for _, f := range files {
		exs := loadSet(t, f)
		count := hand
		if slices.Contains(composedFiles, f) {
			count = composed
			nComposed += len(exs)
		} else {
			nHand += len(exs)
		}
		for _, ex := range exs {
			count[ex.Kind]++
		}
		t.Logf("%-26s %5d", f, len(exs))
	}
	t.Logf("hand-written %d %v; composed %d %v", nHand, hand, nComposed, composed)
	if nHand <= nComposed {
		t.Errorf("hand-written %d examples, composed %d: want hand-written to be the majority", nHand, nComposed)
	}
	for _, k := range ticketing.Kinds {
		if hand[k] < 250 {
			t.Errorf("%d hand-written examples of %s, want ≥ 250", hand[k], k)
		}
	}
}
