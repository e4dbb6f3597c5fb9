package intent

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// TestCorpus checks the shipped corpus parses and has hundreds of
// examples of every kind, so the model has something to learn each from.
func TestCorpus(t *testing.T) {
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	count := map[ticketing.Kind]int{}
	for _, ex := range exs {
		count[ex.Kind]++
	}
	for _, k := range ticketing.Kinds {
		if count[k] < 300 {
			t.Errorf("corpus has %d examples of %s, want ≥ 300", count[k], k)
		}
	}
	t.Logf("corpus: %d examples %v", len(exs), count)
}

// TestTrainIsDeterministic trains twice and compares the model files byte
// for byte, and checks a file read back classifies like the original.
func TestTrainIsDeterministic(t *testing.T) {
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := Train(exs).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := DefaultModel().WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings on the same corpus gave different models")
	}
	m, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model file: %d bytes", a.Len())
	fresh, read := New(DefaultMinConfidence), NewWithModel(DefaultMinConfidence, m)
	for _, ex := range loadSet(t, "testdata/heldout.jsonl") {
		if g, w := read.Classify(ex.Text), fresh.Classify(ex.Text); g.Kind != w.Kind || g.Priority != w.Priority || g.Confidence != w.Confidence {
			t.Fatalf("read model: %q = %+v, trained model says %+v", ex.Text, g, w)
		}
	}
}

func TestReadModelRefusesDamage(t *testing.T) {
	var good bytes.Buffer
	if _, err := DefaultModel().WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	g := good.Bytes()
	version := bytes.Clone(g)
	version[12]++ // featureVersion
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not model": []byte("hello world, not a model"),
		"truncated": g[:len(g)/2],
		"trailing":  append(bytes.Clone(g), 0),
		"version":   version,
	} {
		if _, err := ReadModel(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: ReadModel accepted it", name)
		}
	}
}

// TestTrainOnCorrections shows the path staff corrections take: examples
// added to the corpus change what a retrained model says.
func TestTrainOnCorrections(t *testing.T) {
	text := "el semáforo del tablero quedó en violeta fosforescente"
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		exs = append(exs, Example{Text: text + strings.Repeat(" !", i%3), Kind: ticketing.KindFuncionalidad})
	}
	if got := NewWithModel(DefaultMinConfidence, Train(exs)).Classify(text); got.Kind != ticketing.KindFuncionalidad {
		t.Errorf("after training on corrections, %q = %s", text, got.Kind)
	}
}

func TestReadExamples(t *testing.T) {
	exs, err := ReadExamples(strings.NewReader(`{"text":"a","kind":"consulta","priority":"alta"}

{"text":"b","kind":"incidente_critico"}
{"text":"c","kind":"incidente","priority":"baja"}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{"a", ticketing.KindConsulta, ""}, {"b", ticketing.KindIncidenteCritico, ticketing.PriorityCritica}, {"c", ticketing.KindIncidente, ticketing.PriorityBaja}}
	if len(exs) != len(want) {
		t.Fatalf("got %v, want %v", exs, want)
	}
	for i := range want {
		if exs[i] != want[i] {
			t.Errorf("example %d = %+v, want %+v", i, exs[i], want[i])
		}
	}
	for _, bad := range []string{`{"text":"x"`, `{"text":"x","kind":"otra"}`, `{"text":"x","kind":"incidente"}`, `{"text":"x","kind":"incidente","priority":"critica"}`} {
		if _, err := ReadExamples(strings.NewReader("\n" + bad + "\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("ReadExamples(%s) = %v, want an error naming line 2", bad, err)
		}
	}
}

func TestNoCase(t *testing.T) {
	c := New(DefaultMinConfidence)
	for _, text := range []string{"hola", "Buen día!", "gracias!!", "ok", "👍", "🙏🙏", "", "adjunto captura", "te paso la captura",
		"Hola Nico", "muchas gracias, saludos", "dale, gracias", "thanks!", "hi team", "ok perfecto"} {
		got := c.Classify(text)
		if !got.NoCase || !got.Ask || got.Kind != ticketing.KindConsulta {
			t.Errorf("Classify(%q) = %+v, want NoCase (as an asked consulta)", text, got)
		}
		checkResult(t, c, text, got)
	}
	for _, text := range []string{"hola, no anda el discador", "adjunto captura del error", "gracias, ¿y cómo exporto?", "hola urgente",
		"#consulta hola", "ok se cayó todo", "hola consulta"} {
		if got := c.Classify(text); got.NoCase {
			t.Errorf("Classify(%q) is NoCase: %+v", text, got)
		}
	}
}

// TestDoubtfulCritical: a message whose scope is unclear asks; a certain
// outage does not; a hypothetical is a consulta.
func TestDoubtfulCritical(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		text     string
		kind     ticketing.Kind
		doubtful bool
	}{
		{"URGENTE se cayó todo, ningún agente puede llamar", ticketing.KindIncidenteCritico, false},
		{"Caída total del servicio, 200 agentes parados", ticketing.KindIncidenteCritico, false},
		{"¿qué hago si se cae todo?", ticketing.KindConsulta, false},
		{"In case the whole platform goes down, who do we call?", ticketing.KindConsulta, false},
		{"un agente no puede loguearse", ticketing.KindIncidente, false},
		{"El discador no marca desde esta mañana en la campaña de cobranzas", ticketing.KindIncidente, true},
	}
	for _, tt := range tests {
		got := c.Classify(tt.text)
		if got.Kind != tt.kind || got.DoubtfulCritical != tt.doubtful {
			t.Errorf("Classify(%q) = %s doubtful=%v, want %s doubtful=%v (cues %v)", tt.text, got.Kind, got.DoubtfulCritical, tt.kind, tt.doubtful, got.Cues)
		}
	}
	// Whatever the message, a doubtful critical is the incident to file on
	// a "no".
	doubtful := 0
	var sets []Example
	for _, path := range append([]string{"testdata/dev_style.jsonl"}, heldOutSets...) {
		sets = append(sets, loadSet(t, path)...)
	}
	for _, ex := range sets {
		r := c.Classify(ex.Text)
		if !r.DoubtfulCritical {
			continue
		}
		doubtful++
		if r.Kind != ticketing.KindIncidente || prioIndex(r.Priority) < 0 {
			t.Errorf("%q: doubtful critical %+v", ex.Text, r)
		}
	}
	if doubtful == 0 {
		t.Error("no development or held-out message was doubtful critical")
	}
}

// BenchmarkClassifyCorpus classifies the whole corpus, reporting time and
// allocations per message and the model's memory.
func BenchmarkClassifyCorpus(b *testing.B) {
	exs, err := Corpus()
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := Train(exs)
	runtime.GC()
	runtime.ReadMemStats(&after)
	c := NewWithModel(DefaultMinConfidence, m)
	b.ReportAllocs()
	// Each message is timed too: the goal is on the slowest 1 %, long
	// messages with a signature, not on the mean.
	took := make([]time.Duration, 0, 1<<16)
	i := 0
	for b.Loop() {
		start := time.Now()
		c.Classify(exs[i%len(exs)].Text)
		if len(took) < cap(took) {
			took = append(took, time.Since(start))
		}
		i++
	}
	// Reported after the loop: b.Loop resets user metrics when it starts.
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "model-MB")
	if len(took) > 0 {
		slices.Sort(took)
		b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds())/1e3, "p99-µs")
	}
	runtime.KeepAlive(m)
}
