package schedules

import (
	"fmt"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// Staff-facing texts of the next-response watch: the client wrote again
// after the first response and waits for an answer.

func nextPingText(t *ticketing.Ticket, c *ticketing.Client, left time.Duration, now time.Time) string {
	return fmt.Sprintf("⏰ %s para responder el nuevo mensaje del cliente en %s: vence %s (%s).", leftWords(left), ticketRef(t, c), wording.When(t.NextDueAt, now, c.Location), zoneName(c))
}

func nextBreachDMText(t *ticketing.Ticket, c *ticketing.Client, overdue time.Duration) string {
	return fmt.Sprintf("🔴 %s: el nuevo mensaje del cliente %s sin respuesta. Respondé en su hilo: cualquier agente de soporte puede hacerlo.", ticketRef(t, c), overdueWords(overdue))
}

func nextBreachThreadText(t *ticketing.Ticket, c *ticketing.Client, page, standIns []string, now time.Time) string {
	s := fmt.Sprintf("🔴 %sel plazo para responder el nuevo mensaje del cliente en %s venció (%s).", mentions(page), ticketRef(t, c), wording.When(t.NextDueAt, now, c.Location))
	if len(standIns) > 0 {
		s += " Escalado a " + mentionList(standIns) + "."
	}
	return s
}

func nextBreachDeskText(t *ticketing.Ticket, c *ticketing.Client, standIns []string, overdue time.Duration, now time.Time) string {
	s := fmt.Sprintf("🔴 *SLA incumplido* (respuesta siguiente): %s, el nuevo mensaje del cliente %s sin respuesta (vencía %s, %s). Focal point: %s.",
		ticketRef(t, c), overdueWords(overdue), wording.When(t.NextDueAt, now, c.Location), zoneName(c), mention(c.FocalPoint))
	if len(standIns) > 0 {
		s += " Escalado a " + mentionList(standIns) + "."
	}
	return s
}
