package intent

import (
	"slices"
	"strings"
	"testing"

	"supportbot/ticketing"
)

// cueMeanings lists the meanings ("efecto_entrantes", "alcance_operacion")
// of the undiscounted cues of a result.
func cueMeanings(r Result) []string {
	var out []string
	for _, c := range r.Cues {
		if i := strings.IndexByte(c, ':'); i > 0 && !strings.Contains(c[:i], "(") {
			out = append(out, c[:i])
		}
	}
	return out
}

// TestImpactEffects: each way a contact center stops has its own cue, in
// Argentine and Chilean Spanish and in English, and a negated or
// hypothetical one does not count.
func TestImpactEffects(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		text, effect string // effect "" means no effect cue at all
	}{
		{"no entra ninguna llamada desde las 9", "efecto_entrantes"},
		{"los teléfonos no suenan en ningún lado", "efecto_entrantes"},
		{"callers hear a busy tone, no calls are coming in", "efecto_entrantes"},
		{"no sale ninguna llamada del discador", "efecto_salientes"},
		{"el marcador está pegado, no disca nada po", "efecto_salientes"},
		{"the dialer stopped dialing on every list", "efecto_salientes"},
		{"se cortan todas las llamadas a los 30 segundos", "efecto_cortes"},
		{"every call drops after 45 seconds", "efecto_cortes"},
		{"los clientes no nos escuchan, audio de un solo lado", "efecto_audio"},
		{"dead air on every call, customers hear nothing", "efecto_audio"},
		{"ningún ejecutivo puede loguearse, usuario inválido", "efecto_acceso"},
		{"nobody can log in, SSO loop", "efecto_acceso"},
		{"los mensajes de WhatsApp quedan en enviando, no sale ninguno", "efecto_canal"},
		{"no messages are going out on WhatsApp", "efecto_canal"},
		{"la plataforma está caída, no tenemos sistema", "efecto_plataforma"},
		{"the agent desktop is down, console unreachable", "efecto_plataforma"},
		{"no dial tone on any phone", "efecto_telefonia"},
		{"se cayó la central, los anexos están muertos", "efecto_telefonia"},
		{"el discador anda tan lento que pasa una llamada cada 5 minutos", "efecto_rendimiento"},
		{"it's so slow we're effectively down", "efecto_rendimiento"},
		{"no se cayó nada, ¿cómo cambio la música de espera?", ""},
		{"¿qué pasa si no sale ninguna llamada un domingo?", ""},
	}
	for _, tt := range tests {
		r := c.Classify(tt.text)
		var effects []string
		for _, m := range cueMeanings(r) {
			if strings.HasPrefix(m, "efecto_") {
				effects = append(effects, m)
			}
		}
		if tt.effect == "" && len(effects) > 0 || tt.effect != "" && !slices.Contains(effects, tt.effect) {
			t.Errorf("Classify(%q) effects %v, want %q (cues %v)", tt.text, effects, tt.effect, r.Cues)
		}
	}
}

// TestImpactScope: how far a stop reaches decides between critical, alta
// and media, told in the client's own terms.
func TestImpactScope(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		name, text string
		kind       ticketing.Kind
		priority   ticketing.Priority // for incidents
		doubtful   bool
	}{
		// The whole operation, however it is said.
		{"everyone", "no entra ninguna llamada a ningún puesto", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"our only line", "no entra nada a nuestra única línea de atención", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"our one campaign", "our one campaign is our whole operation and it stopped dialing", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"only channel", "solo atendemos por WhatsApp y no sale ningún mensaje", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"english only channel", "we only serve customers via WhatsApp and nothing is going out", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"floor idle", "nothing dialing on any campaign, the floor is idle", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"agent count", "no sale ninguna llamada, 40 agentes esperando", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"cut for all", "todas las llamadas se cortan a los 20 segundos, a todos los ejecutivos", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"slow to a stop", "cada llamada tarda 2 minutos en conectar, en la práctica estamos parados", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"desk busy", "llamamos a la mesa de ayuda y da ocupado, tenemos la central caída", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		{"desk busy english", "your service desk line is busy and no calls come in here", ticketing.KindIncidenteCritico, ticketing.PriorityCritica, false},
		// One queue, campaign or site: alta.
		{"one campaign, others fine", "la campaña de cobranzas no marca, las otras campañas andan bien", ticketing.KindIncidente, ticketing.PriorityAlta, false},
		{"one site", "en la sede de Rosario no tienen tono, en Buenos Aires todo normal", ticketing.KindIncidente, ticketing.PriorityAlta, false},
		{"one queue english", "the billing queue isn't receiving calls, other queues are fine", ticketing.KindIncidente, ticketing.PriorityAlta, false},
		// One agent, or a workaround: media.
		{"one agent", "a una ejecutiva no le entran llamadas, las demás bien", ticketing.KindIncidente, ticketing.PriorityMedia, false},
		{"workaround", "el reporte de pausas no exporta, lo sacamos a mano mientras tanto", ticketing.KindIncidente, ticketing.PriorityMedia, false},
		{"workaround english", "the call log export fails, we copy it from the screen meanwhile", ticketing.KindIncidente, ticketing.PriorityMedia, false},
		// Cosmetic: baja.
		{"typo", "en el menú de pausas dice 'Almuerso', nada urgente", ticketing.KindIncidente, ticketing.PriorityBaja, false},
		{"cosmetic english", "the logo on the login page looks stretched, just cosmetic", ticketing.KindIncidente, ticketing.PriorityBaja, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(tt.text)
			if r.Kind != tt.kind || r.Priority != tt.priority || r.DoubtfulCritical != tt.doubtful {
				t.Errorf("Classify(%q) = %s/%s doubtful=%v, want %s/%s doubtful=%v (cues %v)",
					tt.text, r.Kind, r.Priority, r.DoubtfulCritical, tt.kind, tt.priority, tt.doubtful, r.Cues)
			}
		})
	}
}

// TestImpactMisreadings: a wish phrased as a complaint, a price question
// and the cause of an outage that is over are not incidents, and the
// last is never asked the critical question.
func TestImpactMisreadings(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		text string
		kind ticketing.Kind
	}{
		{"no puede ser que la consola no permita buscar una llamada por teléfono", ticketing.KindFuncionalidad},
		{"why can't we schedule pauses in advance? every contact center needs it", ticketing.KindFuncionalidad},
		{"es increíble que el wallboard no tenga alertas por tiempo de espera", ticketing.KindFuncionalidad},
		{"¿cuánto cuesta sumar 10 licencias de agente?", ticketing.KindConsulta},
		{"what's the price of an extra agent seat?", ticketing.KindConsulta},
		{"ayer se cayó todo una hora y ya anda, ¿cuál fue la causa?", ticketing.KindConsulta},
		{"yesterday's outage is fixed, we need the root cause for our client", ticketing.KindConsulta},
	}
	for _, tt := range tests {
		r := c.Classify(tt.text)
		if r.Kind != tt.kind || r.DoubtfulCritical {
			t.Errorf("Classify(%q) = %s doubtful=%v, want %s and no question (cues %v)", tt.text, r.Kind, r.DoubtfulCritical, tt.kind, r.Cues)
		}
	}
}
