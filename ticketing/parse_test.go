package ticketing

import "testing"

func TestParseCountryPlanPriority(t *testing.T) {
	tests := []struct {
		what, in, want string
		ok             bool
	}{
		{"country", "AR", "AR", true},
		{"country", "CL", "CL", true},
		{"country", "ar", "", false}, // codes are written as configured
		{"country", "UY", "", false},
		{"country", "", "", false},
		{"plan", "", "estandar", true},
		{"plan", "estandar", "estandar", true},
		{"plan", "extendido", "extendido", true},
		{"plan", "7x24", "7x24", true},
		{"plan", "premium", "", false},
		{"priority", "critica", "critica", true},
		{"priority", "baja", "baja", true},
		{"priority", "urgente", "", false},
		{"priority", "", "", false},
	}
	for _, tt := range tests {
		var got string
		var err error
		switch tt.what {
		case "country":
			var c Country
			c, err = ParseCountry(tt.in)
			got = string(c)
		case "plan":
			var p Plan
			p, err = ParsePlan(tt.in)
			got = string(p)
		case "priority":
			var p Priority
			p, err = ParsePriority(tt.in)
			got = string(p)
		}
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Parse %s %q = %q, %v; want %q, ok=%v", tt.what, tt.in, got, err, tt.want, tt.ok)
		}
	}
}
