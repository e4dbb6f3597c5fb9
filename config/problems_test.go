package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestProblemsNameTheKeyAndComeTogether checks the exact problem list: each
// names its key, and one bad value neither hides the others nor drags in
// validation noise about itself.
func TestProblemsNameTheKeyAndComeTogether(t *testing.T) {
	// line(n) is the line number of the n-th line appended to base.
	baseLines := strings.Count(base, "\n")
	line := func(n int) int { return baseLines + n }
	env := map[string]string{"EMPTY_SECRET": "", "BOT": "xoxb-1"}
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"scalar for a list", base + "sla:\n  warn_at: abc\n",
			[]string{fmt.Sprintf(`sla.warn_at: cannot read "abc" as a list of numbers (line %d)`, line(2))}},
		{"bad list item", base + "sla:\n  warn_at: [0.5, abc]\n",
			[]string{fmt.Sprintf(`sla.warn_at[1]: cannot read "abc" as a number (line %d)`, line(2))}},
		{"list for a string, no 'missing time zone' echo", strings.Replace(base, "timezone: America/Santiago", "timezone: [America/Santiago]", 1),
			[]string{`clients[1].timezone: cannot read a list as text (line 16)`}},
		{"not a bool", base + "whatsapp:\n  enabled: maybe\n",
			[]string{fmt.Sprintf(`whatsapp.enabled: cannot read "maybe" as true or false (line %d)`, line(2))}},
		{"not a number", base + "classifier: {min_confidence: high}\n",
			[]string{fmt.Sprintf(`classifier.min_confidence: cannot read "high" as a number (line %d)`, line(1))}},
		{"bad group window", base + "intake: {group_window: 0s}\n",
			[]string{`intake.group_window: bad duration "0s": want a positive one, e.g. 2m`}},
		{"mapping for a string", base + "store: {path: {dir: x}}\n",
			[]string{fmt.Sprintf(`store.path: cannot read a set of keys as text (line %d)`, line(1))}},
		{"list for a section", base + "http: [a]\n",
			[]string{fmt.Sprintf(`http: cannot read a list as a set of keys (key: value) (line %d)`, line(1))}},
		{"whole file is a scalar", "just text\n",
			[]string{`(top level): cannot read "just text" as a set of keys (key: value) (line 1)`}},
		{"key given twice", base + "sla:\n  warn_at: [0.5]\n  warn_at: [0.6]\n",
			[]string{fmt.Sprintf(`sla.warn_at: key given twice, first on line %d (line %d)`, line(2), line(3))}},
		{"set but empty is not unset", base + "slack: {mode: events, bot_token: '${BOT}', signing_secret: '${EMPTY_SECRET}'}\n",
			[]string{`slack.signing_secret: environment variable ${EMPTY_SECRET} is set but empty`}},
		{"unset", base + "slack: {mode: events, bot_token: '${NOPE}', signing_secret: x}\n",
			[]string{`slack.bot_token: environment variable NOPE is not set`}},
		{"every kind of problem at once",
			strings.Replace(base, "plan: extendido", "plan: premium", 1) +
				"servce_desk: {}\n" +
				"sla:\n  warn_at: abc\n  targets: {alta: 4x, baja: [1d]}\n" +
				"slack: {mode: events, bot_token: '${BOT}', signing_secret: '${EMPTY_SECRET}'}\n",
			[]string{
				`slack.signing_secret: environment variable ${EMPTY_SECRET} is set but empty`,
				fmt.Sprintf(`servce_desk: unknown key (line %d); did you mean "service_desk"?`, line(1)),
				fmt.Sprintf(`sla.warn_at: cannot read "abc" as a list of numbers (line %d)`, line(3)),
				fmt.Sprintf(`sla.targets.baja: cannot read a list as text (line %d)`, line(4)),
				`clients[1].plan: must be estandar, extendido or 7x24, got "premium"`,
				`sla.targets.alta: bad duration "4x": want hours such as 4h or business days such as 1d`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.yaml", []byte(tt.yaml), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Parse = %v, want a *config.Error", err)
			}
			if !slices.Equal(cerr.Problems, tt.want) {
				t.Errorf("problems:\ngot  %q\nwant %q", cerr.Problems, tt.want)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := Parse("cfg.yaml", []byte(base+"sla:\n  warn_at: abc\nhttp: {listn: x}\n"), noEnv)
	baseLines := strings.Count(base, "\n")
	want := fmt.Sprintf("config cfg.yaml:\n  sla.warn_at: cannot read \"abc\" as a list of numbers (line %d)\n  http.listn: unknown key (line %d); did you mean \"listen\"?", baseLines+2, baseLines+3)
	if err == nil || err.Error() != want {
		t.Errorf("error:\ngot  %v\nwant %s", err, want)
	}
}

func TestLooseValuesTheDecoderTakesStillRead(t *testing.T) {
	// The decoder takes a whole number for a fraction and yes for true; the
	// walk asks the decoder, so it must not call them wrong.
	y := base + "classifier: {min_confidence: 1}\nwhatsapp: {enabled: yes}\n"
	cfg, err := Parse("test.yaml", []byte(y), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Classifier.Threshold(); got != 1 {
		t.Errorf("min_confidence = %v, want 1", got)
	}
	if !cfg.WhatsApp.Enabled {
		t.Error("whatsapp.enabled = false, want true")
	}
}
