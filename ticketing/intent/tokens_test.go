package intent

import (
	"slices"
	"testing"
)

func TestTokenizeClauses(t *testing.T) {
	tk := tokenize(Normalize("No se cayó nada, solo una consulta: ¿cómo exporto? #consulta"))
	var got [][]string
	for _, c := range tk.clauses {
		got = append(got, tk.words[c.start:c.end])
	}
	want := [][]string{{"no", "se", "cayo", "nada"}, {"solo", "una", "consulta"}, {"como", "exporto"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("clauses = %q, want %q", got, want)
	}
	if !tk.clauses[2].question || tk.clauses[0].question {
		t.Errorf("question flags wrong: %+v", tk.clauses)
	}
	if len(tk.tags) != 1 || tk.tags[0].word != "consulta" {
		t.Errorf("tags = %+v", tk.tags)
	}
}
