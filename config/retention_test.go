package config

import (
	"strings"
	"testing"
	"time"
)

func TestRetentionMessages(t *testing.T) {
	tests := []struct {
		value   string
		want    time.Duration
		problem string
	}{
		{"", 0, ""},
		{"off", 0, ""},
		{"730d", 730 * 24 * time.Hour, ""},
		{"7d", 0, "under 30 days"},
		{"two years", 0, "bad duration"},
	}
	for _, tt := range tests {
		c := Config{Retention: Retention{Messages: tt.value}}
		var v validator
		c.validateRetention(&v)
		got := strings.Join(v.problems, "; ")
		if c.Retention.MessagesAge() != tt.want || !strings.Contains(got, tt.problem) || (tt.problem == "") != (got == "") {
			t.Errorf("%q: age %v, problems %q; want %v, %q", tt.value, c.Retention.MessagesAge(), got, tt.want, tt.problem)
		}
		if tt.problem != "" && !strings.HasPrefix(got, "retention.messages: ") {
			t.Errorf("%q: problem %q does not name the key", tt.value, got)
		}
	}
}
