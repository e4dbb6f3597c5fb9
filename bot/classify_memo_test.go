package bot

import (
	"fmt"
	"slices"
	"testing"

	"supportbot/ticketing"
)

// The memo reads a text once and hands every later caller the same
// reading, which none of them can change for the others.
func TestClassifyMemoReadsATextOnce(t *testing.T) {
	reads := map[string]int{}
	inner := ClassifierFunc(func(text string) Classification {
		reads[text]++
		cues := make([]string, 1, 8) // room to append into, as a classifier may leave
		cues[0] = "cue:" + text
		return Classification{Kind: ticketing.KindConsulta, Cues: cues}
	})
	m := newClassifyMemo(inner)
	first := m.Classify("hola")
	first.Cues = append(first.Cues, "scribbled")
	second := m.Classify("hola")
	m.Classify("otra cosa")
	if got, want := reads, map[string]int{"hola": 1, "otra cosa": 1}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("inner reads = %v, want %v", got, want)
	}
	if got, want := second.Cues, []string{"cue:hola"}; !slices.Equal(got, want) {
		t.Errorf("second reading's cues = %q, want %q: one caller's append reached another", got, want)
	}
}

// Past its bound the memo starts over instead of growing.
func TestClassifyMemoIsBounded(t *testing.T) {
	reads := 0
	m := newClassifyMemo(ClassifierFunc(func(string) Classification { reads++; return Classification{} }))
	for i := range classifyMemoEntries + 10 {
		m.Classify(fmt.Sprint("texto ", i))
	}
	if got := len(m.read.m); got > classifyMemoEntries {
		t.Errorf("memo holds %d readings, want at most %d", got, classifyMemoEntries)
	}
	reads = 0
	m.Classify("texto 0") // forgotten when the memo started over
	if reads != 1 {
		t.Errorf("a text read before the memo started over was read %d times again, want 1", reads)
	}
}

// A memo bounded by cost starts over before it would hold more than its
// bound, and one written again for a held key keeps its count.
func TestMemoStartsOverPastItsCost(t *testing.T) {
	m := memo[string, int]{maxEntries: 100, maxCost: 10}
	m.put("a", 1, 6)
	m.put("a", 2, 6)
	if v, ok := m.get("a"); !ok || v != 2 || m.cost != 6 {
		t.Fatalf("after writing a again: a = %d, %v, cost %d; want 2, true, 6", v, ok, m.cost)
	}
	m.put("b", 3, 6)
	if _, ok := m.get("a"); ok {
		t.Errorf("a is still held past the cost bound")
	}
	if v, ok := m.get("b"); !ok || v != 3 || m.cost != 6 {
		t.Errorf("b = %d, %v, cost %d; want 3, true, 6", v, ok, m.cost)
	}
}
