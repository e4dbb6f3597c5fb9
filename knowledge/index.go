package knowledge

import (
	"math"
	"sync"
)

// BM25's usual constants: k1 saturates a word's repeats, b weighs a long
// article's many words down.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// titleWeight counts a title's words this many times: the title says
	// what the article is about, the body says much else too.
	titleWeight = 2
)

// Threshold is the least score a suggestion needs. A score is the share of
// the question's information that the article accounts for: each distinct
// term of the question weighs its IDF (a word no article uses weighs the
// most), and an article mentioning it once at average length earns about
// that weight, more for repeats and title words, less in long articles.
// Below 0.4 the article holds well under half of what the person asked
// about: better no suggestion than a wrong one.
const Threshold = 0.4

type posting struct {
	doc int32
	tf  float32
}

// Index ranks articles for a question with BM25 over title and body. It is
// built once and read by any number of goroutines.
type Index struct {
	articles []Article
	postings map[string][]posting
	// norms are each article's BM25 length factor, k1·(1 − b + b·len/avg).
	norms []float64
	// scratch holds score arrays for searches, one per search at a time.
	scratch sync.Pool
}

// NewIndex indexes articles as given; an id given twice keeps both.
func NewIndex(articles []Article) *Index {
	ix := &Index{articles: articles, postings: map[string][]posting{}}
	lengths := make([]float64, len(articles))
	var total float64
	for i, a := range articles {
		tf := map[string]float32{}
		for _, t := range terms(a.Title) {
			tf[t] += titleWeight
		}
		for _, t := range terms(a.Body) {
			tf[t]++
		}
		var n float32
		for t, c := range tf {
			ix.postings[t] = append(ix.postings[t], posting{doc: int32(i), tf: c})
			n += c
		}
		lengths[i] = float64(n)
		total += float64(n)
	}
	avg := 1.0
	if total > 0 {
		avg = total / float64(len(articles))
	}
	ix.norms = make([]float64, len(articles))
	for i, l := range lengths {
		ix.norms[i] = bm25K1 * (1 - bm25B + bm25B*l/avg)
	}
	ix.scratch.New = func() any { return &scores{by: make([]float64, len(articles))} }
	return ix
}

// Len is how many articles the index holds.
func (ix *Index) Len() int { return len(ix.articles) }

// Result is one ranked article.
type Result struct {
	Article
	// Score is in [0, 1): see Threshold.
	Score float64
}

// Filter keeps the articles a reader may see.
type Filter func(Article) bool

// Search ranks the articles that keep is true of (all when nil) and returns
// those scoring at least Threshold, best first (ties by id), at most n.
func (ix *Index) Search(question string, n int, keep Filter) []Result {
	if n <= 0 || len(ix.articles) == 0 {
		return nil
	}
	qs := terms(question)
	seen := make(map[string]bool, len(qs))
	N := float64(len(ix.articles))
	var most float64
	sc := ix.scratch.Get().(*scores)
	defer sc.release(&ix.scratch)
	for _, t := range qs {
		if seen[t] {
			continue
		}
		seen[t] = true
		ps := ix.postings[t]
		df := float64(len(ps))
		idf := math.Log(1 + (N-df+0.5)/(df+0.5))
		most += idf
		for _, p := range ps {
			tf := float64(p.tf)
			if sc.by[p.doc] == 0 {
				sc.touched = append(sc.touched, p.doc)
			}
			sc.by[p.doc] += idf * tf * (bm25K1 + 1) / (tf + ix.norms[p.doc])
		}
	}
	if most == 0 {
		return nil
	}
	// Only the best n are kept, in order: a common word touches most of
	// a big base, and sorting all of it would cost more than the search.
	out := make([]Result, 0, n+1)
	for _, d := range sc.touched {
		s := sc.by[d] / most
		if s < Threshold {
			continue
		}
		a := &ix.articles[d]
		if len(out) == n && !better(s, a.ID, out[n-1]) {
			continue
		}
		if keep != nil && !keep(*a) {
			continue
		}
		i := len(out)
		for i > 0 && better(s, a.ID, out[i-1]) {
			i--
		}
		out = append(out[:i], append([]Result{{Article: *a, Score: s}}, out[i:]...)...)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// better orders results: higher score first, then by id so equal scores
// come out the same on every run.
func better(s float64, id string, r Result) bool {
	if s != r.Score {
		return s > r.Score
	}
	return id < r.ID
}

// scores is one search's running sums, by article, and which it touched,
// so clearing costs what the search did rather than the whole base.
type scores struct {
	by      []float64
	touched []int32
}

func (s *scores) release(p *sync.Pool) {
	for _, d := range s.touched {
		s.by[d] = 0
	}
	s.touched = s.touched[:0]
	p.Put(s)
}
