package ticketing

import (
	"fmt"
	"slices"
)

// Status is where a ticket is in its life (DESIGN.md "Ticket life").
type Status string

const (
	StatusNuevo            Status = "nuevo"
	StatusEnCurso          Status = "en_curso"
	StatusEsperandoCliente Status = "esperando_cliente"
	StatusEscalado         Status = "escalado"
	StatusResuelto         Status = "resuelto"
	StatusCerrado          Status = "cerrado"

	// Requerimiento: quoted work for one client.
	StatusRelevamiento Status = "relevamiento"
	StatusCotizacion   Status = "cotizacion"
	StatusAceptado     Status = "aceptado"
	StatusEnDesarrollo Status = "en_desarrollo"
	StatusEntregado    Status = "entregado"

	// Funcionalidad: forwarded to the Product area.
	StatusDerivado Status = "derivado_producto"
)

// Statuses lists every status.
var Statuses = []Status{
	StatusNuevo, StatusEnCurso, StatusEsperandoCliente, StatusEscalado, StatusResuelto, StatusCerrado,
	StatusRelevamiento, StatusCotizacion, StatusAceptado, StatusEnDesarrollo, StatusEntregado, StatusDerivado,
}

// ParseStatus accepts the stored spelling of a status.
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q", s)
}

// Open reports whether the ticket still needs someone.
func (s Status) Open() bool { return s != StatusCerrado }

// Label is the Spanish name shown to people.
func (s Status) Label() string {
	switch s {
	case StatusNuevo:
		return "nuevo"
	case StatusEnCurso:
		return "en curso"
	case StatusEsperandoCliente:
		return "esperando respuesta del cliente"
	case StatusEscalado:
		return "escalado"
	case StatusResuelto:
		return "resuelto"
	case StatusCerrado:
		return "cerrado"
	case StatusRelevamiento:
		return "en relevamiento"
	case StatusCotizacion:
		return "en cotización"
	case StatusAceptado:
		return "cotización aceptada"
	case StatusEnDesarrollo:
		return "en desarrollo"
	case StatusEntregado:
		return "entregado (en prueba)"
	case StatusDerivado:
		return "derivado a Producto"
	}
	return string(s)
}

// flow is the set of legal moves for one family of kinds.
type flow map[Status][]Status

// incidentFlow serves incidents and consultas: the client's conformity or a
// notice-then-close ends them, and a client reply can reopen a resolved one.
var incidentFlow = flow{
	StatusNuevo:            {StatusEnCurso, StatusEscalado, StatusEsperandoCliente, StatusResuelto},
	StatusEnCurso:          {StatusEscalado, StatusEsperandoCliente, StatusResuelto},
	StatusEsperandoCliente: {StatusEnCurso, StatusEscalado, StatusResuelto, StatusCerrado},
	StatusEscalado:         {StatusEnCurso, StatusEsperandoCliente, StatusResuelto},
	StatusResuelto:         {StatusEnCurso, StatusCerrado},
}

// requerimientoFlow follows the seed: survey, quote, acceptance, development,
// delivery, then 30 days of client testing. A declined quote or a withdrawn
// request closes it from any stage before delivery.
var requerimientoFlow = flow{
	StatusNuevo:            {StatusEnCurso, StatusRelevamiento, StatusEsperandoCliente, StatusCerrado},
	StatusEnCurso:          {StatusRelevamiento, StatusEsperandoCliente, StatusCerrado},
	StatusEsperandoCliente: {StatusEnCurso, StatusRelevamiento, StatusCotizacion, StatusCerrado},
	StatusRelevamiento:     {StatusCotizacion, StatusEsperandoCliente, StatusCerrado},
	StatusCotizacion:       {StatusAceptado, StatusEsperandoCliente, StatusCerrado},
	StatusAceptado:         {StatusEnDesarrollo, StatusCerrado},
	StatusEnDesarrollo:     {StatusEntregado},
	StatusEntregado:        {StatusEnDesarrollo, StatusCerrado},
}

// funcionalidadFlow: the focal point listens, forwards to Product, and the
// client is told; Product's decision closes it.
var funcionalidadFlow = flow{
	StatusNuevo:            {StatusEnCurso, StatusDerivado, StatusEsperandoCliente},
	StatusEnCurso:          {StatusDerivado, StatusEsperandoCliente},
	StatusEsperandoCliente: {StatusEnCurso, StatusDerivado, StatusCerrado},
	StatusDerivado:         {StatusCerrado},
}

func flowOf(k Kind) flow {
	switch k {
	case KindRequerimiento:
		return requerimientoFlow
	case KindFuncionalidad:
		return funcionalidadFlow
	}
	return incidentFlow
}

// TransitionError says a ticket of a kind cannot move between two statuses.
type TransitionError struct {
	Kind     Kind
	From, To Status
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("a %s cannot go from %s to %s", e.Kind, e.From, e.To)
}

// Transition checks that a ticket of kind k may move from one status to another.
func Transition(k Kind, from, to Status) error {
	if slices.Contains(flowOf(k)[from], to) {
		return nil
	}
	return &TransitionError{Kind: k, From: from, To: to}
}

// NextStatuses lists the legal moves out of a status, for help texts.
func NextStatuses(k Kind, from Status) []Status { return slices.Clone(flowOf(k)[from]) }
