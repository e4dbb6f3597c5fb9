// Package intent reads a client's chat message and says what kind of case
// it is (consulta, incidente, incidente crítico, requerimiento,
// funcionalidad), how bad an incident is, how sure it is, and why.
//
// Two halves work together. A weighted lexicon over normalized words, with
// clause-level negation, hypotheticals, resolution ("ya anda") and scope
// ("un agente" vs "ningún agente"), finds the cues that explain a
// decision. A linear model over word and character n-grams and those cues,
// trained at start-up on the corpus shipped in corpus/, makes the decision,
// so that a message the word lists never anticipated is still read. It
// imports no network library and downloads nothing.
package intent

import (
	"math"
	"strconv"

	"supportbot/ticketing"
)

// DefaultMinConfidence is the threshold below which the bot asks the client
// instead of guessing. On the labelled sets 0.5 asks about few messages
// (TestThresholdSweep).
const DefaultMinConfidence = 0.5

// Result is the classifier's reading of one message.
type Result struct {
	Kind ticketing.Kind
	// Priority is set for incidents only; a critical incident is always
	// critica.
	Priority   ticketing.Priority
	Confidence float64 // in [0, 1]
	// Ask is set when Confidence is below the threshold: the bot should ask
	// the client what kind of case it is rather than file its guess.
	Ask bool
	// NoCase is set when the message is only a greeting, thanks, "ok", an
	// emoji or an attachment announced on its own: it opens nothing, the
	// real message is still to come. Kind is then consulta and Ask is set,
	// so a router that does not know NoCase still asks rather than files.
	NoCase bool
	// DoubtfulCritical is set when the message has outage evidence that
	// falls short of certain (a strong cue, an unclear scope). The router
	// should ask one yes/no question ("¿Está detenida toda la operación?")
	// before filing: yes, or no answer in time, means critical; no means
	// the incidente that Kind and Priority describe. Kind is never
	// incidente_critico with it: that kind is kept for certain outages.
	DoubtfulCritical bool
	// Cues say why, for the audit log and for staff: "meaning:words" for
	// each lexicon entry found ("critico:se cayo todo",
	// "alcance_parcial:un agente", what stopped as "efecto_salientes:no
	// sale ninguna llamada", how far as "alcance_operacion:nuestra unica
	// linea"; see impact.go), wrapped when it was discounted
	// ("negado(falla:se cayo)", "hipotetico(…)", "resuelto(…)"),
	// "tag:#critico" for explicit tags, "sin_caso:hola" for no case, and
	// last "modelo:kind=p" with the model's probability for its kind. They
	// never contain a newline.
	Cues []string
	// Exclusions are the support policy's exclusions the message points at
	// (a GSM gateway, the client's own network, a power cut…), for staff
	// to check. They never change Kind, Priority or the deadline.
	Exclusions []Exclusion
}

// Classifier is safe for concurrent use: it holds only its threshold, a
// read-only lexicon and a read-only model.
type Classifier struct {
	min   float64
	lex   *compiled
	model *Model
}

// New returns a classifier that sets Ask below minConfidence, using the
// model trained on the shipped corpus.
func New(minConfidence float64) *Classifier {
	return NewWithModel(minConfidence, DefaultModel())
}

// NewWithModel returns a classifier that uses m, for instance one trained
// with Train on the corpus plus staff corrections, or read with ReadModel.
func NewWithModel(minConfidence float64, m *Model) *Classifier {
	return &Classifier{min: minConfidence, lex: lexiconOnce(), model: m}
}

// Critical scores are on their own scale; critThreshold is where the
// operation is judged down as a whole.
const critThreshold = 2.0

// maxCues bounds Result.Cues so an essay of a message stays readable.
const maxCues = 16

// maxInput bounds the work per message. Clients state the problem first;
// a pasted log or e-mail thread after it adds nothing but time.
const maxInput = 8 << 10

