package playground

import (
	"testing"
	"time"
)

// The default start lands on a morning when every demo client works, from
// any day: AR and CL holidays, bridge days and weekends are skipped.
func TestDefaultStartIsAttendedForEveryClient(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DEMO_STORE": dir + "/s.db", "DEMO_WHATSAPP_STORE": dir + "/w.db", "DEMO_KNOWLEDGE": dir, "DEMO_SECRET": "s", "DEMO_SLACK_URL": "http://127.0.0.1:1/api/"}
	cfg, _, err := playConfig("", env, nil)
	if err != nil {
		t.Fatal(err)
	}
	loc := firstLocation(cfg)
	tests := []struct {
		today time.Time
		want  string
	}{
		{time.Date(2026, 12, 6, 22, 0, 0, 0, time.UTC), "2026-12-09 09:00"}, // Sunday; AR rests on the 7th and 8th
		{time.Date(2026, 12, 9, 8, 0, 0, 0, time.UTC), "2026-12-09 09:00"},  // a working Wednesday
		{time.Date(2026, 12, 24, 15, 0, 0, 0, time.UTC), "2026-12-24 09:00"},
		{time.Date(2026, 12, 25, 15, 0, 0, 0, time.UTC), "2026-12-28 09:00"}, // Christmas, then a weekend
		{time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC), "2027-01-04 09:00"},
	}
	for _, tt := range tests {
		got := defaultStart(cfg, loc, tt.today)
		if got.In(loc).Format("2006-01-02 15:04") != tt.want {
			t.Errorf("from %s: start %s, want %s", tt.today, got.In(loc).Format("2006-01-02 15:04 Mon"), tt.want)
		}
		if !everyClientAttends(cfg, got) {
			t.Errorf("from %s: %s is not attended for every client", tt.today, got)
		}
	}
}
