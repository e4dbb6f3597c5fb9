package ticketing

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// staffMap is a StaffReader over fixed rows; fail makes every read fail.
type staffMap struct {
	rows map[string]Staff
	fail error
}

func (m staffMap) Staff(_ context.Context, id string) (Staff, error) {
	if m.fail != nil {
		return Staff{}, m.fail
	}
	s, ok := m.rows[id]
	if !ok {
		return Staff{}, ErrNotFound
	}
	return s, nil
}

func TestPageList(t *testing.T) {
	in := func(ids ...string) map[string]Staff {
		m := map[string]Staff{}
		for _, id := range ids {
			m[id] = Staff{ID: id}
		}
		return m
	}
	away := func(m map[string]Staff, ids ...string) map[string]Staff {
		for _, id := range ids {
			s := m[id]
			s.Absent = true
			m[id] = s
		}
		return m
	}
	agents := []string{"UA1", "UA2"}
	tests := []struct {
		name     string
		rows     map[string]Staff
		backups  []string
		want     []string
		wantAway bool
	}{
		{"focal present", in("UF", "UB", "UA1"), []string{"UB"}, []string{"UF"}, false},
		{"focal away: backups", away(in("UF", "UB", "UC", "UA1"), "UF"), []string{"UB", "UC"}, []string{"UB", "UC"}, true},
		{"focal unknown: backups", in("UB"), []string{"UB"}, []string{"UB"}, true},
		{"backup listed twice is paged once", away(in("UF", "UB"), "UF"), []string{"UB", "UB"}, []string{"UB"}, true},
		{"focal as its own backup is skipped", away(in("UF", "UA1"), "UF"), []string{"UF"}, []string{"UA1"}, true},
		{"backups away: agents", away(in("UF", "UB", "UA1", "UA2"), "UF", "UB"), []string{"UB"}, []string{"UA1", "UA2"}, true},
		{"agent away is left out", away(in("UF", "UA1", "UA2"), "UF", "UA1"), nil, []string{"UA2"}, true},
		{"nobody present", away(in("UF", "UA1", "UA2"), "UF", "UA1", "UA2"), nil, nil, true},
	}
	for _, tt := range tests {
		c := &Client{ID: "acme", FocalPoint: "UF", Backups: tt.backups}
		got, gotAway, err := PageList(context.Background(), staffMap{rows: tt.rows}, c, agents)
		if err != nil || !slices.Equal(got, tt.want) || gotAway != tt.wantAway {
			t.Errorf("%s: PageList = %v, away=%v, %v; want %v, away=%v", tt.name, got, gotAway, err, tt.want, tt.wantAway)
		}
	}
}

func TestPageListStoreError(t *testing.T) {
	boom := errors.New("disk on fire")
	c := &Client{ID: "acme", FocalPoint: "UF", Backups: []string{"UB"}}
	if got, _, err := PageList(context.Background(), staffMap{fail: boom}, c, nil); !errors.Is(err, boom) {
		t.Errorf("PageList with a failing store = %v, %v; want the store's error, not an absence", got, err)
	}
}

func TestAgentIDs(t *testing.T) {
	staff := []Staff{{ID: "UZ", Role: RoleAgent}, {ID: "UF", Role: RoleFocal}, {ID: "UA", Role: RoleAgent}}
	if got, want := AgentIDs(staff), []string{"UA", "UZ"}; !slices.Equal(got, want) {
		t.Errorf("AgentIDs = %v, want %v", got, want)
	}
}
