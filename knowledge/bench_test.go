package knowledge_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/knowledge"
)

// BenchmarkSearch5000 searches 5 000 articles built from the sample's
// vocabulary and reports the 99th percentile of one search (goal: ≤ 5 ms).
func BenchmarkSearch5000(b *testing.B) {
	sample := loadSample(b)
	var words []string
	for _, a := range sample {
		words = append(words, strings.Fields(a.Title+" "+a.Body)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(n int) string {
		out := make([]string, n)
		for i := range out {
			out[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(out, " ")
	}
	arts := make([]knowledge.Article, 5000)
	for i := range arts {
		arts[i] = knowledge.Article{ID: fmt.Sprintf("a/%d", i), Title: pick(6), Body: pick(150 + rng.IntN(150)), Lang: "es"}
	}
	base := knowledge.NewBase(arts)
	set := loadEval(b)
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		base.Suggest(set[i%len(set)].Text, "es", 3)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	p99 := times[min(len(times)-1, len(times)*99/100)]
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}
