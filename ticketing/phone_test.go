package ticketing

import (
	"errors"
	"testing"
)

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"+5491155550101", "+5491155550101"},
		{"+54 9 11 5555-0101", "+5491155550101"},
		{" +56 (2) 2928.8900 ", "+56229288900"},
		{"+6834123", "+6834123"},                 // 7 digits: the shortest plans
		{"+123456789012345", "+123456789012345"}, // 15 digits: E.164's longest
		{"5491155550101", ""},                    // no country mark
		{"11 5555 0101", ""},
		{"+0491155550101", ""}, // no country code starts with 0
		{"+1234567890123456", ""},
		{"+123456", ""},
		{"+54911abc0101", ""},
		{"+", ""},
		{"", ""},
		{"+5491155550101@s.whatsapp.net", ""},
		{"+٥٤٩١١٥٥٥٥٠١٠١", ""}, // digits of another script are not digits here
	}
	for _, tt := range tests {
		got, err := ParsePhone(tt.in)
		if tt.want == "" {
			if !errors.Is(err, ErrBadPhone) {
				t.Errorf("ParsePhone(%q) = %q, %v; want ErrBadPhone", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestIsPhoneWantsTheStoredSpelling(t *testing.T) {
	for in, want := range map[string]bool{"+5491155550101": true, "+54 9 11 5555-0101": false, "+6834123": true} {
		if got := IsPhone(in); got != want {
			t.Errorf("IsPhone(%q) = %v, want %v", in, got, want)
		}
	}
}
