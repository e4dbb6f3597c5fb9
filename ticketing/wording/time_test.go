package wording

import (
	"testing"
	"time"
)

func TestWhenWords(t *testing.T) {
	ar, _ := time.LoadLocation("America/Argentina/Buenos_Aires")
	now := time.Date(2026, 11, 27, 18, 30, 0, 0, ar) // a Friday
	tests := []struct {
		l    Language
		at   time.Time
		want string
	}{
		{SpanishAR, time.Date(2026, 11, 27, 18, 45, 0, 0, ar), "hoy a las 18:45"},
		{SpanishAR, time.Date(2026, 11, 28, 9, 0, 0, 0, ar), "mañana sábado 28/11 a las 09:00"},
		{SpanishAR, time.Date(2026, 11, 30, 12, 0, 0, 0, ar), "el lunes 30/11 a las 12:00"},
		{SpanishAR, time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC), "el lunes 30/11 a las 12:00"}, // shown on the client's clock
		{SpanishCL, time.Date(2026, 11, 30, 12, 0, 0, 0, ar), "el lunes 30/11 a las 12:00"},
		{English, time.Date(2026, 11, 27, 18, 45, 0, 0, ar), "today at 18:45"},
		{English, time.Date(2026, 11, 28, 9, 0, 0, 0, ar), "tomorrow Saturday 28/11 at 09:00"},
		{English, time.Date(2026, 11, 30, 12, 0, 0, 0, ar), "Monday 30/11 at 12:00"},
	}
	for _, tt := range tests {
		if got := tt.l.When(tt.at, now, ar); got != tt.want {
			t.Errorf("%s.When(%v) = %q, want %q", tt.l, tt.at, got, tt.want)
		}
	}
	if got, want := When(tests[2].at, now, ar), tests[2].want; got != want {
		t.Errorf("When = %q, want the desk's %q", got, want)
	}
}

func TestDurationWords(t *testing.T) {
	tests := []struct {
		l    Language
		d    time.Duration
		want string
	}{
		{SpanishAR, 35 * time.Minute, "35 min"},
		{SpanishAR, 2*time.Hour + 10*time.Minute, "2 h 10 min"},
		{SpanishAR, 4 * time.Hour, "4 h"},
		{SpanishAR, 27 * time.Hour, "1 día 3 h"},
		{SpanishAR, 48 * time.Hour, "2 días"},
		{SpanishAR, -20 * time.Minute, "20 min"},
		{SpanishCL, 24 * time.Hour, "1 día"},
		{English, 24 * time.Hour, "1 day"},
		{English, 51 * time.Hour, "2 days 3 h"},
		{English, 35 * time.Minute, "35 min"},
	}
	for _, tt := range tests {
		if got := tt.l.Duration(tt.d); got != tt.want {
			t.Errorf("%s.Duration(%v) = %q, want %q", tt.l, tt.d, got, tt.want)
		}
	}
	if got := Duration(48 * time.Hour); got != "2 días" {
		t.Errorf("Duration = %q", got)
	}
}
