package intent

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"supportbot/ticketing"
)

type labelled struct {
	Text     string             `json:"text"`
	Kind     ticketing.Kind     `json:"kind"`
	Priority ticketing.Priority `json:"priority"`
}

func loadSet(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l labelled
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if _, err := ticketing.ParseKind(string(l.Kind)); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if l.Kind.IsIncident() {
			if _, err := ticketing.ParsePriority(string(l.Priority)); err != nil {
				t.Fatalf("%s:%d: incident without a valid priority: %v", path, n, err)
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// metrics summarises a classifier run over a labelled set.
type metrics struct {
	n, correct          int
	confusion           map[ticketing.Kind]map[ticketing.Kind]int
	prioN, prioOK       int
	missedCritical      []string
	falseCritical       []string
	wrong               []string
	askedRight, askedWr int
	wrongUnasked        int
}

func evaluate(c *Classifier, set []labelled) metrics {
	m := metrics{confusion: map[ticketing.Kind]map[ticketing.Kind]int{}}
	for _, k := range ticketing.Kinds {
		m.confusion[k] = map[ticketing.Kind]int{}
	}
	for _, l := range set {
		r := c.Classify(l.Text)
		m.n++
		m.confusion[l.Kind][r.Kind]++
		ok := r.Kind == l.Kind
		if ok {
			m.correct++
		} else {
			m.wrong = append(m.wrong, fmt.Sprintf("want %s got %s (%.2f) %q %v", l.Kind, r.Kind, r.Confidence, l.Text, r.Cues))
		}
		switch {
		case r.Ask && ok:
			m.askedRight++
		case r.Ask:
			m.askedWr++
		case !ok:
			m.wrongUnasked++
		}
		if l.Kind == ticketing.KindIncidenteCritico && r.Kind != l.Kind {
			m.missedCritical = append(m.missedCritical, l.Text)
		}
		if l.Kind != ticketing.KindIncidenteCritico && r.Kind == ticketing.KindIncidenteCritico {
			m.falseCritical = append(m.falseCritical, l.Text)
		}
		// Priority is judged on incidents the classifier also took for
		// incidents: a kind error is already counted above.
		if l.Kind == ticketing.KindIncidente && r.Kind.IsIncident() {
			m.prioN++
			if r.Priority == l.Priority {
				m.prioOK++
			} else {
				m.wrong = append(m.wrong, fmt.Sprintf("priority want %s got %s %q %v", l.Priority, r.Priority, l.Text, r.Cues))
			}
		}
	}
	return m
}

func (m metrics) accuracy() float64     { return ratio(m.correct, m.n) }
func (m metrics) prioAccuracy() float64 { return ratio(m.prioOK, m.prioN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (m metrics) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "kind accuracy %.3f (%d/%d); incident priority accuracy %.3f (%d/%d)\n",
		m.accuracy(), m.correct, m.n, m.prioAccuracy(), m.prioOK, m.prioN)
	fmt.Fprintf(&b, "asked: %d right, %d wrong; wrong and not asked: %d\n", m.askedRight, m.askedWr, m.wrongUnasked)
	fmt.Fprintf(&b, "%-18s %9s %6s %6s\n", "kind", "precision", "recall", "n")
	for _, k := range ticketing.Kinds {
		tp, fp, fn := m.confusion[k][k], 0, 0
		for _, o := range ticketing.Kinds {
			if o != k {
				fp += m.confusion[o][k]
				fn += m.confusion[k][o]
			}
		}
		fmt.Fprintf(&b, "%-18s %9.3f %6.3f %6d\n", k, ratio(tp, tp+fp), ratio(tp, tp+fn), tp+fn)
	}
	b.WriteString("confusion (rows: label, columns: classified)\n")
	fmt.Fprintf(&b, "%-18s", "")
	for _, k := range ticketing.Kinds {
		fmt.Fprintf(&b, " %6.6s", k)
	}
	b.WriteByte('\n')
	for _, k := range ticketing.Kinds {
		fmt.Fprintf(&b, "%-18s", k)
		for _, o := range ticketing.Kinds {
			fmt.Fprintf(&b, " %6d", m.confusion[k][o])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestLabelledSets holds the classifier to the acceptance thresholds on
// every labelled set in testdata. Run with -v to see the metrics and each
// miss.
func TestLabelledSets(t *testing.T) {
	c := New(DefaultMinConfidence)
	for _, name := range []string{"dev.jsonl", "own.jsonl"} {
		t.Run(strings.TrimSuffix(name, ".jsonl"), func(t *testing.T) {
			m := evaluate(c, loadSet(t, "testdata/"+name))
			t.Log("\n" + m.report())
			for _, w := range m.wrong {
				t.Log(w)
			}
			if got := m.accuracy(); got < 0.95 {
				t.Errorf("kind accuracy %.3f, want ≥ 0.95", got)
			}
			if got := m.prioAccuracy(); got < 0.85 {
				t.Errorf("incident priority accuracy %.3f, want ≥ 0.85", got)
			}
			for _, s := range m.missedCritical {
				t.Errorf("critical incident not detected: %q", s)
			}
			for _, s := range m.falseCritical {
				t.Errorf("classified critical but is not: %q", s)
			}
		})
	}
}

// TestThresholdSweep shows how the ask threshold trades questions to
// clients against unasked mistakes, and holds the default to asking rarely:
// a bot that questions every other client is not worth having.
func TestThresholdSweep(t *testing.T) {
	var set []labelled
	for _, name := range []string{"dev.jsonl", "own.jsonl"} {
		set = append(set, loadSet(t, "testdata/"+name)...)
	}
	var lines []string
	for _, th := range []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75} {
		m := evaluate(New(th), set)
		lines = append(lines, fmt.Sprintf("threshold %.2f: asked %3d (%3d of them right), wrong unasked %2d",
			th, m.askedRight+m.askedWr, m.askedRight, m.wrongUnasked))
	}
	t.Log("\n" + strings.Join(lines, "\n"))
	m := evaluate(New(DefaultMinConfidence), set)
	if asked := m.askedRight + m.askedWr; ratio(asked, m.n) > 0.05 {
		t.Errorf("default threshold asks about %d of %d messages, want at most 5%%", asked, m.n)
	}
}
