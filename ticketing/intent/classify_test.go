package intent

import (
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"supportbot/ticketing"
)

// TestClassifyBehaviour pins the behaviours the issue names: negation,
// scope, resolved outages, hypotheticals, quotes vs suggestions.
func TestClassifyBehaviour(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		name     string
		text     string
		kind     ticketing.Kind
		priority ticketing.Priority // checked when set
	}{
		{"acceptance", "URGENTE se cayó todo, ningún agente puede llamar", ticketing.KindIncidenteCritico, ticketing.PriorityCritica},
		{"shouting with emoji", "SE CAYOOO TODOOO 🔥🔥 nadie puede llamar!!!", ticketing.KindIncidenteCritico, ""},
		{"campaign fully stopped", "La campaña de cobranzas está completamente detenida", ticketing.KindIncidenteCritico, ""},
		{"nobody can call or receive", "no podemos hacer ni recibir llamadas", ticketing.KindIncidenteCritico, ""},
		{"english outage", "the whole call center is down", ticketing.KindIncidenteCritico, ""},
		{"negated outage", "no se cayó nada, solo una consulta: ¿cómo cambio la música de espera?", ticketing.KindConsulta, ""},
		{"single agent", "un agente no puede loguearse", ticketing.KindIncidente, ticketing.PriorityMedia},
		{"single agent softphone", "a una ejecutiva no le anda el softphone, el resto bien", ticketing.KindIncidente, ticketing.PriorityMedia},
		{"one team cannot work", "el equipo de ventas no puede llamar, se cayó su campaña", ticketing.KindIncidente, ""},
		{"module down", "Se cayó el módulo de reportes, no podemos usar el sistema para gestionar", ticketing.KindIncidente, ticketing.PriorityAlta},
		{"cosmetic", "hay un error de ortografía en el menú de pausas", ticketing.KindIncidente, ticketing.PriorityBaja},
		{"degraded", "el CRM está lento pero los agentes siguen trabajando", ticketing.KindIncidente, ticketing.PriorityMedia},
		{"hypothetical", "¿Qué hacemos si se cae todo el sistema un domingo?", ticketing.KindConsulta, ""},
		{"how-to about an outage", "¿Cómo reporto una caída total fuera de horario?", ticketing.KindConsulta, ""},
		{"custom report quote", "necesitamos un reporte nuevo de ventas por hora, ¿nos pasan cotización?", ticketing.KindRequerimiento, ""},
		{"price of a custom report", "¿Cuánto sale un reporte a medida de tipificaciones?", ticketing.KindRequerimiento, ""},
		{"extra training", "queremos una capacitación adicional para supervisores", ticketing.KindRequerimiento, ""},
		{"platform suggestion", "estaría bueno que la plataforma permita pausar campañas desde el celular", ticketing.KindFuncionalidad, ""},
		{"english suggestion", "it would be great if the softphone had a dark theme", ticketing.KindFuncionalidad, ""},
		{"chilean slang", "wn se pegó el discador, no marca nada y estamos todos parados po", ticketing.KindIncidenteCritico, ""},
		{"argentine slang", "che no funca el softphone de la supervisora", ticketing.KindIncidente, ""},
		{"how-to", "hola! cómo hago para exportar las grabaciones de ayer?", ticketing.KindConsulta, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Classify(tt.text)
			if got.Kind != tt.kind {
				t.Errorf("Classify(%q).Kind = %s, want %s (cues %v)", tt.text, got.Kind, tt.kind, got.Cues)
			}
			if tt.priority != "" && got.Priority != tt.priority {
				t.Errorf("Classify(%q).Priority = %q, want %q (cues %v)", tt.text, got.Priority, tt.priority, got.Cues)
			}
		})
	}
}

// TestNotCritical lists messages that mention outages but must never be
// refused as critical incidents.
func TestNotCritical(t *testing.T) {
	c := New(DefaultMinConfidence)
	for _, text := range []string{
		"antes estaba todo caído, ahora anda",
		"ayer se cayó todo pero ya se solucionó, ¿nos mandan el informe?",
		"no se cayó nada, solo una consulta",
		"un agente no puede loguearse",
		"Si se cae la plataforma, ¿a qué teléfono llamamos?",
		"¿Qué se considera un incidente crítico?",
		"no hay ninguna caída, todo funciona bien",
		"In case the whole platform goes down, who do we call?",
		"la troncal 2 no anda, salimos por la 1",
		"los supervisores no pueden monitorear a nadie, no levanta la consola",
	} {
		if got := c.Classify(text); got.Kind == ticketing.KindIncidenteCritico {
			t.Errorf("Classify(%q) is critical, cues %v", text, got.Cues)
		}
	}
}

