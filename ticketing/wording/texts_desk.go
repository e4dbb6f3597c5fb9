package wording

// deskTexts is what only staff read, in desk.language: one row per key,
// es-AR, es-CL, en.
var deskTexts = map[string]Text{
	// Deadlines and breaches (the scheduler).
	"ref.ticket":         {"#%d de %s (%s)", "#%d de %s (%s)", "#%d of %s (%s)"},
	"ref.kind_priority":  {"%s, %s", "%s, %s", "%s, %s"},
	"left.under_minute":  {"queda menos de 1 min", "queda menos de 1 min", "less than 1 min left"},
	"left.one":           {"queda %s", "queda %s", "%s left"},
	"left.many":          {"quedan %s", "quedan %s", "%s left"},
	"overdue.just":       {"acaba de vencer", "acaba de vencer", "just went overdue"},
	"overdue.ago":        {"venció hace %s", "venció hace %s", "went overdue %s ago"},
	"ping":               {"⏰ %s para responder %s: vence %s (%s).", "⏰ %s para responder %s: vence %s (%s).", "⏰ %s to answer %s: due %s (%s)."},
	"ping.absent":        {"El focal point %s está ausente: te llega a vos como respaldo.", "El focal point %s está ausente: te llega a ti como respaldo.", "The focal point %s is away: this reaches you as a backup."},
	"breach.dm":          {"🔴 %s %s sin primera respuesta. Respondé en su hilo: cualquier agente de soporte puede tomarlo.", "🔴 %s %s sin primera respuesta. Responde en su hilo: cualquier agente de soporte puede tomarlo.", "🔴 %s %s with no first response. Answer in its thread: any support agent can take it."},
	"breach.thread":      {"🔴 %sel plazo de primera respuesta de %s venció (%s).", "🔴 %sel plazo de primera respuesta de %s venció (%s).", "🔴 %sthe first-response deadline of %s has passed (%s)."},
	"breach.desk":        {"🔴 *SLA incumplido*: %s %s sin primera respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA incumplido*: %s %s sin primera respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA breached*: %s %s with no first response (was due %s, %s). Focal point: %s."},
	"escalated.to":       {" Escalado a %s.", " Escalado a %s.", " Escalated to %s."},
	"next.ping":          {"⏰ %s para responder el nuevo mensaje del cliente en %s: vence %s (%s).", "⏰ %s para responder el nuevo mensaje del cliente en %s: vence %s (%s).", "⏰ %s to answer the client's new message on %s: due %s (%s)."},
	"next.breach.dm":     {"🔴 %s: el nuevo mensaje del cliente %s sin respuesta. Respondé en su hilo: cualquier agente de soporte puede hacerlo.", "🔴 %s: el nuevo mensaje del cliente %s sin respuesta. Responde en su hilo: cualquier agente de soporte puede hacerlo.", "🔴 %s: the client's new message %s with no answer. Answer in its thread: any support agent can."},
	"next.breach.thread": {"🔴 %sel plazo para responder el nuevo mensaje del cliente en %s venció (%s).", "🔴 %sel plazo para responder el nuevo mensaje del cliente en %s venció (%s).", "🔴 %sthe deadline to answer the client's new message on %s has passed (%s)."},
	"next.breach.desk":   {"🔴 *SLA incumplido* (respuesta siguiente): %s, el nuevo mensaje del cliente %s sin respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA incumplido* (respuesta siguiente): %s, el nuevo mensaje del cliente %s sin respuesta (vencía %s, %s). Focal point: %s.", "🔴 *SLA breached* (next response): %s, the client's new message %s with no answer (was due %s, %s). Focal point: %s."},
	"sent.apart":         {"🤖 Respuesta enviada por %s:\n%s", "🤖 Respuesta enviada por %s:\n%s", "🤖 Answer sent by %s:\n%s"},

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
	"digest.awaiting":          {"*Mensajes del cliente sin responder después de la primera respuesta (%d):*", "*Mensajes del cliente sin responder después de la primera respuesta (%d):*", "*Client messages with no answer after the first response (%d):*"},
	"digest.awaiting.overdue":  {"⚠️ venció %s", "⚠️ venció %s", "⚠️ was due %s"},
	"digest.over_resolution":   {" · ⏱️ sobre el objetivo de resolución", " · ⏱️ sobre el objetivo de resolución", " · ⏱️ over the resolution goal"},
	"digest.more_than":         {"más de %d", "más de %d", "more than %d"},
	"digest.more":              {"_y %d más._", "_y %d más._", "_and %d more._"},

	// Staff commands.
	"staff.help": {
		"*Comandos del equipo de soporte* (`/soporte …`):\n" +
			"• `tomar #N` — asignarte el ticket\n" +
			"• `resolver #N <texto>` — responder la solución y marcarlo resuelto\n" +
			"• `esperando #N [texto]` — pedirle al cliente lo que falta; el reloj de resolución se pausa hasta que responda\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalar el caso\n" +
			"• `prioridad #N alta|media|baja` — cambiar la prioridad (recalcula el vencimiento)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — cambiar el tipo\n" +
			"• `mover #N <estado>` — avanzar un requerimiento (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) o derivar una funcionalidad (derivado_producto)\n" +
			"• `estado [cliente]` — tickets abiertos\n" +
			"• `reporte <cliente> [AAAA-MM] [es-AR|es-CL|en]` — publicar el informe de SLA del mes en el canal\n" +
			"• `ausente` / `presente` — tus pings pasan a tus backups mientras no estás\n" +
			"• `critico <cliente> <descripción>` — (Mesa de Ayuda) abrir un incidente crítico recibido por teléfono; `critico #N` toma como crítico un ticket ya abierto\n" +
			"• `whatsapp invitar <cliente> +549…` / `whatsapp revocar +549…` / `whatsapp lista <cliente>`\n" +
			"• `guardar #N [título]` — guardar la solución de un ticket resuelto como artículo de la mesa (solo staff); también 📖 sobre una respuesta del staff en el hilo\n" +
			"• `publicar ID` — mostrar un artículo de la mesa a los clientes entre las sugerencias\n" +
			"• `ayuda`",
		"*Comandos del equipo de soporte* (`/soporte …`):\n" +
			"• `tomar #N` — asignarte el ticket\n" +
			"• `resolver #N <texto>` — responder la solución y marcarlo resuelto\n" +
			"• `esperando #N [texto]` — pedirle al cliente lo que falta; el reloj de resolución se pausa hasta que responda\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalar el caso\n" +
			"• `prioridad #N alta|media|baja` — cambiar la prioridad (recalcula el vencimiento)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — cambiar el tipo\n" +
			"• `mover #N <estado>` — avanzar un requerimiento (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) o derivar una funcionalidad (derivado_producto)\n" +
			"• `estado [cliente]` — tickets abiertos\n" +
			"• `reporte <cliente> [AAAA-MM] [es-AR|es-CL|en]` — publicar el informe de SLA del mes en el canal\n" +
			"• `ausente` / `presente` — tus pings pasan a tus backups mientras no estás\n" +
			"• `critico <cliente> <descripción>` — (Mesa de Ayuda) abrir un incidente crítico recibido por teléfono; `critico #N` toma como crítico un ticket ya abierto\n" +
			"• `whatsapp invitar <cliente> +549…` / `whatsapp revocar +549…` / `whatsapp lista <cliente>`\n" +
			"• `guardar #N [título]` — guardar la solución de un ticket resuelto como artículo de la mesa (solo staff); también 📖 sobre una respuesta del staff en el hilo\n" +
			"• `publicar ID` — mostrar un artículo de la mesa a los clientes entre las sugerencias\n" +
			"• `ayuda`",
		"*Support team commands* (`/soporte …`):\n" +
			"• `tomar #N` — take the ticket\n" +
			"• `resolver #N <text>` — answer with the solution and mark it resolved\n" +
			"• `esperando #N [text]` — ask the client for what is missing; the resolution clock pauses until they answer\n" +
			"• `escalar #N n2|n3|infra|desarrollo` — escalate the case\n" +
			"• `prioridad #N alta|media|baja` — change the priority (the deadline is recomputed)\n" +
			"• `tipo #N consulta|incidente|requerimiento|funcionalidad` — change the kind\n" +
			"• `mover #N <state>` — move a requirement on (relevamiento, cotizacion, aceptado, en_desarrollo, entregado) or pass a feature on (derivado_producto)\n" +
			"• `estado [client]` — open tickets\n" +
			"• `reporte <client> [YYYY-MM] [lang]` — post the month's SLA report in the channel, in lang if given (en or a Spanish code)\n" +
			"• `ausente` / `presente` — your pings go to your backups while you are away\n" +
			"• `critico <client> <description>` — (Help Desk) open a critical incident received by phone; `critico #N` takes an open ticket as critical\n" +
			"• `whatsapp invitar <client> +549…` / `whatsapp revocar +549…` / `whatsapp lista <client>`\n" +
			"• `guardar #N [title]` — save a resolved ticket's solution as a desk article (staff only); 📖 on a staff answer in the thread does the same\n" +
			"• `publicar ID` — show a desk article to clients among the suggestions\n" +
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

	// The desk's side of a case.
	"button.take":                  {"Tomar", "Tomar", "Take"},
	"button.resolve":               {"Resolver", "Resolver", "Resolve"},
	"button.escalate":              {"Escalar", "Escalar", "Escalate"},
	"mirror.root":                  {"📱 *WhatsApp* de *%s* · %s\n%s\n*Ticket #%d* · %s · vence %s (%s). Focal point: %s. Respondé en este hilo y se lo enviamos por WhatsApp.", "📱 *WhatsApp* de *%s* · %s\n%s\n*Ticket #%d* · %s · vence %s (%s). Focal point: %s. Responde en este hilo y se lo enviamos por WhatsApp.", "📱 *WhatsApp* from *%s* · %s\n%s\n*Ticket #%d* · %s · due %s (%s). Focal point: %s. Answer in this thread and we send it on WhatsApp."},
	"mirror.in_reply":              {"_En respuesta a:_", "_En respuesta a:_", "_In reply to:_"},
	"contract.dm":                  {"%s (contrato %s) escribió por %s y no se abrió ticket:\n%s", "%s (contrato %s) escribió por %s y no se abrió ticket:\n%s", "%s (contract %s) wrote on %s and no ticket was opened:\n%s"},
	"critical.alert":               {"🚨 Posible *incidente crítico* de *%s* (%s, %s)%s. Se le indicó llamar a la Mesa de Ayuda:\n%s\nPara abrirlo como crítico: %s", "🚨 Posible *incidente crítico* de *%s* (%s, %s)%s. Se le indicó llamar a la Mesa de Ayuda:\n%s\nPara abrirlo como crítico: %s", "🚨 Possible *critical incident* from *%s* (%s, %s)%s. They were told to call the Help Desk:\n%s\nTo open it as critical: %s"},
	"critical.alert.open_new":      {"`/soporte critico %s <descripción>`", "`/soporte critico %s <descripción>`", "`/soporte critico %s <description>`"},
	"critical.alert.open_ticket":   {"`/soporte critico #%d`", "`/soporte critico #%d`", "`/soporte critico #%d`"},
	"critical.alert.on_ticket":     {" en el *ticket #%d*", " en el *ticket #%d*", " on *ticket #%d*"},
	"critical.timeout":             {"⏱️ *%s* no respondió en %d minutos si está detenida toda la operación: se lo trató como *incidente crítico* (se le indicó llamar).", "⏱️ *%s* no respondió en %d minutos si está detenida toda la operación: se lo trató como *incidente crítico* (se le indicó llamar).", "⏱️ *%s* did not answer within %d minutes whether all of the operation has stopped: it was treated as a *critical incident* (they were told to call)."},
	"critical.staff_only":          {"Solo la Mesa de Ayuda abre incidentes críticos (los recibe por teléfono). Si un cliente reporta uno, pedile que llame al %s.", "Solo la Mesa de Ayuda abre incidentes críticos (los recibe por teléfono). Si un cliente reporta uno, pídele que llame al %s.", "Only the Help Desk opens critical incidents (it receives them by phone). If a client reports one, ask them to call %s."},
	"critical.usage":               {"Uso: `/soporte critico <cliente> <descripción>`, o `/soporte critico #N` para un ticket que ya existe.", "Uso: `/soporte critico <cliente> <descripción>`, o `/soporte critico #N` para un ticket que ya existe.", "Usage: `/soporte critico <client> <description>`, or `/soporte critico #N` for a ticket that already exists."},
	"critical.overrule.button":     {"No era crítico: abrir ticket ALTA", "No era crítico: abrir ticket ALTA", "Not critical: open a HIGH ticket"},
	"critical.overrule.staff_only": {"Ese botón es para el equipo de soporte.", "Ese botón es para el equipo de soporte.", "That button is for the support team."},
	"critical.overrule.done":       {"Ese mensaje ya tiene su ticket.", "Ese mensaje ya tiene su ticket.", "That message already has its ticket."},
	"critical.overrule.open":       {"Ese contacto ya tiene un ticket abierto: sumá el caso ahí.", "Ese contacto ya tiene un ticket abierto: suma el caso ahí.", "That contact already has an open ticket: add the case there."},
	"critical.overrule.reply":      {"Abriste el ticket #%d de %s (%s); vence %s.", "Abriste el ticket #%d de %s (%s); vence %s.", "You opened ticket #%d of %s (%s); due %s."},
	"critical.refile.already":      {"El ticket #%d ya es un incidente crítico.", "El ticket #%d ya es un incidente crítico.", "Ticket #%d is already a critical incident."},
	"critical.refile.closed":       {"El ticket #%d está cerrado; abrí uno nuevo con `/soporte critico <cliente> <descripción>`.", "El ticket #%d está cerrado; abre uno nuevo con `/soporte critico <cliente> <descripción>`.", "Ticket #%d is closed; open a new one with `/soporte critico <client> <description>`."},
	"critical.refile.page":         {"🚨 *Incidente crítico #%d* de *%s*: la Mesa de Ayuda (%s) tomó como crítico un ticket ya abierto.%s\nVence %s.", "🚨 *Incidente crítico #%d* de *%s*: la Mesa de Ayuda (%s) tomó como crítico un ticket ya abierto.%s\nVence %s.", "🚨 *Critical incident #%d* of *%s*: the Help Desk (%s) took an open ticket as critical.%s\nDue %s."},
	"critical.refile.reply":        {"El ticket #%d de %s ahora es un incidente crítico; vence %s. Se avisó al focal point.", "El ticket #%d de %s ahora es un incidente crítico; vence %s. Se avisó al focal point.", "Ticket #%d of %s is now a critical incident; due %s. The focal point was told."},
	"csat.notice.rated":            {"⭐ *%s* calificó la ayuda del *ticket #%d* con *%d de 5*.", "⭐ *%s* calificó la ayuda del *ticket #%d* con *%d de 5*.", "⭐ *%s* rated the help on *ticket #%d* *%d out of 5*."},
	"csat.notice.comment":          {"💬 Comentario de *%s* sobre el *ticket #%d*:\n%s", "💬 Comentario de *%s* sobre el *ticket #%d*:\n%s", "💬 Comment from *%s* on *ticket #%d*:\n%s"},
	"waiting.confirm":              {"El ticket #%d queda esperando al cliente; le avisamos qué necesitamos. El reloj de resolución se pausa hasta que responda.", "El ticket #%d queda esperando al cliente; le avisamos qué necesitamos. El reloj de resolución se pausa hasta que responda.", "Ticket #%d now waits on the client; we told them what we need. The resolution clock pauses until they answer."},
	"home.mine.title":              {"Mis tickets", "Mis tickets", "My tickets"},
	"home.mine.empty":              {"No tenés tickets asignados abiertos.", "No tienes tickets asignados abiertos.", "You have no open tickets assigned."},
	"home.queue.title":             {"Sin asignar y en riesgo", "Sin asignar y en riesgo", "Unassigned and at risk"},
	"home.queue.empty":             {"Nada sin asignar ni en riesgo en tus clientes.", "Nada sin asignar ni en riesgo en tus clientes.", "Nothing unassigned or at risk for your clients."},
	"home.desk.title":              {"Clientes", "Clientes", "Clients"},
	"home.desk.line":               {"• *%s*: %s · %s este mes", "• *%s*: %s · %s este mes", "• *%s*: %s · %s this month"},
	"home.desk.line.capped":        {"• *%s*: %s · %s o más este mes", "• *%s*: %s · %s o más este mes", "• *%s*: %s · %s or more this month"},
	"home.waiting.for_client":      {"esperando al cliente", "esperando al cliente", "waiting on the client"},
	"critical.page":                {"🚨 *Incidente crítico #%d* de *%s* abierto por la Mesa de Ayuda (%s):\n%s\nVence %s.", "🚨 *Incidente crítico #%d* de *%s* abierto por la Mesa de Ayuda (%s):\n%s\nVence %s.", "🚨 *Critical incident #%d* of *%s* opened by the Help Desk (%s):\n%s\nDue %s."},
	"critical.opened.reply":        {"Abriste el incidente crítico #%d de %s; vence %s. Se avisó al focal point.", "Abriste el incidente crítico #%d de %s; vence %s. Se avisó al focal point.", "You opened critical incident #%d of %s; due %s. The focal point was told."},
	"file.too_big_desk":            {"⚠️ El contacto envió %s (%s), que supera lo que se puede subir aquí; pedile que lo comparta por otro medio.", "⚠️ El contacto envió %s (%s), que supera lo que se puede subir aquí; pídele que lo comparta por otro medio.", "⚠️ The contact sent %s (%s), which is larger than what can be uploaded here; ask them to share it another way."},
	"file.not_sent":                {"⚠️ %s (%s) no se envió al contacto: supera el límite de %s. Compartilo por otro medio (por ejemplo, un enlace).", "⚠️ %s (%s) no se envió al contacto: supera el límite de %s. Compártelo por otro medio (por ejemplo, un enlace).", "⚠️ %s (%s) was not sent to the contact: it is over the %s limit. Share it another way (a link, for example)."},
	"file.undelivered":             {"⚠️ %s no llegó a destino: %s. Compartilo por otro medio.", "⚠️ %s no llegó a destino: %s. Compártelo por otro medio.", "⚠️ %s did not get through: %s. Share it another way."},
	"file.undelivered.fetch":       {"no se pudo descargar o el destino lo rechazó", "no se pudo descargar o el destino lo rechazó", "it could not be downloaded or the receiver refused it"},
	"file.undelivered.size":        {"supera el tamaño que se puede enviar", "supera el tamaño que se puede enviar", "it is larger than what can be sent"},

	// Reports and WhatsApp contacts.
	"report.usage":       {"Uso: `/soporte reporte <cliente> [AAAA-MM] [es-AR|es-CL|en]`.", "Uso: `/soporte reporte <cliente> [AAAA-MM] [es-AR|es-CL|en]`.", "Usage: `/soporte reporte <client> [YYYY-MM] [lang]` (lang: en, or a Spanish code such as the desk's)."},
	"report.unavailable": {"Los informes no están disponibles en este despliegue.", "Los informes no están disponibles en este despliegue.", "Reports are not available in this deployment."},
	"report.which":       {"¿De qué cliente? %s", "¿De qué cliente? %s", "Which client? %s"},
	"report.bad_month":   {"%q no es un mes. %s", "%q no es un mes. %s", "%q is not a month. %s"},
	"report.posted":      {"Publiqué el informe de %s en este canal.", "Publiqué el informe de %s en este canal.", "I posted the report of %s in this channel."},
	"wa.usage":           {"`/soporte whatsapp invitar <cliente> +549…` · `/soporte whatsapp revocar +549…` · `/soporte whatsapp lista <cliente>`", "`/soporte whatsapp invitar <cliente> +549…` · `/soporte whatsapp revocar +549…` · `/soporte whatsapp lista <cliente>`", "`/soporte whatsapp invitar <client> +549…` · `/soporte whatsapp revocar +549…` · `/soporte whatsapp lista <client>`"},
	"wa.usage_is":        {"Uso: %s", "Uso: %s", "Usage: %s"},
	"wa.missing_client":  {"Falta el cliente. Uso: %s", "Falta el cliente. Uso: %s", "The client is missing. Usage: %s"},
	"wa.missing_number":  {"Falta el número. Uso: %s", "Falta el número. Uso: %s", "The number is missing. Usage: %s"},
	"wa.bad_number_hint": {"%q no es un número válido; escribilo con código de país, por ejemplo +5491155550101.", "%q no es un número válido; escríbelo con código de país, por ejemplo +5491155550101.", "%q is not a valid number; write it with the country code, for example +5491155550101."},
	"wa.number_taken":    {"El número %s ya está habilitado para otro cliente: un número pertenece a un solo cliente. Revocalo primero.", "El número %s ya está habilitado para otro cliente: un número pertenece a un solo cliente. Revócalo primero.", "The number %s is already enabled for another client: a number belongs to one client only. Revoke it first."},
	"wa.invited":         {"Habilitaste %s para %s por WhatsApp; le enviamos la bienvenida.", "Habilitaste %s para %s por WhatsApp; le enviamos la bienvenida.", "You enabled %s for %s on WhatsApp; we sent them the welcome."},
	"wa.bad_number":      {"%q no es un número válido.", "%q no es un número válido.", "%q is not a valid number."},
	"wa.not_enabled":     {"El número %s no está habilitado.", "El número %s no está habilitado.", "The number %s is not enabled."},
	"wa.revoked":         {"Revocaste el acceso de %s por WhatsApp.", "Revocaste el acceso de %s por WhatsApp.", "You revoked the WhatsApp access of %s."},
	"wa.none":            {"%s no tiene contactos de WhatsApp habilitados.", "%s no tiene contactos de WhatsApp habilitados.", "%s has no WhatsApp contacts enabled."},
	"wa.list":            {"Contactos de WhatsApp de %s:", "Contactos de WhatsApp de %s:", "WhatsApp contacts of %s:"},
	"wa.enabled_by":      {"habilitado por %s el %s", "habilitado por %s el %s", "enabled by %s on %s"},
	"wa.revoked_by":      {"revocado por %s el %s", "revocado por %s el %s", "revoked by %s on %s"},

	// The service's own alerts to the Service Desk.
	"alert.whatsapp_lost":  {":warning: Se perdió el enlace de WhatsApp (%s: %s). Los contactos de WhatsApp no reciben respuesta hasta volver a vincular el número con `supportbot whatsapp pair`.", ":warning: Se perdió el enlace de WhatsApp (%s: %s). Los contactos de WhatsApp no reciben respuesta hasta volver a vincular el número con `supportbot whatsapp pair`.", ":warning: The WhatsApp link was lost (%s: %s). WhatsApp contacts get no answer until the number is linked again with `supportbot whatsapp pair`."},
	"alert.phone_offline":  {":warning: El teléfono del número de WhatsApp del bot no se conecta desde %s. WhatsApp desvincula el número a los 14 días: encender el teléfono y abrir WhatsApp con internet.", ":warning: El teléfono del número de WhatsApp del bot no se conecta desde %s. WhatsApp desvincula el número a los 14 días: encender el teléfono y abrir WhatsApp con internet.", ":warning: The phone of the bot's WhatsApp number has not connected since %s. WhatsApp unlinks the number after 14 days: switch the phone on and open WhatsApp with an internet connection."},
	"alert.reload_refused": {"No se aplicó la nueva configuración; sigue la anterior. %s", "No se aplicó la nueva configuración; sigue la anterior. %s", "The new configuration was not applied; the previous one stays. %s"},
	"alert.reload_see_log": {"Ver el registro del servicio.", "Ver el registro del servicio.", "See the service log."},
	"chat.reacted":         {"reaccionó con %s", "reaccionó con %s", "reacted with %s"},
	"cloud.window":         {":hourglass: Pasaron más de 24 h desde el último mensaje de %s: WhatsApp solo permite enviarle la plantilla %q, que ya salió. Las respuestas pendientes salen cuando el contacto conteste.", ":hourglass: Pasaron más de 24 h desde el último mensaje de %s: WhatsApp solo permite enviarle la plantilla %q, que ya salió. Las respuestas pendientes salen cuando el contacto conteste.", ":hourglass: More than 24 h have passed since %s last wrote: WhatsApp only allows the template %q, which went out. The pending answers go out when the contact replies."},
	"cloud.dead":           {":x: WhatsApp rechazó un mensaje para %s y no se reintenta: %s. Contactalo por otra vía.", ":x: WhatsApp rechazó un mensaje para %s y no se reintenta: %s. Contáctalo por otra vía.", ":x: WhatsApp refused a message to %s for good: %s. Reach the contact another way."},
	"cloud.failed":         {":x: WhatsApp no pudo entregar un mensaje a %s: %s.", ":x: WhatsApp no pudo entregar un mensaje a %s: %s.", ":x: WhatsApp could not deliver a message to %s: %s."},
	"alert.cloud_token":    {":warning: Meta rechaza el token de WhatsApp (whatsapp.cloud.access_token): %s. Los contactos de WhatsApp no reciben respuesta hasta renovarlo.", ":warning: Meta rechaza el token de WhatsApp (whatsapp.cloud.access_token): %s. Los contactos de WhatsApp no reciben respuesta hasta renovarlo.", ":warning: Meta refuses the WhatsApp token (whatsapp.cloud.access_token): %s. WhatsApp contacts get no answer until it is renewed."},
	"alert.reload_check":   {"Revisar: %s.", "Revisar: %s.", "Check: %s."},
}
