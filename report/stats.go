package report

import (
	"slices"
	"time"
)

// percentile is the nearest-rank percentile (the value at rank ceil(p·n)),
// so every figure shown is a time some ticket really had; ok is false for no
// values. pct is a whole percentage, which keeps the rank free of float
// rounding.
func percentile(sorted []time.Duration, pct int) (time.Duration, bool) {
	n := len(sorted)
	if n == 0 {
		return 0, false
	}
	rank := (pct*n + 99) / 100
	rank = min(max(rank, 1), n)
	return sorted[rank-1], true
}

// summarize sorts a copy of ds and returns its median and 90th percentile.
func summarize(ds []time.Duration) (median, p90 time.Duration) {
	s := slices.Clone(ds)
	slices.Sort(s)
	median, _ = percentile(s, 50)
	p90, _ = percentile(s, 90)
	return median, p90
}

// Share is a whole percentage rounded down, so a figure just short of a goal
// never reads as meeting it; ok is false when there is nothing to divide.
func Share(n, of int) (pct int, ok bool) {
	if of <= 0 {
		return 0, false
	}
	return n * 100 / of, true
}
