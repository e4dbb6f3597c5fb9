package ticketing

import "fmt"

// Priority is the seed's incident priority; it selects the response target.
type Priority string

const (
	PriorityCritica Priority = "critica"
	PriorityAlta    Priority = "alta"
	PriorityMedia   Priority = "media"
	PriorityBaja    Priority = "baja"
)

// Priorities lists priorities from most to least urgent.
var Priorities = []Priority{PriorityCritica, PriorityAlta, PriorityMedia, PriorityBaja}

// ParsePriority accepts the stored spelling of a priority.
func ParsePriority(s string) (Priority, error) {
	for _, p := range Priorities {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown priority %q (want critica, alta, media or baja)", s)
}

// Label is the upper-case Spanish name used in messages ("ALTA").
func (p Priority) Label() string {
	switch p {
	case PriorityCritica:
		return "CRÍTICA"
	case PriorityAlta:
		return "ALTA"
	case PriorityMedia:
		return "MEDIA"
	case PriorityBaja:
		return "BAJA"
	}
	return string(p)
}
