package wording

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verbRe = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func verbs(s string) []string { return verbRe.FindAllString(s, -1) }

func TestCatalogBuilds(t *testing.T) {
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// A row with a column missing, or whose columns take different arguments,
// would render a wrong or broken text in one language.
func TestEveryKeyInEveryLanguage(t *testing.T) {
	for _, table := range []map[string]Text{clientTexts, deskTexts, reportTexts, triageTexts} {
		for key, row := range table {
			want := verbs(row.ESAR)
			for _, l := range Languages {
				s := row.in(l)
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s: missing in %s", key, l)
					continue
				}
				if got := verbs(s); !slices.Equal(got, want) {
					t.Errorf("%s in %s: verbs %v, es-AR has %v", key, l, got, want)
				}
			}
		}
	}
	for key, p := range allPlurals() {
		for _, l := range Languages {
			f := p.in(l)
			if f.One == "" || f.Other == "" {
				t.Errorf("%s: a form missing in %s", key, l)
			}
		}
	}
	for key := range plurals {
		if _, dup := clientTexts[key]; dup {
			t.Errorf("%s is both a text and a plural", key)
		}
	}
	for key := range deskTexts {
		if _, dup := clientTexts[key]; dup {
			t.Errorf("%s is in both tables", key)
		}
	}
	for key := range reportTexts {
		_, inClient := clientTexts[key]
		_, inDesk := deskTexts[key]
		_, counted := allPlurals()[key]
		if inClient || inDesk || counted {
			t.Errorf("%s is in two tables", key)
		}
	}
}

// placeholders fills a text's verbs with something of the right type.
func placeholders(s string) []any {
	var args []any
	for _, v := range verbs(s) {
		switch v[len(v)-1] {
		case 'd':
			args = append(args, 12)
		case '%':
		default:
			args = append(args, "X")
		}
	}
	return args
}

// Every text, rendered in each language, speaks that language: no voseo in
// es-CL or en, no Spanish in en. The client texts are the point; staff's
// follow the same rule.
func TestTextsSpeakTheirLanguage(t *testing.T) {
	all := map[string]Text{}
	maps.Copy(all, clientTexts)
	maps.Copy(all, deskTexts)
	maps.Copy(all, reportTexts)
	for key, row := range all {
		for _, l := range Languages {
			got := l.Say(key, placeholders(row.ESAR)...)
			if got == key || strings.Contains(got, "%!") {
				t.Errorf("%s in %s rendered as %q", key, l, got)
			}
			if bad := Voice(l, got); len(bad) > 0 {
				t.Errorf("%s in %s: %v in %q", key, l, bad, got)
			}
		}
	}
}

func TestVoiceCatchesVoseo(t *testing.T) {
	tests := []struct {
		l    Language
		s    string
		want bool
	}{
		{SpanishAR, "Escribí en este hilo; tenés respuesta.", false},
		{SpanishCL, "Escribí en este hilo.", true},
		{SpanishCL, "Si quedó resuelto confirmalo.", true},
		{SpanishCL, "Escribe en este hilo; tienes respuesta.", false},
		{English, "Write in this thread.", false},
		{English, "Registramos tu caso: ticket #12", true},
		{English, "We opened it; podés escribir.", true},
		{English, "Due mañana.", true},
		{English, "Resolved by Lucía.", false},
		{English, "¿Which kind?", true},
	}
	for _, tt := range tests {
		if got := len(Voice(tt.l, tt.s)) > 0; got != tt.want {
			t.Errorf("Voice(%s, %q) flagged = %v, want %v", tt.l, tt.s, got, tt.want)
		}
	}
}

func TestSayKeepsTicketNumbersPlain(t *testing.T) {
	for _, l := range Languages {
		if got := l.Say("ticket.not_found", int64(12345)); !strings.Contains(got, "#12345") {
			t.Errorf("%s: %q", l, got)
		}
	}
	if got := SpanishAR.Say("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
	if got := Language("").Say("list.none"); got != "No hay tickets abiertos." {
		t.Errorf("zero language = %q, want es-AR", got)
	}
}

func TestParseLanguage(t *testing.T) {
	for _, s := range []string{"es-AR", "es-CL", "en"} {
		if l, err := ParseLanguage(s); err != nil || string(l) != s {
			t.Errorf("ParseLanguage(%q) = %q, %v", s, l, err)
		}
	}
	for _, s := range []string{"", "es", "EN", "pt-BR"} {
		if _, err := ParseLanguage(s); err == nil {
			t.Errorf("ParseLanguage(%q) accepted", s)
		}
	}
}

func TestSayKeepsWidthAndFlags(t *testing.T) {
	want := map[Language]string{SpanishAR: "4.096", SpanishCL: "4.096", English: "4,096"}
	for _, l := range Languages {
		if got := l.Say("truncated", 4, 96); !strings.Contains(got, want[l]) {
			t.Errorf("%s: %q, want %s", l, got, want[l])
		}
	}
}