func TestExplicitTags(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		text     string
		kind     ticketing.Kind
		priority ticketing.Priority
	}{
		{"#consulta se cayó todo, ningún agente puede llamar", ticketing.KindConsulta, ""},
		{"#critico se perdió la conexión", ticketing.KindIncidenteCritico, ticketing.PriorityCritica},
		{"#Crítico algo raro", ticketing.KindIncidenteCritico, ticketing.PriorityCritica},
		{"*#incidente_critico* la central", ticketing.KindIncidenteCritico, ticketing.PriorityCritica},
		{"#incidente #baja el wallboard parpadea", ticketing.KindIncidente, ticketing.PriorityBaja},
		{"#alta el discador no marca", ticketing.KindIncidente, ticketing.PriorityAlta},
		{"#incidente el CRM no guarda, no podemos vender", ticketing.KindIncidente, ticketing.PriorityAlta},
		{"#requerimiento #alta integrar el CRM", ticketing.KindRequerimiento, ""},
		{"#funcionalidad filtros guardados", ticketing.KindFuncionalidad, ""},
		{"#consulta #critico se cayó todo", ticketing.KindIncidenteCritico, ticketing.PriorityCritica},
	}
	for _, tt := range tests {
		got := c.Classify(tt.text)
		if got.Kind != tt.kind || got.Priority != tt.priority || got.Confidence != 1 || got.Ask {
			t.Errorf("Classify(%q) = %+v, want %s %q with confidence 1 and no question", tt.text, got, tt.kind, tt.priority)
		}
	}
	if got := c.Classify("las ventas de #verano no cargan en el CRM"); got.Confidence == 1 {
		t.Errorf("an unknown hashtag was taken as explicit: %+v", got)
	}
}

func TestAskWhenUnsure(t *testing.T) {
	c := New(DefaultMinConfidence)
	for _, text := range []string{"hola", "buen día", "", "👍", "gracias!", "antes estaba todo caído, ahora anda"} {
		if got := c.Classify(text); !got.Ask {
			t.Errorf("Classify(%q) = %+v, want Ask", text, got)
		}
	}
	if got := c.Classify("URGENTE se cayó todo, ningún agente puede llamar"); got.Ask || got.Confidence >= 1 {
		t.Errorf("asked about a plain outage, or gave it a tag's confidence: %+v", got)
	}
	if got := New(0).Classify("hola"); got.Ask {
		t.Errorf("threshold 0 still asked: %+v", got)
	}
	if got := New(1.01).Classify("#consulta hola"); got.Ask {
		t.Errorf("explicit tag asked: %+v", got)
	}
}

// checkResult is the contract every Result honours, whatever the input.
func checkResult(t *testing.T, c *Classifier, text string, r Result) {
	t.Helper()
	if _, err := ticketing.ParseKind(string(r.Kind)); err != nil {
		t.Fatalf("Classify(%q): %v", text, err)
	}
	if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
		t.Fatalf("Classify(%q): confidence %v out of [0,1]", text, r.Confidence)
	}
	if r.Kind == ticketing.KindIncidenteCritico && r.Priority != ticketing.PriorityCritica {
		t.Fatalf("Classify(%q): critical with priority %q", text, r.Priority)
	}
	if r.Kind.IsIncident() {
		if _, err := ticketing.ParsePriority(string(r.Priority)); err != nil {
			t.Fatalf("Classify(%q): incident with %v", text, err)
		}
	} else if r.Priority != "" {
		t.Fatalf("Classify(%q): %s with priority %q", text, r.Kind, r.Priority)
	}
	if r.Ask != (r.Confidence < c.min) && r.Confidence != 1 {
		t.Fatalf("Classify(%q): ask=%v at confidence %v, threshold %v", text, r.Ask, r.Confidence, c.min)
	}
	for _, cue := range r.Cues {
		if cue == "" || strings.ContainsAny(cue, "\n\r") {
			t.Fatalf("Classify(%q): bad cue %q", text, cue)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"URGENTE se cayó todo, ningún agente puede llamar",
		"no se cayó nada, solo una consulta",
		"#incidente_critico", "#", "##alta", "#incidente", "<@U1|>", "<<>>", "<https://x|", ":fire::",
		"a\xffb\xc3\x28", "\x00\x01", "¿¡?!", "ñÑ", strings.Repeat("no ", 200), strings.Repeat("ja", 500),
		"si si si si", "ningún ningún nadie nadie todo todo caído", "10:30:45", "2.500,00",
	} {
		f.Add(s)
	}
	if set, err := os.ReadFile("testdata/dev.jsonl"); err == nil {
		for line := range strings.Lines(string(set)) {
			f.Add(line)
		}
	}
	c := New(DefaultMinConfidence)
	f.Fuzz(func(t *testing.T, text string) {
		checkResult(t, c, text, c.Classify(text))
	})
}

func TestConcurrentUse(t *testing.T) {
	c := New(DefaultMinConfidence)
	texts := []string{"se cayó todo", "¿cómo exporto?", "sería bueno que…", "necesitamos cotización"}
	want := make([]ticketing.Kind, len(texts))
	for i, s := range texts {
		want[i] = c.Classify(s).Kind
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := (g + i) % len(texts)
				if got := c.Classify(texts[k]).Kind; got != want[k] {
					t.Errorf("concurrent Classify(%q) = %s, want %s", texts[k], got, want[k])
					return
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkClassify(b *testing.B) {
	set := loadSet(b, "testdata/dev.jsonl")
	c := New(DefaultMinConfidence)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Classify(set[i%len(set)].Text)
		i++
	}
}
