package bot

import "sync"

// memo is a bounded map shared by goroutines, for results that are cheap
// enough to compute again and too dear to compute at every turn: past
// either bound it starts over, which costs only recomputations.
type memo[K comparable, V any] struct {
	maxEntries int
	maxCost    int // 0: the entries alone bound it

	mu   sync.Mutex
	m    map[K]V
	cost int
}

func (m *memo[K, V]) get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[k]
	return v, ok
}

// put remembers v for k; cost is what the entry holds, counted against
// maxCost.
func (m *memo[K, V]) put(k K, v V, cost int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, held := m.m[k]; held {
		m.m[k] = v
		return
	}
	if m.m == nil || len(m.m) >= m.maxEntries || m.maxCost > 0 && m.cost+cost > m.maxCost {
		m.m, m.cost = make(map[K]V), 0
	}
	m.m[k] = v
	m.cost += cost
}