// Classify reads one message.
func (c *Classifier) Classify(s string) Result {
	t := tokenize(Normalize(truncate(s)))
	r := c.classify(&t)
	if !r.NoCase {
		r.Exclusions = exclusionsIn(&t)
	}
	return r
}

func (c *Classifier) classify(tp *text) Result {
	t := *tp
	a := analyzeWith(c.lex, &t)
	if r, ok := fromTags(&t); ok {
		if r.Kind == ticketing.KindIncidente && r.Priority == "" {
			v := a.vector(&t, c.lex)
			r.Priority = c.model.priority(&v)
			r.Cues = append(r.Cues, a.cues...)
		}
		return r
	}
	if noCase(&t, a, c.lex) {
		cue := "sin_caso"
		if len(t.words) > 0 {
			cue += ":" + t.words[0]
		}
		return Result{Kind: ticketing.KindConsulta, Confidence: noCaseConfidence, Ask: noCaseConfidence < c.min, NoCase: true, Cues: []string{cue}}
	}
	r := c.decide(&t, a)
	r.Ask = r.Confidence < c.min
	return r
}

// noCaseConfidence is how sure the classifier is that a courtesy is a
// consulta: not at all, which is why Ask is always set with NoCase.
const noCaseConfidence = 0.2

// truncate bounds the work per message. Clients state the problem first;
// a pasted log or e-mail thread after it adds nothing but time.
func truncate(s string) string {
	if len(s) > maxInput {
		return s[:maxInput] // Normalize copes with a rune cut in half
	}
	return s
}

// The model's probability of a critical incident decides between an
// incident, a doubtful critical and a certain one.
const (
	// certainCritical is the probability from which an outage is taken as
	// certain and no question is asked.
	certainCritical = 0.8
	// doubtfulCritical is where outage evidence starts to deserve the
	// question.
	doubtfulCritical = 0.25
)

// resolvedDiscount lowers the confidence of an incident the client says
// works again, so the bot asks rather than files a ticket for nothing.
const resolvedDiscount = 0.5

func (c *Classifier) decide(t *text, a *analysis) Result {
	v := a.vector(t, c.lex)
	var buf [8]float64 // room for every kind without an allocation
	p := buf[:len(modelKinds)]
	c.model.kind.scores(&v, p)
	softmax(p)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	r := Result{Kind: modelKinds[best], Confidence: p[best], Cues: a.cues}
	pc := p[kindIndex(ticketing.KindIncidenteCritico)]
	if r.Kind == ticketing.KindIncidenteCritico && (pc < certainCritical || a.crit < critThreshold && !a.everyone) {
		// Likely an outage, not certain: file as an incident unless the
		// client confirms the operation is stopped. Certain takes both
		// halves: the model, and the lexicon seeing a whole-operation cue
		// or an everyone scope, so a campaign named with "no marca" asks.
		r.Kind, r.DoubtfulCritical = ticketing.KindIncidente, true
	}
	switch {
	case r.Kind == ticketing.KindIncidenteCritico && a.effect && !a.hardEffect && !a.platform && !a.impact:
		// Only logins, one channel or slowness, and the client does not
		// say the operation is stopped: the phones may still work, so ask
		// rather than send them to the phones.
		r.Kind, r.DoubtfulCritical = ticketing.KindIncidente, true
	case a.impact && r.Kind.IsIncident():
		// A work-stopping effect over the whole operation is critical,
		// whatever words told it.
		r.Kind, r.DoubtfulCritical = ticketing.KindIncidenteCritico, false
	case a.impact:
		// Told as a question or a request, an outage of the whole
		// operation still deserves the question.
		r.Kind, r.DoubtfulCritical = ticketing.KindIncidente, true
	}
	switch r.Kind {
	case ticketing.KindIncidenteCritico:
		r.Priority = ticketing.PriorityCritica
	case ticketing.KindIncidente:
		r.Priority = c.model.priority(&v)
		// The lexicon seeing an outage cue with an everyone scope asks too,
		// whatever the model leans to: missing a real outage costs more
		// than one question.
		if pc >= doubtfulCritical || a.crit >= critThreshold && a.everyone && !a.partial || a.maybeImpact {
			r.DoubtfulCritical = true
		}
		if p := a.impactPriority(); p != "" {
			r.Priority = p
		}
	}
	if a.resolved && !a.failing || a.individual && !a.everyone && !a.operation {
		// An outage the client says is over is not asked about: the
		// operation is not stopped now. Nor is one agent's trouble.
		r.DoubtfulCritical = false
	}
	if r.Kind.IsIncident() && a.resolved && !a.failing {
		// "Ya anda" and nothing still failing: the incident may be over,
		// so filing it is a guess.
		r.Confidence *= resolvedDiscount
	}
	r.Cues = append(r.Cues, "modelo:"+string(r.Kind)+"="+strconv.FormatFloat(p[best], 'f', 2, 64))
	// 1 is kept for explicit tags, so staff can tell "the client said so"
	// from "the words say so".
	r.Confidence = min(math.Round(r.Confidence*1000)/1000, 0.999)
	return r
}

