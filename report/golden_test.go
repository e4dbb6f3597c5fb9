package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"supportbot/report"
	"supportbot/ticketing/wording"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from what the report writes now")

// TestGolden compares the text and CSV forms of deskInput's month, in
// es-AR and en, with the files in testdata. After a deliberate change, run
// `go test ./report -run TestGolden -update` and read the diff.
func TestGolden(t *testing.T) {
	for _, lang := range []wording.Language{wording.SpanishAR, wording.English} {
		in := deskInput()
		in.Language = lang
		r := report.Build(in)
		csvOpts, _ := report.CSVForLocale(string(lang))
		forms := []struct {
			name  string
			write func(*bytes.Buffer) error
		}{
			{"report." + string(lang) + ".txt", func(b *bytes.Buffer) error { return report.WriteText(b, r) }},
			{"report." + string(lang) + ".csv", func(b *bytes.Buffer) error { return csvOpts.Write(b, r) }},
			{"breaches." + string(lang) + ".csv", func(b *bytes.Buffer) error { return csvOpts.WriteBreaches(b, r) }},
		}
		for _, f := range forms {
			t.Run(f.name, func(t *testing.T) {
				var b bytes.Buffer
				if err := f.write(&b); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", f.name)
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got := b.String(); got != string(want) {
					t.Errorf("%s differs from %s (run with -update after a deliberate change):\n%s", f.name, path, firstDiff(got, string(want)))
				}
			})
		}
	}
}

// firstDiff is the first line where got and want part, with its number.
func firstDiff(got, want string) string {
	g, w := bytes.Split([]byte(got), []byte("\n")), bytes.Split([]byte(want), []byte("\n"))
	for i := range max(len(g), len(w)) {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(i+1) + ":\n got  " + string(gl) + "\n want " + string(wl)
		}
	}
	return "(same lines)"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
