package wording

import (
	"testing"
	"time"
)

func TestWhenWords(t *testing.T) {
	ar, _ := time.LoadLocation("America/Argentina/Buenos_Aires")
	now := time.Date(2026, 11, 27, 18, 30, 0, 0, ar) // a Friday
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 27, 18, 45, 0, 0, ar), "hoy a las 18:45"},
		{time.Date(2026, 11, 28, 9, 0, 0, 0, ar), "mañana sábado 28/11 a las 09:00"},
		{time.Date(2026, 11, 30, 12, 0, 0, 0, ar), "el lunes 30/11 a las 12:00"},
		{time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC), "el lunes 30/11 a las 12:00"}, // shown on the client's clock
	}
	for _, tt := range tests {
		if got := When(tt.at, now, ar); got != tt.want {
			t.Errorf("When(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestDurationWords(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{35 * time.Minute, "35 min"},
		{2*time.Hour + 10*time.Minute, "2 h 10 min"},
		{4 * time.Hour, "4 h"},
		{27 * time.Hour, "1 día 3 h"},
		{48 * time.Hour, "2 días"},
		{-20 * time.Minute, "20 min"},
	}
	for _, tt := range tests {
		if got := Duration(tt.d); got != tt.want {
			t.Errorf("Duration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