// priority is the priority head's reading of an incident.
func (m *Model) priority(v *vector) ticketing.Priority {
	var p [3]float64
	m.prio.scores(v, p[:])
	best := 0
	for k := range modelPriorities {
		if p[k] > p[best] {
			best = k
		}
	}
	return modelPriorities[best]
}

// analysis is the evidence gathered from one message.
type analysis struct {
	score    [4]float64 // consulta, incidente, requerimiento, funcionalidad
	crit     float64
	hi       severity // worst non-cosmetic incident severity
	partial  bool     // scope is partial or normal operation continues
	everyone bool     // scope is everyone: "todos los supervisores", "nadie"
	// individual: one agent, some calls; group: one team or queue. A group
	// that cannot work is still alta, even if the rest of the floor can.
	individual, group bool
	cos               bool // a strong cosmetic cue
	cosWeak           bool
	leve              bool
	cues              []string
	ms                []match // the cues found, qualified
	resolved          bool    // the client says something works again
	failing           bool    // some failure cue stands undiscounted
	// Impact (impact.go): a work-stopping effect, one other than slowness,
	// a scope told as the whole operation, the Service Desk line busy, a
	// workaround, and their reading: the whole operation is stopped.
	effect, hardEffect, platform, operation, deskBusy, workaround, impact, maybeImpact bool
}

const (
	sConsulta = iota
	sIncidente
	sRequerimiento
	sFuncionalidad
)

var scoreKind = [4]ticketing.Kind{ticketing.KindConsulta, ticketing.KindIncidente, ticketing.KindRequerimiento, ticketing.KindFuncionalidad}

// sharpness scales scores before the softmax that turns them into a
// confidence. At 1 one clear cue left the message near 0.55, as doubtful as
// a message that only has a question mark; 1.5 keeps cue-less messages
// below 0.5 and puts one clear cue near 0.75.
const sharpness = 1.5

// consultaPrior makes a message with no cues at all a (doubtful) consulta:
// greetings and thanks are the commonest such messages.
const consultaPrior = 0.3

