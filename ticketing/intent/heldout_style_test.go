package intent

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// heldOutStylePath holds whole style families that no corpus file has:
// "Asunto:/Detalle:" ticket forms, Chilean voice-note run-ons, terse
// English operations shorthand and long e-mails that give the context
// before the point. They were written before the impact cues and the
// hand-written corpus, by a different hand than the corpus' registers, and
// no cue, weight or training example was chosen by looking at how this
// set is read: its figures say how the classifier reads a client who
// writes in a way it was never shown.
const heldOutStylePath = "testdata/heldout_style.jsonl"

type styleFigures struct {
	kind, criticalAsCritical, reach, falseCritical, falseDoubtful, priority float64
}

// styleGoals are the goals for the held-out-by-style split.
var styleGoals = styleFigures{kind: 0.95, criticalAsCritical: 0.90, reach: 1, falseCritical: 0.02, falseDoubtful: 0.05, priority: 0.85}

// styleFloors are where the test fails. Every goal is met now, so the
// floors are the goals; should a goal ever be relaxed here, the test still
// logs it as not met.
var styleFloors = styleGoals

// TestHeldOutByStyle prints, for the held-out style families, per-kind
// precision and recall, kind accuracy, critical read as critical, critical
// reach (critical or asked), false critical, false doubtful and incident
// priority accuracy, and holds them to the goals. Misses are not
// printed unless SUPPORTBOT_SHOW_STYLE_MISSES is set: the set judges, it
// is not a list to tune against.
func TestHeldOutByStyle(t *testing.T) {
	exs := loadSet(t, heldOutStylePath)
	m := Evaluate(New(DefaultMinConfidence), exs)
	var b strings.Builder
	_ = m.WriteReport(&b)
	t.Logf("held out by style (%s), families %v\n%s", heldOutStylePath, familiesOf(t, heldOutStylePath), b.String())
	if os.Getenv("SUPPORTBOT_SHOW_STYLE_MISSES") != "" {
		for _, x := range m.Misses {
			t.Log(x)
		}
	}
	for _, g := range []struct {
		name             string
		got, goal, floor float64
		atMost           bool
	}{
		{"kind accuracy", m.Accuracy(), styleGoals.kind, styleFloors.kind, false},
		{"critical read as critical", m.CriticalRecall(), styleGoals.criticalAsCritical, styleFloors.criticalAsCritical, false},
		{"critical reach (critical or asked)", m.CriticalReach(), styleGoals.reach, styleFloors.reach, false},
		{"false critical", m.FalseCriticalOnly(), styleGoals.falseCritical, styleFloors.falseCritical, true},
		{"false doubtful", m.FalseDoubtfulRate(), styleGoals.falseDoubtful, styleFloors.falseDoubtful, true},
		{"incident priority accuracy", m.PriorityAccuracy(), styleGoals.priority, styleFloors.priority, false},
	} {
		cmp := map[bool]string{false: "≥", true: "≤"}[g.atMost]
		short := func(limit float64) bool { return g.atMost && g.got > limit || !g.atMost && g.got < limit }
		status := "met"
		if short(g.goal) {
			status = "NOT MET YET"
		}
		t.Logf("%-36s %.3f (goal %s %.2f: %s)", g.name, g.got, cmp, g.goal, status)
		if short(g.floor) {
			t.Errorf("%s %.3f fell past its floor %s %.3f (goal %s %.2f)", g.name, g.got, cmp, g.floor, cmp, g.goal)
		}
	}
}

// TestHeldOutStyleFamiliesAreNotTrained keeps the split by style honest:
// no corpus file has a family of the held-out set, and no held-out message
// is in the corpus.
func TestHeldOutStyleFamiliesAreNotTrained(t *testing.T) {
	held := familiesOf(t, heldOutStylePath)
	if len(held) < 3 {
		t.Fatalf("held-out families %v: want whole families, at least 3", held)
	}
	files, err := fs.Glob(os.DirFS("."), "corpus/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, fam := range familiesOf(t, f) {
			if slices.Contains(held, fam) {
				t.Errorf("%s trains on the held-out family %q", f, fam)
			}
		}
	}
	corpus, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ex := range corpus {
		seen[Normalize(ex.Text)] = true
	}
	for _, ex := range loadSet(t, heldOutStylePath) {
		if seen[Normalize(ex.Text)] {
			t.Errorf("%q is also in the training corpus", ex.Text)
		}
	}
}

// familiesOf lists the distinct "family" fields of a JSONL file, sorted.
func familiesOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), maxExampleLine)
	var out []string
	for sc.Scan() {
		var line struct {
			Family string `json:"family"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Family != "" && !slices.Contains(out, line.Family) {
			out = append(out, line.Family)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
