package intent

import "testing"

func TestPatternLanguage(t *testing.T) {
	m := map[string]string{"x": "uno|dos+tres"}
	tests := []struct {
		pat, text string
		want      bool
	}{
		{"se cay* todo", "se cayeron todo", true},
		{"no ~2 anda", "no me lo anda", true},
		{"no ~1 anda", "no me lo anda", false},
		{"el sistema? !de", "el caido", true},
		{"el sistema !de", "el sistema de grabaciones", false},
		{"sistema !de", "sistema", true},
		{"contact+center caido", "contact center caido", true},
		{"#n agentes", "200 agentes", true},
		{"#n agentes", "muchos agentes", false},
		{"a los #n|pocos segundos", "a los 30 segundos", true},
		{"a los #n|pocos segundos", "a los pocos segundos", true},
		{"a los #n|pocos segundos", "a los varios segundos", false},
		{"#n|dos agentes", "dos agentes", true},
		{"a @x", "a dos tres", true},
		{"no esta *ando", "no esta marcando", true},
		{"no esta *ando", "no esta ando", false},
	}
	for _, tt := range tests {
		p, err := compilePattern(tt.pat, m)
		if err != nil {
			t.Fatal(err)
		}
		words := tokenize(tt.text).words
		_, got := p.matchAt(words, 0, 0)
		if got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pat, tt.text, got, tt.want)
		}
	}
	for _, bad := range []string{"", "~2 a", "a? b", "!a b", "a ~x", "a @nope", "a|", "*ando b"} {
		if _, err := compile([]cueGroup{{catConsulta, 1, 0, []string{bad}}}, m); err == nil {
			t.Errorf("pattern %q compiled, want an error", bad)
		}
	}
}
