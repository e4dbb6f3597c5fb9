package ticketing

import (
	"errors"
	"testing"
)

func TestTransition(t *testing.T) {
	tests := []struct {
		kind     Kind
		from, to Status
		ok       bool
	}{
		{KindIncidente, StatusNuevo, StatusEnCurso, true},
		{KindIncidente, StatusEnCurso, StatusEscalado, true},
		{KindIncidente, StatusEscalado, StatusResuelto, true},
		{KindIncidente, StatusResuelto, StatusCerrado, true},
		{KindIncidente, StatusResuelto, StatusEnCurso, true}, // the client says it is not fixed
		{KindIncidente, StatusNuevo, StatusCerrado, false},   // closed only after resolution
		{KindIncidente, StatusEnCurso, StatusCerrado, false},
		{KindIncidente, StatusCerrado, StatusEnCurso, false},
		{KindIncidente, StatusEnCurso, StatusEntregado, false},
		{KindConsulta, StatusEnCurso, StatusResuelto, true},
		{KindRequerimiento, StatusRelevamiento, StatusCotizacion, true},
		{KindRequerimiento, StatusCotizacion, StatusAceptado, true},
		{KindRequerimiento, StatusAceptado, StatusEnDesarrollo, true},
		{KindRequerimiento, StatusEnDesarrollo, StatusEntregado, true},
		{KindRequerimiento, StatusEntregado, StatusCerrado, true},
		{KindRequerimiento, StatusRelevamiento, StatusEnDesarrollo, false}, // no work before the quote is accepted
		{KindRequerimiento, StatusEnDesarrollo, StatusCerrado, false},
		{KindRequerimiento, StatusEnCurso, StatusResuelto, false},
		{KindFuncionalidad, StatusEnCurso, StatusDerivado, true},
		{KindFuncionalidad, StatusDerivado, StatusCerrado, true},
		{KindFuncionalidad, StatusNuevo, StatusEscalado, false},
	}
	for _, tt := range tests {
		err := Transition(tt.kind, tt.from, tt.to)
		if got := err == nil; got != tt.ok {
			t.Errorf("Transition(%s, %s → %s) = %v, want ok=%v", tt.kind, tt.from, tt.to, err, tt.ok)
		}
		var te *TransitionError
		if err != nil && (!errors.As(err, &te) || te.From != tt.from || te.To != tt.to) {
			t.Errorf("Transition(%s, %s → %s) error %v is not a *TransitionError naming the move", tt.kind, tt.from, tt.to, err)
		}
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in      string
		want    Target
		wantErr bool
	}{
		{"2h", Target{OpenTime: 7200e9}, false},
		{"90m", Target{OpenTime: 5400e9}, false},
		{"1d", Target{BusinessDays: 1}, false},
		{"4d", Target{BusinessDays: 4}, false},
		{"0d", Target{}, true},
		{"-2h", Target{}, true},
		{"4x", Target{}, true},
		{"", Target{}, true},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseTarget(%q) = %v, %v; want %v, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
