package ticketing

import "testing"

func TestCloseReason(t *testing.T) {
	tests := []struct {
		r    CloseReason
		text string
		auto bool
	}{
		{CloseReasonNoReply, "sin respuesta del cliente tras aviso previo", true},
		{CloseReasonTestingAccepted, "desarrollo aceptado: terminó el período de prueba de 30 días", true},
		{CloseReasonClientConformity, "conformidad del cliente", false},
		{CloseReasonDeliveryAccepted, "desarrollo aceptado por el cliente", false},
		{CloseReasonStaff, "cerrado por soporte", false},
		{CloseReasonDuplicate, "duplicado: el contacto tenía otro ticket abierto más reciente", false},
		{"motivo escrito a mano", "motivo escrito a mano", false}, // stored before codes, unknown to 0007
	}
	for _, tt := range tests {
		if got := tt.r.Text(); got != tt.text {
			t.Errorf("%s.Text() = %q, want %q", tt.r, got, tt.text)
		}
		if got := tt.r.Auto(); got != tt.auto {
			t.Errorf("%s.Auto() = %v, want %v", tt.r, got, tt.auto)
		}
	}
}

func TestParseEscalation(t *testing.T) {
	tests := []struct {
		in    string
		want  Escalation
		label string
		ok    bool
	}{
		{"n2", EscalationN2, "nivel II", true},
		{"n3", EscalationN3, "nivel III", true},
		{"infra", EscalationInfra, "infraestructura", true},
		{"desarrollo", EscalationDesarrollo, "desarrollo", true},
		{"n4", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		got, err := ParseEscalation(tt.in)
		if (err == nil) != tt.ok || got != tt.want || got.Label() != tt.label && tt.ok {
			t.Errorf("ParseEscalation(%q) = %q (%q), %v; want %q (%q), ok=%v", tt.in, got, got.Label(), err, tt.want, tt.label, tt.ok)
		}
	}
}
