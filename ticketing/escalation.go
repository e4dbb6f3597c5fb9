package ticketing

import "fmt"

// Escalation is the level a ticket was escalated to (/soporte escalar);
// empty while it was not.
type Escalation string

const (
	EscalationN2         Escalation = "n2"
	EscalationN3         Escalation = "n3"
	EscalationInfra      Escalation = "infra"
	EscalationDesarrollo Escalation = "desarrollo"
)

// Escalations lists the levels in the order the command shows them.
var Escalations = []Escalation{EscalationN2, EscalationN3, EscalationInfra, EscalationDesarrollo}

// ParseEscalation accepts a level as typed after /soporte escalar (already
// folded to lower case without accents).
func ParseEscalation(s string) (Escalation, error) {
	for _, e := range Escalations {
		if string(e) == s {
			return e, nil
		}
	}
	return "", fmt.Errorf("unknown escalation level %q (want n2, n3, infra or desarrollo)", s)
}

// Label is the level's Spanish name in messages.
func (e Escalation) Label() string {
	switch e {
	case EscalationN2:
		return "nivel II"
	case EscalationN3:
		return "nivel III"
	case EscalationInfra:
		return "infraestructura"
	case EscalationDesarrollo:
		return "desarrollo"
	}
	return string(e)
}
