package intent

import "supportbot/ticketing"

// tag is an explicit hashtag and the index of the word after it, so that
// "#incidente_critico" (normalized to "#incidente critico") is understood.
type tag struct {
	word string
	next int
}

// tagMeaning is what one hashtag says: a kind, a priority, or both.
type tagMeaning struct {
	kind     ticketing.Kind
	priority ticketing.Priority
}

// tagWords are the explicit words clients and staff use to say what a case
// is. The English ones are there because clients write in English too.
var tagWords = map[string]tagMeaning{
	"consulta":           {kind: ticketing.KindConsulta},
	"pregunta":           {kind: ticketing.KindConsulta},
	"question":           {kind: ticketing.KindConsulta},
	"incidente":          {kind: ticketing.KindIncidente},
	"incidencia":         {kind: ticketing.KindIncidente},
	"incident":           {kind: ticketing.KindIncidente},
	"critico":            {kind: ticketing.KindIncidenteCritico, priority: ticketing.PriorityCritica},
	"critica":            {kind: ticketing.KindIncidenteCritico, priority: ticketing.PriorityCritica},
	"critical":           {kind: ticketing.KindIncidenteCritico, priority: ticketing.PriorityCritica},
	"incidentecritico":   {kind: ticketing.KindIncidenteCritico, priority: ticketing.PriorityCritica},
	"requerimiento":      {kind: ticketing.KindRequerimiento},
	"nuevorequerimiento": {kind: ticketing.KindRequerimiento},
	"funcionalidad":      {kind: ticketing.KindFuncionalidad},
	"nuevafuncionalidad": {kind: ticketing.KindFuncionalidad},
	"feature":            {kind: ticketing.KindFuncionalidad},
	"alta":               {priority: ticketing.PriorityAlta},
	"media":              {priority: ticketing.PriorityMedia},
	"baja":               {priority: ticketing.PriorityBaja},
}

// fromTags applies explicit tags. A critical tag wins over any other kind
// tag because an operation that is down must reach the phones; otherwise
// the first kind tag wins. A priority tag alone means an incident.
func fromTags(t *text) (Result, bool) {
	var kind ticketing.Kind
	var prio ticketing.Priority
	var cues []string
	for _, tg := range t.tags {
		m := tagWords[tg.word]
		if m.kind == ticketing.KindIncidente && tg.next < len(t.words) {
			if w := t.words[tg.next]; w == "critico" || w == "critica" || w == "critical" {
				m = tagWords["critico"]
			}
		}
		cues = append(cues, "tag:#"+tg.word)
		switch {
		case m.kind == ticketing.KindIncidenteCritico:
			kind = m.kind
		case m.kind != "" && kind == "":
			kind = m.kind
		}
		if m.priority != "" && prio == "" && m.kind == "" {
			prio = m.priority
		}
	}
	if kind == "" && prio == "" {
		return Result{}, false
	}
	if kind == "" {
		kind = ticketing.KindIncidente
	}
	r := Result{Kind: kind, Confidence: 1, Cues: cues}
	switch kind {
	case ticketing.KindIncidenteCritico:
		r.Priority = ticketing.PriorityCritica
	case ticketing.KindIncidente:
		r.Priority = prio
	}
	return r, true
}
