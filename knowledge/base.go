package knowledge

import (
	"sync"
)

// Base is what the bot searches: the files' articles and the desk's, one
// index over both so scores compare. Files change on a reload, desk
// articles whenever the store's stamp of them moves; the index is rebuilt
// then, and searches in between share it.
type Base struct {
	mu        sync.RWMutex
	files     []Article
	desk      []Article
	deskStamp string
	deskSet   bool
	ix        *Index
}

// NewBase holds files until desk articles are added.
func NewBase(files []Article) *Base {
	b := &Base{files: files}
	b.ix = NewIndex(files)
	return b
}

// DeskStamp is the stamp of the desk articles held; ok is false before
// any were set, so the first search reads them.
func (b *Base) DeskStamp() (stamp string, ok bool) {
	if b == nil {
		return "", false
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.deskStamp, b.deskSet
}

// SetDesk replaces the desk articles with the ones read under stamp.
func (b *Base) SetDesk(stamp string, desk []Article) {
	all := make([]Article, 0, len(b.files)+len(desk))
	all = append(append(all, b.files...), desk...)
	ix := NewIndex(all)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.desk, b.deskStamp, b.deskSet, b.ix = desk, stamp, true, ix
}

// Len is how many articles the base holds.
func (b *Base) Len() int {
	if b == nil {
		return 0
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.ix.Len()
}

// Search ranks every article, staff-only ones included: the desk's view.
func (b *Base) Search(question string, n int) []Result {
	return b.search(question, n, nil)
}

// SearchFor is Search for a reader of lang: the articles in lang first,
// then the others, up to n together.
func (b *Base) SearchFor(question, lang string, n int) []Result {
	mine := b.search(question, n, func(a Article) bool { return a.Lang == lang })
	if len(mine) >= n {
		return mine
	}
	rest := b.search(question, n-len(mine), func(a Article) bool { return a.Lang != lang })
	return append(mine, rest...)
}

// Suggest is what a client may be shown: public articles above the
// threshold, at most n, in lang when any article in lang makes it (so a
// reader gets their language when the base has it, and another rather
// than nothing).
func (b *Base) Suggest(question, lang string, n int) []Result {
	if res := b.search(question, n, func(a Article) bool { return a.Public() && a.Lang == lang }); len(res) > 0 {
		return res
	}
	return b.search(question, n, Article.Public)
}

func (b *Base) search(question string, n int, keep Filter) []Result {
	if b == nil {
		return nil
	}
	b.mu.RLock()
	ix := b.ix
	b.mu.RUnlock()
	return ix.Search(question, n, keep)
}
