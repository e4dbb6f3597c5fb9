package knowledge

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Labelled is one question of an evaluation set: the article that answers
// it, or "" when none does.
type Labelled struct {
	Text    string `json:"text"`
	Article string `json:"article"`
}

// ReadLabelled reads one JSON object per line; blank lines are skipped and
// a bad line is an error naming it.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	var out []Labelled
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l Labelled
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.TrimSpace(l.Text) == "" {
			return nil, fmt.Errorf("line %d: no text", n)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// Scores are how a search did on a labelled set.
type Scores struct {
	// Answerable and NoArticle count the two sorts of question.
	Answerable, NoArticle int
	// Top1 and Top3 are the shares of answerable questions whose article
	// came first, or among the first three.
	Top1, Top3 float64
	// Suggested is the share of no-article questions that got any
	// suggestion at all.
	Suggested float64
	// Misses are the answerable questions whose article was not in the
	// top three, for a person to read.
	Misses []Labelled
}

// Evaluate runs search on every question (it should return the top three).
func Evaluate(set []Labelled, search func(string) []Result) Scores {
	var s Scores
	var top1, top3, suggested int
	for _, l := range set {
		res := search(l.Text)
		if l.Article == "" {
			s.NoArticle++
			if len(res) > 0 {
				suggested++
			}
			continue
		}
		s.Answerable++
		hit := false
		for i, r := range res {
			if i >= 3 {
				break
			}
			if r.ID == l.Article {
				hit = true
				if i == 0 {
					top1++
				}
			}
		}
		if hit {
			top3++
		} else {
			s.Misses = append(s.Misses, l)
		}
	}
	s.Top1, s.Top3 = share(top1, s.Answerable), share(top3, s.Answerable)
	s.Suggested = share(suggested, s.NoArticle)
	return s
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// String prints the scores the way `knowledge search -eval` shows them.
func (s Scores) String() string {
	return fmt.Sprintf("questions with an article: %d, top-1 hit rate: %.1f %%, top-3 hit rate: %.1f %%\nquestions without an article: %d, suggested: %.1f %%",
		s.Answerable, 100*s.Top1, 100*s.Top3, s.NoArticle, 100*s.Suggested)
}
