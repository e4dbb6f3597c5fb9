package bot

import "slices"

// classifyMemo remembers the readings of recent texts. One message is read
// several times while it is handled (the case, the intake, the card's
// exclusions), and those readings happen inside the store's single write
// transaction, where every microsecond holds up every other client. The
// router reads the text once before it queues the write (see
// updateMessage), so inside the transaction the reading is only looked up.
// A reading depends on the text alone, and a reload builds a new Bot with a
// new memo, so nothing in it goes stale.
type classifyMemo struct {
	inner Classifier
	read  memo[string, Classification]
}

// The memo only has to outlive a message's handling, so it is small; past
// either bound it starts over.
const (
	classifyMemoEntries = 1024
	classifyMemoBytes   = 4 << 20
)

func newClassifyMemo(inner Classifier) *classifyMemo {
	return &classifyMemo{inner: inner, read: memo[string, Classification]{maxEntries: classifyMemoEntries, maxCost: classifyMemoBytes}}
}

func (m *classifyMemo) Classify(text string) Classification {
	if cl, ok := m.read.get(text); ok {
		return cl
	}
	cl := m.inner.Classify(text)
	// Readings are shared between callers: clipped, an append by one
	// never writes into what another holds.
	cl.Cues, cl.Exclusions = slices.Clip(cl.Cues), slices.Clip(cl.Exclusions)
	m.read.put(text, cl, len(text))
	return cl
}
