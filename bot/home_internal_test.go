package bot

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

type recordingHome struct {
	mu      sync.Mutex
	users   []string
	limited int // answer this many publishes with a rate limit of 30 s
}

func (r *recordingHome) PublishHome(_ context.Context, userID string, _ channels.HomeView) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.users = append(r.users, userID)
	if r.limited > 0 {
		r.limited--
		return &channels.RateLimitError{RetryAfter: 30 * time.Second, Err: errors.New("ratelimited")}
	}
	return nil
}

func (r *recordingHome) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.users
	r.users = nil
	return out
}

// Changes to a person's tickets become at most one publish per Every, and
// nobody who never opened the Home gets one.
func TestHomeCoalescesPublishes(t *testing.T) {
	start := time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)
	clock := ticketing.NewManualClock(start)
	pub := &recordingHome{}
	h := NewHome(HomeConfig{Publisher: pub, Clock: clock, Every: 5 * time.Second})
	render := func(context.Context, string) (channels.HomeView, error) { return channels.HomeView{}, nil }
	ctx := context.Background()

	type step struct {
		name      string
		at        time.Duration
		do        func()
		want      []string
		wantWaitS int
	}
	steps := []step{
		{"opened: published at once", 0, func() { h.opened("UF", render) }, []string{"UF"}, 0},
		{"a change right after waits", 1 * time.Second, func() { h.touch(render, "UF", "UNEVER") }, nil, 4},
		{"another change in the wait coalesces", 2 * time.Second, func() { h.touch(render, "UF") }, nil, 3},
		{"once the spacing is over, one publish", 5 * time.Second, func() {}, []string{"UF"}, 0},
		{"nothing owed, nothing published", 20 * time.Second, func() {}, nil, 0},
		{"a change after a quiet spell goes at once", 30 * time.Second, func() { h.touch(render, "UF") }, []string{"UF"}, 0},
		{"rate limited: tried, and owed until Slack's wait ends", 60 * time.Second, func() { pub.limited = 1; h.touch(render, "UF") }, []string{"UF"}, 30},
		{"after Slack's wait, published", 90 * time.Second, func() {}, []string{"UF"}, 0},
	}
	for _, s := range steps {
		clock.Set(start.Add(s.at))
		s.do()
		wait := h.Flush(ctx)
		if got := pub.take(); !slices.Equal(got, s.want) || wait != time.Duration(s.wantWaitS)*time.Second {
			t.Errorf("%s: published %v, wait %s; want %v, %ds", s.name, got, wait, s.want, s.wantWaitS)
		}
	}
}

// Tickets are listed by time to breach; those with nothing due follow.
func TestByNextDeadline(t *testing.T) {
	at := time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)
	mk := func(id int64, due time.Duration, answered bool, status ticketing.Status) *ticketing.Ticket {
		tk := &ticketing.Ticket{ID: id, Status: status, DueAt: at.Add(due)}
		if answered {
			tk.FirstResponseAt = at
		}
		return tk
	}
	list := []*ticketing.Ticket{
		mk(1, 5*time.Hour, false, ticketing.StatusNuevo),
		mk(2, time.Hour, true, ticketing.StatusEnCurso),
		mk(3, -time.Hour, false, ticketing.StatusNuevo),
		mk(4, 3*time.Hour, false, ticketing.StatusEnCurso),
		mk(5, 2*time.Hour, false, ticketing.StatusCerrado),
		mk(6, -3*time.Hour, true, ticketing.StatusEnCurso),
	}
	// 6 was answered, and the client wrote again: its next response is due
	// in 30 minutes.
	list[5].AwaitingSince, list[5].NextDueAt = at.Add(-time.Hour), at.Add(30*time.Minute)
	slices.SortStableFunc(list, byNextDeadline)
	var got []int64
	for _, tk := range list {
		got = append(got, tk.ID)
	}
	if want := []int64{3, 6, 4, 1, 2, 5}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	risk := map[int64]bool{}
	for _, tk := range list {
		risk[tk.ID] = atRisk(tk, at)
	}
	if want := map[int64]bool{1: false, 2: false, 3: true, 4: false, 5: false, 6: true}; !maps.Equal(risk, want) {
		t.Errorf("at risk = %v, want %v", risk, want)
	}
}
