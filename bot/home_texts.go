package bot

import (
	"fmt"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// The Home tab's words, in one place for the message catalogs to take over.
const (
	homeMineTitle        = "Mis tickets"
	homeMineEmpty        = "No tenés tickets asignados abiertos."
	homeQueueTitle       = "Sin asignar y en riesgo"
	homeQueueEmpty       = "Nada sin asignar ni en riesgo en tus clientes."
	homeDeskTitle        = "Clientes"
	homeClientTitle      = "Tus tickets abiertos"
	homeClientEmpty      = "Tu empresa no tiene tickets abiertos."
	homeHelpTitle        = "¿Cómo pedir ayuda?"
	homeThreadLabel      = "ver hilo"
	homeAnswered         = "respondido"
	homeWaitingOnClient  = "esperando tu respuesta"
	homeWaitingForClient = "esperando al cliente"
)

// homeHelpText tells anyone how to ask for help; phones are the Service
// Desk's, from config.
func homeHelpText(phones string) string {
	s := "• Escribí en el canal de soporte de tu empresa: el bot registra el caso, te dice cuándo vence la respuesta y avisa a tu focal point.\n" +
		"• `/soporte ayuda` muestra los comandos (por ejemplo `/soporte estado` para ver tus tickets)."
	if phones != "" {
		s += "\n• *Incidente crítico* (toda la operación detenida): llamá a la Mesa de Ayuda al " + phones + "."
	}
	return s
}

func homeMore(n int) string { return fmt.Sprintf("_y %d más._", n) }

// homeDeskLine is one client's counts for the service desk.
func homeDeskLine(name string, open, breached int, capped bool) string {
	more := ""
	if capped {
		more = " o más"
	}
	return fmt.Sprintf("• *%s*: %d abiertos · %d%s incumplidos este mes", name, open, breached, more)
}

// homeDeadline is when a ticket must next be answered, on its client's
// clock, or what it waits for when nothing is due; staff and the client
// read a wait on the client each from their side.
func homeDeadline(t *ticketing.Ticket, now time.Time, c *ticketing.Client, staff bool) string {
	due, ok := nextDeadline(t)
	switch {
	case !ok && t.Status.WaitingOnClient() && staff:
		return homeWaitingForClient
	case !ok && t.Status.WaitingOnClient():
		return homeWaitingOnClient
	case !ok:
		return homeAnswered
	}
	verb := "vence "
	if !due.After(now) {
		verb = "⚠️ venció "
	}
	if c == nil {
		return verb + wording.When(due, now, time.UTC) + " (UTC)"
	}
	return fmt.Sprintf("%s%s (%s)", verb, wording.When(due, now, c.Location), zoneName(c))
}
