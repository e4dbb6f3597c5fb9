package ticketing

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// retryStore runs fn twice, as a store does after a conflict, and then
// reports err as the outcome of the Update.
type retryStore struct{ err error }

func (s retryStore) Update(_ context.Context, fn func(Tx) error) error {
	_ = fn(nil)
	if err := fn(nil); err != nil {
		return err
	}
	return s.err
}
func (retryStore) View(context.Context, func(Tx) error) error { return nil }
func (retryStore) Close() error                               { return nil }

func TestUpdateThen(t *testing.T) {
	boom := errors.New("commit failed")
	tests := []struct {
		name   string
		commit error
		fnErr  error
		want   []string
	}{
		{"committed: the last run's hooks, once, in order", nil, nil, []string{"a", "b"}},
		{"commit fails: none", boom, nil, nil},
		{"fn fails: none", nil, boom, nil},
	}
	for _, tt := range tests {
		var got []string
		err := UpdateThen(context.Background(), retryStore{err: tt.commit}, func(_ Tx, a *AfterCommit) error {
			a.Then(func() { got = append(got, "a") })
			a.Then(func() { got = append(got, "b") })
			return tt.fnErr
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: ran %v, want %v", tt.name, got, tt.want)
		}
		if wantErr := tt.commit != nil || tt.fnErr != nil; (err != nil) != wantErr {
			t.Errorf("%s: err = %v", tt.name, err)
		}
	}
}