func analyzeWith(lex *compiled, t *text) *analysis {
	ms := lex.find(t)
	lex.qualify(t, ms)
	ms = lex.accept(ms)

	// Room for every label, the question mark and the model's cue, so the
	// list is allocated once.
	a := &analysis{ms: ms, cues: make([]string, 0, min(len(ms), maxCues)+2)}
	a.score[sConsulta] = consultaPrior
	var total float64
	hypo := false
	for _, m := range ms {
		cu := &lex.cues[m.id]
		if len(a.cues) < maxCues {
			a.cues = append(a.cues, lex.label(t, m))
		}
		if m.why == "hipotetico" {
			hypo = true
		}
		if cu.cat.isFailure() && m.why == "" {
			a.failing = true
		}
		active := m.eff >= cu.w/2
		switch cu.cat {
		case catConsulta, catConsultaQ:
			a.score[sConsulta] += m.eff
		case catIncidente:
			a.score[sIncidente] += m.eff
		case catCritico:
			a.score[sIncidente] += 0.8 * m.eff
			a.crit += m.eff
		case catCosmetico:
			a.score[sIncidente] += m.eff
			a.cos = a.cos || active
		case catCosmeticoLeve:
			a.score[sIncidente] += m.eff
			a.cosWeak = a.cosWeak || active
		case catLeve:
			a.score[sIncidente] += m.eff
			a.leve = a.leve || active
		case catUrgencia:
			a.score[sIncidente] += m.eff
		case catTotal:
			if active {
				total += m.eff
			}
		case catParcial:
			a.partial = a.partial || active
			a.individual = a.individual || active
		case catGrupo:
			a.group = a.group || active
		case catSigue:
			// "El resto anda bien" is said about a problem somewhere.
			a.partial = a.partial || active
			a.score[sIncidente] += 0.5 * m.eff
		case catRequerimiento:
			a.score[sRequerimiento] += m.eff
		case catFuncionalidad:
			a.score[sFuncionalidad] += m.eff
		case catResuelto:
			a.resolved = a.resolved || active
		case catEfEntrantes, catEfSalientes, catEfCorte, catEfAudio, catEfAcceso, catEfCanal, catEfPlataforma, catEfRendimiento, catEfTelefonia, catMesaOcupada:
			a.score[sIncidente] += 0.5 * m.eff
		}
		if (cu.cat == catIncidente || cu.cat == catCritico) && active && cu.sev > a.hi {
			a.hi = cu.sev
		}
	}
	if t.asked {
		a.score[sConsulta] += 1.0
		a.cues = append(a.cues, "consulta:?")
	}
	if hypo {
		// "¿Qué pasa si se cae…?" asks about a failure; it does not report one.
		a.score[sConsulta] += 0.8
	}
	a.everyone = total > 0
	if a.hi == sevAlta {
		// "Todos", "ningún", "nadie" make an outage critical only when
		// something is actually down.
		a.crit += min(total, 1.5)
	}
	if a.partial || a.group {
		// One agent, some calls, one team: not the whole operation.
		a.crit *= 0.35
	}
	a.readImpact(lex)
	return a
}

func (a *analysis) decide() Result {
	best := sConsulta
	for k := range a.score {
		if a.score[k] > a.score[best] {
			best = k
		}
	}
	var sum float64
	for _, s := range a.score {
		sum += math.Exp(sharpness * (s - a.score[best]))
	}
	conf := 1 / sum
	r := Result{Kind: scoreKind[best], Cues: a.cues}
	if best == sIncidente {
		r.Priority = a.priority()
		if a.crit >= critThreshold {
			r.Kind, r.Priority = ticketing.KindIncidenteCritico, ticketing.PriorityCritica
		}
		if a.crit > 0.5 {
			// Close to the line between an incident and an outage: less sure.
			q := 1 / (1 + math.Exp(-2.5*(a.crit-critThreshold)))
			conf *= 0.7 + 0.3*math.Abs(2*q-1)
		}
	}
	// 1 is kept for explicit tags, so staff can tell "the client said so"
	// from "the words say so".
	r.Confidence = min(math.Round(conf*1000)/1000, 0.999)
	return r
}

// priority applies the seed table: alta when the system cannot be used
// (unless only one agent or part of it is affected), baja when what is
// wrong is cosmetic or the client says it is minor, media otherwise. A
// function that fails for everyone prevents using the system.
func (a *analysis) priority() ticketing.Priority {
	switch {
	case a.hi == sevAlta && (!a.partial || a.group && !a.individual):
		return ticketing.PriorityAlta
	case a.cos || a.leve || (a.cosWeak && (a.partial || a.hi == sevNone)):
		return ticketing.PriorityBaja
	case a.hi == sevMedia && a.everyone && !a.partial:
		return ticketing.PriorityAlta
	}
	return ticketing.PriorityMedia
}
