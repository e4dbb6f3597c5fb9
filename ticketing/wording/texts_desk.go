package wording

// deskTexts is what only staff read, in desk.language: one row per key,
// es-AR, es-CL, en.
var deskTexts = map[string]Text{
	// Deadlines and breaches (the scheduler).
	"ref.ticket":        {"#%d de %s (%s)", "#%d de %s (%s)", "#%d of %s (%s)"},
	"ref.kind_priority": {"%s, %s", "%s, %s", "%s, %s"},
	"left.under_minute": {"queda menos de 1 min", "queda menos de 1 min", "less than 1 min left"},
	"left.one":          {"queda %s", "queda %s", "%s left"},
	"left.many":         {"quedan %s", "quedan %s", "%s left"},
	"overdue.just":      {"acaba de vencer", "acaba de vencer", "just went overdue"},
	"overdue.ago":       {"venció hace %s", "venció hace %s", "went overdue %s ago"},
	"ping":              {"⏰ %s para responder %s: vence %s (%s).", "⏰ %s para responder %s: vence %s (%s).", "⏰ %s to answer %s: due %s (%s)."},
	"ping.absent":       {"El focal point %s está ausente: te llega a vos como respaldo.", "El focal point %s está ausente: te llega a ti como respaldo.", "The focal point %s is away: this reaches you as a backup."},
	"breach.dm":         {"🔴 %s %s sin primera respuesta. Respondé en su hilo: cualquier agente de soporte puede tomarlo.", "🔴 %s %s sin primera respuesta. Responde en su hilo: cualquier agente de soporte puede tomarlo.", "🔴 %s %s with no first response. Answer in its thread: any support agent can take it."},
	"breach.thread":     {"🔴 %sel plazo de primera respuesta de %s venció (%s).", "🔴 %sel plazo de primera respuesta de %s venció (%s).", "🔴 %sthe first-response deadline of %s has passed (%s)."},
	"breach.desk":       {"🔴 *SLA incumplido*: %s %s sin primera respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA incumplido*: %s %s sin primera respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA breached*: %s %s with no first response (was due %s, %s). Focal point: %s."},
	"escalated.to":      {" Escalado a %s.", " Escalado a %s.", " Escalated to %s."},
	"sent.apart":        {"🤖 Respuesta enviada por %s:\n%s", "🤖 Respuesta enviada por %s:\n%s", "🤖 Answer sent by %s:\n%s"},

	// The morning digest.
	"digest.title":             {"☀️ *Resumen diario* · %s %s (%s)", "☀️ *Resumen diario* · %s %s (%s)", "☀️ *Daily digest* · %s %s (%s)"},
	"digest.due_today":         {"*Vencen hoy sin respuesta (%s):*", "*Vencen hoy sin respuesta (%s):*", "*Due today with no answer (%s):*"},
	"digest.due":               {"vence %s", "vence %s", "due %s"},
	"digest.yesterday":         {"ayer", "ayer", "yesterday"},
	"digest.on_day":            {"el %s %s", "el %s %s", "on %s %s"},
	"digest.missed":            {"*Incumplidos %s (%s):*", "*Incumplidos %s (%s):*", "*Breached %s (%s):*"},
	"digest.missed.unanswered": {"vencía %s · sin respuesta", "vencía %s · sin respuesta", "was due %s · no answer"},
	"digest.missed.late":       {"respondido con %s de atraso", "respondido con %s de atraso", "answered %s late"},
	"digest.none":              {"No tenés tickets abiertos.", "No tienes tickets abiertos.", "You have no open tickets."},
	"digest.open":              {"*Tus tickets abiertos (%s), por vencimiento:*", "*Tus tickets abiertos (%s), por vencimiento:*", "*Your open tickets (%s), by due time:*"},
	"digest.open.unanswered":   {"%s · sin respuesta, vence %s", "%s · sin respuesta, vence %s", "%s · no answer, due %s"},
	"digest.open.overdue":      {"%s · sin respuesta, ⚠️ venció %s", "%s · sin respuesta, ⚠️ venció %s", "%s · no answer, ⚠️ was due %s"},
	"digest.more_than":         {"más de %d", "más de %d", "more than %d"},
	"digest.more":              {"_y %d más._", "_y %d más._", "_and %d more._"},

	// Staff commands.
	"staff.help": {
		"*Comandos del equipo de soporte* (`/soporte …`):\n" +
			"• `tomar #N` — asignarte el ticket\n" +
			"• `resolver #N <texto>` — responder la solución y marcarlo resuelto\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalar el caso\n" +
			"• `prioridad #N alta|media|baja` — cambiar la prioridad (recalcula el vencimiento)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — cambiar el tipo\n" +
			"• `mover #N <estado>` — avanzar un requerimiento (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) o derivar una funcionalidad (derivado_producto)\n" +
			"• `estado [cliente]` — tickets abiertos\n" +
			"• `reporte <cliente> [AAAA-MM]` — publicar el informe de SLA del mes en el canal\n" +
			"• `ausente` / `presente` — tus pings pasan a tus backups mientras no estás\n" +
			"• `critico <cliente> <descripción>` — (Mesa de Ayuda) abrir un incidente crítico recibido por teléfono\n" +
			"• `whatsapp invitar <cliente> +549…` / `whatsapp revocar +549…` / `whatsapp lista <cliente>`\n" +
			"• `ayuda`",
		"*Comandos del equipo de soporte* (`/soporte …`):\n" +
			"• `tomar #N` — asignarte el ticket\n" +
			"• `resolver #N <texto>` — responder la solución y marcarlo resuelto\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalar el caso\n" +
			"• `prioridad #N alta|media|baja` — cambiar la prioridad (recalcula el vencimiento)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — cambiar el tipo\n" +
			"• `mover #N <estado>` — avanzar un requerimiento (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) o derivar una funcionalidad (derivado_producto)\n" +
			"• `estado [cliente]` — tickets abiertos\n" +
			"• `reporte <cliente> [AAAA-MM]` — publicar el informe de SLA del mes en el canal\n" +
			"• `ausente` / `presente` — tus pings pasan a tus backups mientras no estás\n" +
			"• `critico <cliente> <descripción>` — (Mesa de Ayuda) abrir un incidente crítico recibido por teléfono\n" +
			"• `whatsapp invitar <cliente> +549…` / `whatsapp revocar +549…` / `whatsapp lista <cliente>`\n" +
			"• `ayuda`",
		"*Support team commands* (`/soporte …`):\n" +
			"• `tomar #N` — take the ticket\n" +
			"• `resolver #N <text>` — answer with the solution and mark it resolved\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalate the case\n" +
			"• `prioridad #N alta|media|baja` — change the priority (the deadline is recomputed)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — change the kind\n" +
			"• `mover #N <state>` — move a requirement on (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) or pass a feature on (derivado_producto)\n" +
			"• `estado [client]` — open tickets\n" +
			"• `reporte <client> [YYYY-MM]` — post the month's SLA report in the channel\n" +
			"• `ausente` / `presente` — your pings go to your backups while you are away\n" +
			"• `critico <client> <description>` — (Help Desk) open a critical incident received by phone\n" +
			"• `whatsapp invitar <client> +549…` / `whatsapp revocar +549…` / `whatsapp lista <client>`\n" +
			"• `ayuda`",
	},
	"staff.unknown_client":        {"No conocemos el cliente %q.", "No conocemos el cliente %q.", "We do not know the client %q."},
	"staff.conforme":              {"`conforme` lo usa el cliente para confirmar la solución.", "`conforme` lo usa el cliente para confirmar la solución.", "`conforme` is for the client, to confirm the solution."},
	"staff.unknown_command":       {"No conozco el comando %q.\n%s", "No conozco el comando %q.\n%s", "I do not know the command %q.\n%s"},
	"staff.bad_move":              {"El ticket #%d (%s) está %s y no puede pasar a %s. Desde ahí puede pasar a: %s.", "El ticket #%d (%s) está %s y no puede pasar a %s. Desde ahí puede pasar a: %s.", "Ticket #%d (%s) is %s and cannot move to %s. From there it can move to: %s."},
	"staff.closed":                {"El ticket #%d ya está cerrado.", "El ticket #%d ya está cerrado.", "Ticket #%d is already closed."},
	"staff.taken":                 {"Tomaste el ticket #%d.", "Tomaste el ticket #%d.", "You took ticket #%d."},
	"staff.resolve_usage":         {"Contale al cliente la solución: `/soporte resolver #%d <texto>`.", "Cuéntale al cliente la solución: `/soporte resolver #%d <texto>`.", "Tell the client the solution: `/soporte resolver #%d <text>`."},
	"staff.resolved":              {"Marcaste el ticket #%d como resuelto; el cliente fue notificado.", "Marcaste el ticket #%d como resuelto; el cliente fue notificado.", "You marked ticket #%d resolved; the client was told."},
	"staff.escalate_usage":        {"¿A quién escalamos? Uso: `/soporte escalar #%d n2|n3|infra|desarrollo`.", "¿A quién escalamos? Uso: `/soporte escalar #%d n2|n3|infra|desarrollo`.", "Escalate to whom? Usage: `/soporte escalar #%d n2|n3|infra|desarrollo`."},
	"staff.escalated":             {"Escalaste el ticket #%d a %s.", "Escalaste el ticket #%d a %s.", "You escalated ticket #%d to %s."},
	"staff.priority_usage":        {"Uso: `/soporte prioridad #%d alta|media|baja`.", "Uso: `/soporte prioridad #%d alta|media|baja`.", "Usage: `/soporte prioridad #%d alta|media|baja`."},
	"staff.priority_bad":          {"Prioridad %q no válida: alta, media o baja (los críticos se abren con `/soporte critico`).", "Prioridad %q no válida: alta, media o baja (los críticos se abren con `/soporte critico`).", "Priority %q is not valid: alta, media or baja (critical incidents are opened with `/soporte critico`)."},
	"staff.priority_not_incident": {"Solo los incidentes tienen prioridad elegible; el ticket #%d es %s.", "Solo los incidentes tienen prioridad elegible; el ticket #%d es %s.", "Only incidents have a priority to choose; ticket #%d is %s."},
	"staff.kind_usage":            {"Uso: `/soporte tipo #%d consulta|incidente|requerimiento|funcionalidad`.", "Uso: `/soporte tipo #%d consulta|incidente|requerimiento|funcionalidad`.", "Usage: `/soporte tipo #%d consulta|incidente|requerimiento|funcionalidad`."},
	"staff.kind_bad":              {"Tipo %q no válido: consulta, incidente, requerimiento o funcionalidad (los críticos se abren con `/soporte critico`).", "Tipo %q no válido: consulta, incidente, requerimiento o funcionalidad (los críticos se abren con `/soporte critico`).", "Kind %q is not valid: consulta, incidente, requerimiento or funcionalidad (critical incidents are opened with `/soporte critico`)."},
	"staff.move_usage":            {"Uso: `/soporte mover #%d <estado>`.", "Uso: `/soporte mover #%d <estado>`.", "Usage: `/soporte mover #%d <state>`."},
	"staff.status_unknown":        {"Estado %q desconocido.", "Estado %q desconocido.", "Unknown state %q."},
	"staff.move_use_verbs":        {"Para eso usá `/soporte resolver` o `/soporte escalar`.", "Para eso usa `/soporte resolver` o `/soporte escalar`.", "For that use `/soporte resolver` or `/soporte escalar`."},
	"staff.absent":                {"Quedaste *ausente*: los avisos de vencimiento de tus clientes van a tus backups (o a cualquier agente).", "Quedaste *ausente*: los avisos de vencimiento de tus clientes van a tus backups (o a cualquier agente).", "You are now *away*: your clients' deadline pings go to your backups (or to any agent)."},
	"staff.present":               {"Quedaste *presente*: vuelven a llegarte los avisos de tus clientes.", "Quedaste *presente*: vuelven a llegarte los avisos de tus clientes.", "You are *back*: your clients' pings reach you again."},
}
