package knowledge_test

import (
	"os"
	"testing"

	"supportbot/knowledge"
)

// loadSample is the shipped demo set; a test failing here means a sample
// article no longer parses.
func loadSample(t testing.TB) []knowledge.Article {
	t.Helper()
	arts, problems := knowledge.Load("sample")
	for _, p := range problems {
		t.Errorf("sample: %v", p)
	}
	if len(arts) < 30 {
		t.Fatalf("sample: %d articles, want the whole set", len(arts))
	}
	return arts
}

func loadEval(t testing.TB) []knowledge.Labelled {
	t.Helper()
	f, err := os.Open("eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set, err := knowledge.ReadLabelled(f)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestSampleEval(t *testing.T) {
	base := knowledge.NewBase(loadSample(t))
	s := knowledge.Evaluate(loadEval(t), func(q string) []knowledge.Result { return base.Search(q, 3) })
	t.Logf("\n%s", s)
	for _, m := range s.Misses {
		t.Logf("miss: %q (want %s) got %v", m.Text, m.Article, ids(base.Search(m.Text, 3)))
	}
	if s.Answerable < 60 || s.NoArticle < 15 {
		t.Errorf("eval set: %d with an article, %d without; want ≥ 60 and ≥ 15", s.Answerable, s.NoArticle)
	}
	if s.Top3 < 0.90 {
		t.Errorf("top-3 hit rate %.3f, want ≥ 0.90", s.Top3)
	}
	if s.Suggested > 0.10 {
		t.Errorf("no-article questions suggested %.3f, want ≤ 0.10", s.Suggested)
	}
}

func ids(rs []knowledge.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}
