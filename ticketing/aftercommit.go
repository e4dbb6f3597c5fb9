package ticketing

import "context"

// AfterCommit collects what to do once a transaction commits: an observer
// must not hear of a change that was rolled back, and a run of fn that the
// store repeats after a conflict must not count twice.
type AfterCommit struct{ fns []func() }

// Then adds f to what runs after the commit, in the order added.
func (a *AfterCommit) Then(f func()) { a.fns = append(a.fns, f) }

// UpdateThen runs fn in one Update of s and, once it committed, what fn's
// last run asked for. Nothing runs when the Update fails.
func UpdateThen(ctx context.Context, s Store, fn func(Tx, *AfterCommit) error) error {
	var a AfterCommit
	if err := s.Update(ctx, func(tx Tx) error {
		a.fns = a.fns[:0]
		return fn(tx, &a)
	}); err != nil {
		return err
	}
	for _, f := range a.fns {
		f()
	}
	return nil
}
