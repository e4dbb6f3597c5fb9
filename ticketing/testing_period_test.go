package ticketing

import (
	"testing"
	"time"
)

func TestTestingPeriod(t *testing.T) {
	santiago, err := time.LoadLocation("America/Santiago")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		delivered      time.Time
		loc            *time.Location
		remind, ending time.Time
	}{
		{"no DST change", time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), time.UTC,
			time.Date(2026, 1, 30, 10, 0, 0, 0, time.UTC), time.Date(2026, 2, 4, 10, 0, 0, 0, time.UTC)},
		// Chile leaves summer time on 2026-04-05: the dates keep 10:00 local
		// where 25×24 h would land at 09:00.
		{"across the end of summer time", time.Date(2026, 3, 20, 10, 0, 0, 0, santiago), santiago,
			time.Date(2026, 4, 14, 10, 0, 0, 0, santiago), time.Date(2026, 4, 19, 10, 0, 0, 0, santiago)},
		{"no zone is UTC", time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), nil,
			time.Date(2026, 1, 30, 10, 0, 0, 0, time.UTC), time.Date(2026, 2, 4, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		remind, end := TestingPeriod(tt.delivered, tt.loc)
		if !remind.Equal(tt.remind) || !end.Equal(tt.ending) {
			t.Errorf("%s: TestingPeriod = %v, %v; want %v, %v", tt.name, remind, end, tt.remind, tt.ending)
		}
	}
}
