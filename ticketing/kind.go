// Package ticketing holds supportbot's domain: what a ticket is, how it
// moves through its life, and the interfaces the rest of the bot depends on.
// It imports no network or SQL library.
package ticketing

import "fmt"

// Kind is the seed's classification of what a client wrote.
type Kind string

const (
	KindConsulta         Kind = "consulta"
	KindIncidente        Kind = "incidente"
	KindIncidenteCritico Kind = "incidente_critico"
	KindRequerimiento    Kind = "requerimiento"
	KindFuncionalidad    Kind = "funcionalidad"
)

// Kinds lists every kind in the order staff see them in menus.
var Kinds = []Kind{KindConsulta, KindIncidente, KindIncidenteCritico, KindRequerimiento, KindFuncionalidad}

// ParseKind accepts the stored spelling of a kind.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q", s)
}

// Label is the Spanish name shown to people.
func (k Kind) Label() string {
	switch k {
	case KindConsulta:
		return "Consulta"
	case KindIncidente:
		return "Incidente"
	case KindIncidenteCritico:
		return "Incidente crítico"
	case KindRequerimiento:
		return "Nuevo requerimiento"
	case KindFuncionalidad:
		return "Nueva funcionalidad"
	}
	return string(k)
}

// IsIncident reports whether the kind carries an incident priority.
func (k Kind) IsIncident() bool { return k == KindIncidente || k == KindIncidenteCritico }
