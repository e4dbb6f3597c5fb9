package ticketing

import (
	"reflect"
	"testing"
	"time"
)

func TestApplyEditOrdersByWhenMade(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 11, 24, 13, min, 0, 0, time.UTC) }
	type edit struct {
		text string
		at   time.Time
	}
	b, c, d := edit{"b", at(1)}, edit{"c", at(2)}, edit{"d", at(3)}
	inOrder := []MessageRevision{{"a", at(1)}, {"b", at(2)}, {"c", at(3)}}
	for _, tt := range []struct {
		name  string
		edits []edit
		text  string
		revs  []MessageRevision
	}{
		{"in order", []edit{b, c, d}, "d", inOrder},
		{"newest first", []edit{d, c, b}, "d", inOrder},
		{"middle last", []edit{b, d, c}, "d", inOrder},
		{"oldest last", []edit{c, d, b}, "d", inOrder},
		{"one late edit", []edit{c, b}, "c", []MessageRevision{{"a", at(1)}, {"b", at(2)}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := Message{Text: "a", At: at(0)}
			for _, e := range tt.edits {
				m.ApplyEdit(e.text, e.at)
			}
			last := tt.edits[0].at
			for _, e := range tt.edits {
				if e.at.After(last) {
					last = e.at
				}
			}
			if m.Text != tt.text || !m.EditedAt.Equal(last) || !reflect.DeepEqual(m.Revisions, tt.revs) {
				t.Errorf("got %q edited %v revisions %+v, want %q edited %v revisions %+v", m.Text, m.EditedAt, m.Revisions, tt.text, last, tt.revs)
			}
		})
	}
}
