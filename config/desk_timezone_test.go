package config

import (
	"errors"
	"slices"
	"testing"
)

func TestDeskTimezone(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string // the zone's name, or the problem
		bad        bool
	}{
		{"default is the first client's zone", base, "America/Argentina/Buenos_Aires", false},
		{"set", base + "desk: {timezone: America/Santiago}\n", "America/Santiago", false},
		{"UTC", base + "desk: {timezone: UTC}\n", "UTC", false},
		{"unknown", base + "desk: {timezone: Mars/Olympus}\n", `desk.timezone: unknown IANA time zone "Mars/Olympus", e.g. America/Argentina/Buenos_Aires`, true},
		{"Local says nothing to a reader", base + "desk: {timezone: Local}\n", `desk.timezone: unknown IANA time zone "Local", e.g. America/Argentina/Buenos_Aires`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("test.yaml", []byte(tt.yaml), noEnv)
			if tt.bad {
				var cerr *Error
				if !errors.As(err, &cerr) || !slices.Contains(cerr.Problems, tt.want) {
					t.Fatalf("Parse = %v, want the problem %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := cfg.DeskZone().String(); got != tt.want {
				t.Errorf("DeskZone = %q, want %q", got, tt.want)
			}
		})
	}
}
