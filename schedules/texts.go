package schedules

import (
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// mention names a member of staff for the desk, where the scheduler's
// mentions go; the adapter writes it in its platform's form.
func mention(userID string) string {
	if userID == "" {
		return "el equipo de soporte"
	}
	return ticketing.Mention(userID, "")
}

// mentions prefixes a thread message with who it is for.
func mentions(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(mention(id) + " ")
	}
	return b.String()
}

func mentionList(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = mention(id)
	}
	return strings.Join(out, ", ")
}

// ticketRef names a ticket for staff: "#123 de ACME (ALTA)", with the kind
// when it is not an incident ("#7 de ACME (Consulta, MEDIA)").
func ticketRef(t *ticketing.Ticket, c *ticketing.Client) string {
	p := EffectivePriority(t.Kind, t.Priority).Label()
	if !t.Kind.IsIncident() {
		p = t.Kind.Label() + ", " + p
	}
	return fmt.Sprintf("#%d de %s (%s)", t.ID, c.Name, p)
}

func zoneName(c *ticketing.Client) string {
	name := c.TimeZone()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return "hora de " + strings.ReplaceAll(name, "_", " ")
}

// leftWords is "quedan 35 min" or "queda 1 h": time left in attended hours.
func leftWords(left time.Duration) string {
	if left < time.Minute {
		return "queda menos de 1 min"
	}
	d := wording.Duration(left)
	if d == "1 h" || d == "1 min" || d == "1 día" {
		return "queda " + d
	}
	return "quedan " + d
}

// overdueWords is "venció hace 20 min", or "acaba de vencer".
func overdueWords(overdue time.Duration) string {
	if overdue < time.Minute {
		return "acaba de vencer"
	}
	return "venció hace " + wording.Duration(overdue)
}

// pingText: "⏰ quedan 35 min para responder #123 de ACME (ALTA): vence hoy
// a las 11:30 (hora de Buenos Aires)."
func pingText(t *ticketing.Ticket, c *ticketing.Client, left time.Duration, now time.Time) string {
	return fmt.Sprintf("⏰ %s para responder %s: vence %s (%s).", leftWords(left), ticketRef(t, c), wording.When(t.DueAt, now, c.Location), zoneName(c))
}

func breachDMText(t *ticketing.Ticket, c *ticketing.Client, overdue time.Duration) string {
	return fmt.Sprintf("🔴 %s %s sin primera respuesta. Respondé en su hilo: cualquier agente de soporte puede tomarlo.", ticketRef(t, c), overdueWords(overdue))
}

func breachThreadText(t *ticketing.Ticket, c *ticketing.Client, page, standIns []string, now time.Time) string {
	s := fmt.Sprintf("🔴 %sel plazo de primera respuesta de %s venció (%s).", mentions(page), ticketRef(t, c), wording.When(t.DueAt, now, c.Location))
	if len(standIns) > 0 {
		s += " Escalado a " + mentionList(standIns) + "."
	}
	return s
}

func breachDeskText(t *ticketing.Ticket, c *ticketing.Client, standIns []string, overdue time.Duration, now time.Time) string {
	s := fmt.Sprintf("🔴 *SLA incumplido*: %s %s sin primera respuesta (vencía %s, %s). Focal point: %s.",
		ticketRef(t, c), overdueWords(overdue), wording.When(t.DueAt, now, c.Location), zoneName(c), mention(c.FocalPoint))
	if len(standIns) > 0 {
		s += " Escalado a " + mentionList(standIns) + "."
	}
	return s
}

// noticeText warns the client that a ticket waiting on them will close.
func noticeText(t *ticketing.Ticket, c *ticketing.Client, closeAt, now time.Time) string {
	when := wording.When(closeAt, now, c.Location)
	whatsapp := t.ClientApart()
	switch {
	case t.Status == ticketing.StatusResuelto && whatsapp:
		return fmt.Sprintf("⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto respondé *conforme %d*; si no, contanos qué pasa. El ticket se cerrará %s si no recibimos respuesta.", t.ID, t.ID, when)
	case t.Status == ticketing.StatusResuelto:
		return fmt.Sprintf("⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto confirmalo con `/soporte conforme #%d` (o reaccioná con ✅); si no, contanos qué pasa en este hilo. El ticket se cerrará %s si no recibimos respuesta.", t.ID, t.ID, when)
	}
	return fmt.Sprintf("⏳ Ticket #%d: seguimos esperando tu respuesta para avanzar. El ticket se cerrará %s si no recibimos respuesta.", t.ID, when)
}

func autoClosedText(t *ticketing.Ticket) string {
	return fmt.Sprintf("🔒 Ticket #%d cerrado por falta de respuesta, como te avisamos. Si el problema sigue, escribí un mensaje nuevo y abrimos otro caso.", t.ID)
}

func testingReminderText(t *ticketing.Ticket, c *ticketing.Client, end, now time.Time) string {
	return fmt.Sprintf("📦 Recordatorio: el período de prueba de 30 días del ticket #%d termina %s. Si encontraste observaciones, contanos; si no, daremos el desarrollo por aceptado.",
		t.ID, wording.When(end, now, c.Location))
}

func testingAcceptedText(t *ticketing.Ticket) string {
	return fmt.Sprintf("✅ Ticket #%d: terminó el período de prueba de 30 días sin observaciones, así que damos el desarrollo por aceptado y cerramos el ticket. ¡Gracias!", t.ID)
}
