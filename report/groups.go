package report

import (
	"slices"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// groups accumulates rows by key, keeping fixed keys first and in order so
// the sections line up month after month, then odd keys as they come.
type groups struct {
	order []string
	byKey map[string]*acc
}

func newGroups(fixed []string) *groups {
	g := &groups{byKey: map[string]*acc{}}
	for _, k := range fixed {
		g.of(k)
	}
	return g
}

func (g *groups) of(key string) *acc {
	if a, ok := g.byKey[key]; ok {
		return a
	}
	a := &acc{}
	g.byKey[key] = a
	g.order = append(g.order, key)
	return a
}

func (g *groups) done(label func(string) string) []Group {
	out := make([]Group, 0, len(g.order))
	for _, k := range g.order {
		out = append(out, Group{Key: k, Label: label(k), Row: g.byKey[k].done()})
	}
	return out
}

func kindKeys() []string {
	keys := make([]string, len(ticketing.Kinds))
	for i, k := range ticketing.Kinds {
		keys[i] = string(k)
	}
	return keys
}

// channelKeys are where tickets come from, in the order the desk thinks of
// them.
var channelKeys = []string{string(ticketing.SourceSlack), string(ticketing.SourceWhatsApp), string(ticketing.SourceServiceDesk)}

func kindLabel(w words, k ticketing.Kind) string {
	if k == "" {
		return w.say("report.no_kind")
	}
	if key := "kind." + string(k); wording.Known(key) {
		return w.say(key)
	}
	return k.Label()
}

func channelLabel(w words, s ticketing.Source) string {
	switch s {
	case ticketing.SourceSlack:
		return "Slack"
	case ticketing.SourceWhatsApp:
		return "WhatsApp"
	case ticketing.SourceServiceDesk:
		return w.say("report.service_desk")
	case "":
		return w.say("report.no_channel")
	}
	return string(s)
}

// personName is a Slack user id as people know it.
func personName(w words, names map[string]string, id string) string {
	if n := names[id]; n != "" {
		return n
	}
	if id == "" {
		return w.say("report.no_record")
	}
	return id
}

func focalLabel(w words, names map[string]string, id string) string {
	if id == "" {
		return w.say("report.no_focal")
	}
	return personName(w, names, id)
}

// priorityRank orders priorities most urgent first, odd ones last.
func priorityRank(p ticketing.Priority) int {
	if i := slices.Index(ticketing.Priorities, p); i >= 0 {
		return i
	}
	return len(ticketing.Priorities)
}
