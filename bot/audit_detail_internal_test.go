package bot

import (
	"slices"
	"testing"
)

// TestCueNames: an audit line keeps what kind of evidence the classifier
// found, never the words it found it in.
func TestCueNames(t *testing.T) {
	tests := []struct {
		name string
		cues []string
		want []string
	}{
		{"name and words", []string{"efecto_entrantes:no entran llamadas", "alcance_operacion:toda la operación"}, []string{"efecto_entrantes", "alcance_operacion"}},
		{"qualified", []string{"negado(falla:no anda el discador)"}, []string{"negado(falla)"}},
		{"repeated names once", []string{"falla:no anda", "falla:se cae"}, []string{"falla"}},
		{"a bare name", []string{"service_desk", "cliente:critico", "consulta:?"}, []string{"service_desk", "cliente", "consulta"}},
		{"words without a name are dropped", []string{"todo caído", ": se cayó", "muy caro"}, nil},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		if got := cueNames(tt.cues); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cueNames(%q) = %q, want %q", tt.name, tt.cues, got, tt.want)
		}
	}
}
