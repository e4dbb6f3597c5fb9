package bot_test

import (
	"strings"
	"testing"
)

// A number nobody invited is answered in the language of its country code.
func TestUnknownNumberAnsweredInItsCountrysLanguage(t *testing.T) {
	tests := []struct{ phone, want string }{
		{"+5491166660000", "pedile a tu focal point"},
		{"+56912345678", "pídele a tu focal point"},
		{"+14155550100", "ask your technical focal point"},
	}
	for _, tt := range tests {
		t.Run(tt.phone, func(t *testing.T) {
			h := newHarness(t)
			h.handle(waMsg(tt.phone, "WAUNK1", "hola, necesito soporte"))
			_, wa := h.flush()
			if len(wa) != 1 || !strings.Contains(wa[0].Text, tt.want) {
				t.Errorf("%s was answered %q, want one containing %q", tt.phone, texts(wa), tt.want)
			}
		})
	}
}
