package intent

import (
	"slices"
	"testing"
)

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
		{"no esta *ando", "no esta mando", false}, // an ending needs two letters before it
		{"no esta *ando", "no esta llamando", true},
		{"cay* todo", "cay todo", true},
		{"x se+cay* todo", "x se cayeron todo", true},
		{"x se+cay* todo", "x se fue todo", false},
		{"el !cay*", "el cayo", false},
		{"el !*ando", "el marcando", false},
		{"el !*ando", "el sistema", true},
	}
	for _, tt := range tests {
		c, err := compile([]cueGroup{{catConsulta, 1, 0, []string{tt.pat}}}, m)
		if err != nil {
			t.Fatal(err)
		}
		tk := tokenize(tt.text)
		got := slices.ContainsFunc(c.find(&tk), func(m match) bool { return m.start == 0 })
		if got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pat, tt.text, got, tt.want)
		}
		if _, ref := c.cues[0].pat.matchAt(tk.words, 0, 0); ref != tt.want {
			t.Errorf("reference: %q on %q = %v, want %v", tt.pat, tt.text, ref, tt.want)
		}
	}
	for _, bad := range []string{"", "~2 a", "a? b", "!a b", "a ~x", "a @nope", "a|", "*ando b"} {
		if _, err := compile([]cueGroup{{catConsulta, 1, 0, []string{bad}}}, m); err == nil {
			t.Errorf("pattern %q compiled, want an error", bad)
		}
	}
}
