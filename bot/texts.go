package bot

import (
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// attendedHours describes in words when a ticket of this kind is attended:
// outside commercial hours only unavailabilities are (the seed), so only a
// critical incident follows the plan's wider hours.
func attendedHours(c *ticketing.Client, k ticketing.Kind) string {
	if k == ticketing.KindIncidenteCritico {
		switch c.Plan {
		case ticketing.PlanExtendido:
			return "lunes a sábado de 05:00 a 21:00, sin feriados"
		case ticketing.Plan7x24:
			return "todos los días, las 24 horas"
		}
	}
	return "lunes a viernes de 08:00 a 19:00, sin feriados"
}

// planHours describes the client's contracted coverage.
func planHours(c *ticketing.Client) string {
	switch c.Plan {
	case ticketing.PlanExtendido:
		return "Soporte extendido: lunes a sábado de 05:00 a 21:00 (fuera del horario comercial, solo indisponibilidades)"
	case ticketing.Plan7x24:
		return "Soporte 7x24: todos los días, las 24 horas (fuera del horario comercial, solo indisponibilidades)"
	}
	return "Soporte estándar: lunes a viernes de 08:00 a 19:00, sin feriados"
}

func zoneName(c *ticketing.Client) string {
	name := c.TimeZone()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return "hora de " + strings.ReplaceAll(name, "_", " ")
}

func kindPriority(t *ticketing.Ticket) string {
	if t.Kind.IsIncident() {
		return fmt.Sprintf("%s · prioridad %s", t.Kind.Label(), t.Priority.Label())
	}
	return t.Kind.Label()
}

func mention(userID string) string {
	if userID == "" {
		return "el equipo de soporte"
	}
	return ticketing.Mention(userID, "")
}

// named is a mention that a platform without mentions shows as the
// person's name, for texts a client apart may read.
func (b *Bot) named(userID string) string {
	if userID == "" {
		return mention(userID)
	}
	return ticketing.Mention(userID, b.dir.staffName(userID))
}

// ticketOpenedText is the first answer to a new ticket.
func (b *Bot) ticketOpenedText(c *ticketing.Client, t *ticketing.Ticket, now time.Time) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Registramos tu caso: *ticket #%d* · %s.\n", t.ID, kindPriority(t))
	fmt.Fprintf(&s, "Respuesta comprometida: vence %s (%s).\n", wording.When(t.DueAt, now, c.Location), zoneName(c))
	if t.ClockStart.After(t.ReceivedAt) {
		fmt.Fprintf(&s, "Tu mensaje llegó fuera del horario de atención (%s): el equipo lo toma %s.\n",
			attendedHours(c, t.Kind), wording.When(t.ClockStart, now, c.Location))
	}
	switch t.Kind {
	case ticketing.KindFuncionalidad:
		s.WriteString("Es una propuesta de mejora de la plataforma: tu focal point la eleva al área de Producto, que evalúa su viabilidad con Desarrollo.\n")
	case ticketing.KindRequerimiento:
		s.WriteString("Es un nuevo requerimiento: tu focal point coordina una reunión de relevamiento y luego te envía una cotización formal.\n")
	}
	where := "en este hilo"
	if t.ClientApart() {
		where = "por acá"
	}
	fmt.Fprintf(&s, "Tu focal point es %s. Escribí %s para sumar información.", b.named(c.FocalPoint), where)
	return s.String()
}

// askKindText asks the client which kind of case it is.
func askKindText(t *ticketing.Ticket) string {
	return fmt.Sprintf("Registramos tu mensaje como *ticket #%d*. Para darle la prioridad correcta, ¿qué tipo de caso es? Elegí una opción.", t.ID)
}

// askKindMenu is the WhatsApp form of the same question.
func askKindMenu(t *ticketing.Ticket) string {
	return fmt.Sprintf("Registramos tu mensaje como ticket #%d. ¿Qué tipo de caso es? Respondé con un número:\n1 Consulta\n2 Incidente\n3 Requerimiento\n4 Funcionalidad", t.ID)
}

// menuKinds are the kinds a client can choose; a critical incident is never
// offered because it is handled by phone.
var menuKinds = []ticketing.Kind{ticketing.KindConsulta, ticketing.KindIncidente, ticketing.KindRequerimiento, ticketing.KindFuncionalidad}

func kindButtons(t *ticketing.Ticket) []ticketing.Button {
	var out []ticketing.Button
	for _, k := range menuKinds {
		out = append(out, ticketing.Button{ActionID: actionKind, Label: k.Label(), Value: fmt.Sprintf("%d:%s", t.ID, k)})
	}
	return out
}

func staffButtons(t *ticketing.Ticket) []ticketing.Button {
	id := fmt.Sprint(t.ID)
	return []ticketing.Button{
		{ActionID: actionTake, Label: "Tomar", Value: id, Style: "primary"},
		{ActionID: actionResolve, Label: "Resolver", Value: id},
		{ActionID: actionEscalate, Label: "Escalar", Value: id, Style: "danger"},
	}
}

func (b *Bot) phonesText() string {
	return strings.Join(b.desk.Phones, " o al ")
}

// criticalRefusalText sends the client to the phone: the Service Desk is the
// only channel for critical incidents (the seed). t is the ticket a
// follow-up was added to, nil for a new message.
func (b *Bot) criticalRefusalText(t *ticketing.Ticket) string {
	done := "No abrimos un ticket por este canal"
	if t != nil {
		done = fmt.Sprintf("Sumamos tu mensaje al ticket #%d, pero por este canal no se atiende como crítico", t.ID)
	}
	return fmt.Sprintf("🚨 Esto parece un *incidente crítico*. Por política de soporte, los incidentes críticos se atienden "+
		"*únicamente por teléfono con la Mesa de Ayuda*: llamá ahora al %s.\n"+
		"%s; ya avisamos a tu focal point y a la Mesa de Ayuda que vas a llamar.", b.phonesText(), done)
}

func (b *Bot) contractRefusalText(c *ticketing.Client) string {
	state := "suspendido"
	if c.Contract == ticketing.ContractExpired {
		state = "vencido"
	}
	return fmt.Sprintf("Tu contrato de soporte figura como *%s*, por eso no podemos abrir un ticket por este canal. "+
		"Para regularizarlo comunicate con tu ejecutivo de cuenta o con la Mesa de Ayuda (%s). Ya le avisamos a tu focal point.", state, b.phonesText())
}

// clientText marks text a client wrote (or a name they chose) as quoted:
// data that each adapter shows as the literal text it is, so <!channel>,
// <@U…> or a link label become no markup in what the bot posts. Every
// client string the bot re-posts goes through here (quote does it for
// message bodies).
func clientText(s string) string { return ticketing.Quoted(s) }

// subjectOf is the first line of a message, short enough for listings.
func subjectOf(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	r := []rune(line)
	if len(r) > 120 {
		return string(r[:119]) + "…"
	}
	return line
}

// quote shows a client's message as a block quote, each line quoted.
func quote(text string) string {
	r := []rune(strings.TrimSpace(text))
	if len(r) > 500 {
		r = append(r[:499], '…')
	}
	lines := strings.Split(string(r), "\n")
	for i, l := range lines {
		lines[i] = "> " + clientText(l)
	}
	return strings.Join(lines, "\n")
}
