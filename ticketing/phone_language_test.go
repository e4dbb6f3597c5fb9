package ticketing

import (
	"testing"

	"supportbot/ticketing/wording"
)

func TestPhoneLanguage(t *testing.T) {
	tests := []struct {
		phone string
		want  wording.Language
	}{
		{"+5491155550101", wording.SpanishAR},
		{"+56912345678", wording.SpanishCL},
		{"+14155550100", wording.English},
		{"+34911234567", wording.English},
		{"", wording.English},
	}
	for _, tt := range tests {
		if got := PhoneLanguage(tt.phone); got != tt.want {
			t.Errorf("PhoneLanguage(%q) = %s, want %s", tt.phone, got, tt.want)
		}
	}
}
