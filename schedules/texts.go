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
	l := c.Language
	when := l.When(closeAt, now, c.Location)
	whatsapp := t.ClientApart()
	switch {
	case t.Status == ticketing.StatusResuelto && whatsapp:
		return l.Say("notice.resolved.apart", t.ID, t.ID, when)
	case t.Status == ticketing.StatusResuelto:
		return l.Say("notice.resolved.slack", t.ID, t.ID, when)
	}
	return l.Say("notice.waiting", t.ID, when)
}

func autoClosedText(t *ticketing.Ticket, c *ticketing.Client) string {
	return c.Language.Say("notice.auto_closed", t.ID)
}

func testingReminderText(t *ticketing.Ticket, c *ticketing.Client, end, now time.Time) string {
	return c.Language.Say("testing.reminder", t.ID, c.Language.When(end, now, c.Location))
}

func testingAcceptedText(t *ticketing.Ticket, c *ticketing.Client) string {
	return c.Language.Say("testing.accepted", t.ID)
}
