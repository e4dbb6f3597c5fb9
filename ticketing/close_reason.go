package ticketing

// CloseReason is why a ticket was closed, stored as a code; Text is what
// people read.
type CloseReason string

const (
	// Closed by the scheduler: the report counts these as auto-closed.
	CloseReasonNoReply         CloseReason = "no_reply"
	CloseReasonTestingAccepted CloseReason = "testing_accepted"

	CloseReasonClientConformity CloseReason = "client_conformity"
	CloseReasonDeliveryAccepted CloseReason = "delivery_accepted"
	CloseReasonStaff            CloseReason = "staff"
	// The client said a suggested article solved it: self-served.
	CloseReasonSelfServed CloseReason = "self_served"
	// Closed by migration 0006: a contact had a newer open ticket.
	CloseReasonDuplicate CloseReason = "duplicate"
)

// Auto reports whether the scheduler closed the ticket on its own.
func (r CloseReason) Auto() bool {
	return r == CloseReasonNoReply || r == CloseReasonTestingAccepted
}

// Text is the reason in Spanish, as the audit log and people read it. A
// reason stored before codes that no migration knew shows as written.
func (r CloseReason) Text() string {
	switch r {
	case CloseReasonNoReply:
		return "sin respuesta del cliente tras aviso previo"
	case CloseReasonTestingAccepted:
		return "desarrollo aceptado: terminó el período de prueba de 30 días"
	case CloseReasonClientConformity:
		return "conformidad del cliente"
	case CloseReasonDeliveryAccepted:
		return "desarrollo aceptado por el cliente"
	case CloseReasonStaff:
		return "cerrado por soporte"
	case CloseReasonSelfServed:
		return "resuelto por el cliente con un artículo sugerido"
	case CloseReasonDuplicate:
		return "duplicado: el contacto tenía otro ticket abierto más reciente"
	}
	return string(r)
}
