package intent_test

import (
	"strings"
	"testing"

	"supportbot/ticketing/intent"
	"supportbot/ticketing/wording"
)

// TestExclusionLabels: every code the classifier can flag has a staff label in every language,
// and the notice reads as the card shows it.
func TestExclusionLabels(t *testing.T) {
	for _, code := range intent.ExclusionCodes {
		for _, l := range wording.Languages {
			if got := l.ExclusionLabel(code); got == code || got == "" {
				t.Errorf("%s in %s: no label (got %q)", code, l, got)
			}
		}
	}
	tests := []struct {
		l     wording.Language
		codes []string
		want  string
	}{
		{wording.SpanishAR, []string{"red_cliente"}, "Posible exclusión del alcance: deficiencias en la red del cliente"},
		{wording.English, []string{"entorno", "virtualizacion"}, "Possible exclusion from the support scope: environmental conditions (power, temperature, air conditioning, humidity); the physical servers or the virtualisation software"},
		{wording.SpanishCL, nil, ""},
		{wording.SpanishAR, []string{"otra_cosa"}, "Posible exclusión del alcance: otra_cosa"},
	}
	for _, tt := range tests {
		if got := tt.l.ExclusionNotice(tt.codes...); got != tt.want {
			t.Errorf("%s ExclusionNotice(%v) = %q, want %q", tt.l, tt.codes, got, tt.want)
		}
	}
	if got := wording.SpanishAR.ExclusionLabel("notice"); strings.Contains(got, "%") {
		t.Errorf("the notice itself was taken for a label: %q", got)
	}
}
