package knowledge_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/knowledge"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		want       knowledge.Article
		wantErr    string
	}{
		{"plain", "# Título\n\nCuerpo.", knowledge.Article{ID: "x", Title: "Título", Lang: "es", Body: "Cuerpo."}, ""},
		{"header lines", "url: https://e.example/a\nlang: en\n\n# Title\nBody\n", knowledge.Article{ID: "x", Title: "Title", URL: "https://e.example/a", Lang: "en", Body: "Body"}, ""},
		{"crlf", "lang: es\r\n# T\r\nB\r\n", knowledge.Article{ID: "x", Title: "T", Lang: "es", Body: "B"}, ""},
		{"no title", "just text", knowledge.Article{}, "title"},
		{"empty", "", knowledge.Article{}, "no title"},
		{"bad lang", "lang: fr\n# T", knowledge.Article{}, "lang"},
		{"bad url", "url: javascript:alert(1)\n# T", knowledge.Article{}, "url"},
		{"not utf8", "# T\n\xff\xfe", knowledge.Article{}, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := knowledge.Parse("x", []byte(tt.text))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestLoadSkipsAndNamesBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/good.md", "# Bueno\ntexto")
	write("bad.md", "sin título")
	write("notes.txt", "# not an article")
	write(".git/x.md", "# hidden")
	arts, problems := knowledge.Load(dir)
	if len(arts) != 1 || arts[0].ID != "a/good" || arts[0].Title != "Bueno" {
		t.Errorf("articles = %+v, want only a/good", arts)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "bad.md") {
		t.Errorf("problems = %v, want one naming bad.md", problems)
	}
	if _, problems := knowledge.Load(filepath.Join(dir, "missing")); len(problems) != 1 {
		t.Errorf("a missing folder: problems = %v, want one", problems)
	}
}

func TestSuggestPrefersTheReadersLanguageAndHidesStaffOnly(t *testing.T) {
	base := knowledge.NewBase([]knowledge.Article{
		{ID: "es/pw", Title: "Restablecer la contraseña de un agente", Lang: "es", Body: "El supervisor restablece la contraseña olvidada."},
		{ID: "en/pw", Title: "Reset an agent's password", Lang: "en", Body: "A supervisor resets a forgotten password."},
	})
	base.SetDesk("1", []knowledge.Article{{ID: "desk/1", Title: "Contraseña olvidada de agente", Lang: "es", Body: "restablecer contraseña agente", StaffOnly: true}})
	tests := []struct {
		q, lang string
		want    string
	}{
		{"olvidé la contraseña del agente", "es", "es/pw"},
		{"olvidé la contraseña del agente", "en", "en/pw"},
		{"agent forgot password", "en", "en/pw"},
	}
	for _, tt := range tests {
		got := base.Suggest(tt.q, tt.lang, 3)
		if len(got) == 0 || got[0].ID != tt.want {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.q, tt.lang, ids(got), tt.want)
		}
		for _, r := range got {
			if r.StaffOnly {
				t.Errorf("Suggest(%q) showed staff-only %s", tt.q, r.ID)
			}
		}
	}
	if got := base.SearchFor("agent forgot password", "es", 3); len(got) < 2 || got[0].Lang != "es" || got[len(got)-1].Lang != "en" {
		t.Errorf("SearchFor(es) = %v, want the Spanish articles first, then the English one", ids(got))
	}
	if got := base.Search("olvidé la contraseña del agente", 3); len(got) < 3 {
		t.Errorf("staff search = %v, want the desk article among them", ids(got))
	}
}
