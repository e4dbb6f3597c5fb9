package wording

// clientTexts is everything a client reads, on Slack or WhatsApp: one row
// per key, es-AR (voseo), es-CL (tú), en.
var clientTexts = map[string]Text{
	// Dates and names.
	"when.today":    {"hoy a las %s", "hoy a las %s", "today at %s"},
	"when.tomorrow": {"mañana %s %s a las %s", "mañana %s %s a las %s", "tomorrow %s %s at %s"},
	"when.day":      {"el %s %s a las %s", "el %s %s a las %s", "%s %s at %s"},
	"weekday.0":     {"domingo", "domingo", "Sunday"},
	"weekday.1":     {"lunes", "lunes", "Monday"},
	"weekday.2":     {"martes", "martes", "Tuesday"},
	"weekday.3":     {"miércoles", "miércoles", "Wednesday"},
	"weekday.4":     {"jueves", "jueves", "Thursday"},
	"weekday.5":     {"viernes", "viernes", "Friday"},
	"weekday.6":     {"sábado", "sábado", "Saturday"},
	"zone":          {"hora de %s", "hora de %s", "%s time"},
	"support.team":  {"el equipo de soporte", "el equipo de soporte", "the support team"},
	"phones.or":     {" o al ", " o al ", " or "},

	// Labels.
	"kind.consulta":            {"Consulta", "Consulta", "Question"},
	"kind.incidente":           {"Incidente", "Incidente", "Incident"},
	"kind.incidente_critico":   {"Incidente crítico", "Incidente crítico", "Critical incident"},
	"kind.requerimiento":       {"Nuevo requerimiento", "Nuevo requerimiento", "New requirement"},
	"kind.funcionalidad":       {"Nueva funcionalidad", "Nueva funcionalidad", "New feature"},
	"priority.critica":         {"CRÍTICA", "CRÍTICA", "CRITICAL"},
	"priority.alta":            {"ALTA", "ALTA", "HIGH"},
	"priority.media":           {"MEDIA", "MEDIA", "MEDIUM"},
	"priority.baja":            {"BAJA", "BAJA", "LOW"},
	"kind.priority":            {"%s · prioridad %s", "%s · prioridad %s", "%s · priority %s"},
	"status.nuevo":             {"nuevo", "nuevo", "new"},
	"status.en_curso":          {"en curso", "en curso", "in progress"},
	"status.esperando_cliente": {"esperando respuesta del cliente", "esperando respuesta del cliente", "waiting for the client's answer"},
	"status.escalado":          {"escalado", "escalado", "escalated"},
	"status.resuelto":          {"resuelto", "resuelto", "resolved"},
	"status.cerrado":           {"cerrado", "cerrado", "closed"},
	"status.relevamiento":      {"en relevamiento", "en relevamiento", "in requirements gathering"},
	"status.cotizacion":        {"en cotización", "en cotización", "being quoted"},
	"status.aceptado":          {"cotización aceptada", "cotización aceptada", "quote accepted"},
	"status.en_desarrollo":     {"en desarrollo", "en desarrollo", "in development"},
	"status.entregado":         {"entregado (en prueba)", "entregado (en prueba)", "delivered (in testing)"},
	"status.derivado_producto": {"derivado a Producto", "derivado a Producto", "passed to Product"},
	"escalation.n2":            {"nivel II", "nivel II", "level II"},
	"escalation.n3":            {"nivel III", "nivel III", "level III"},
	"escalation.infra":         {"infraestructura", "infraestructura", "infrastructure"},
	"escalation.desarrollo":    {"desarrollo", "desarrollo", "development"},
	"contract.suspended":       {"suspendido", "suspendido", "suspended"},
	"contract.expired":         {"vencido", "vencido", "expired"},

	// Coverage.
	"hours.standard":  {"lunes a viernes de 08:00 a 19:00, sin feriados", "lunes a viernes de 08:00 a 19:00, sin feriados", "Monday to Friday from 08:00 to 19:00, except public holidays"},
	"hours.extendido": {"lunes a sábado de 05:00 a 21:00, sin feriados", "lunes a sábado de 05:00 a 21:00, sin feriados", "Monday to Saturday from 05:00 to 21:00, except public holidays"},
	"hours.7x24":      {"todos los días, las 24 horas", "todos los días, las 24 horas", "every day, 24 hours a day"},
	"plan.estandar":   {"Soporte estándar: lunes a viernes de 08:00 a 19:00, sin feriados", "Soporte estándar: lunes a viernes de 08:00 a 19:00, sin feriados", "Standard support: Monday to Friday from 08:00 to 19:00, except public holidays"},
	"plan.extendido":  {"Soporte extendido: lunes a sábado de 05:00 a 21:00 (fuera del horario comercial, solo indisponibilidades)", "Soporte extendido: lunes a sábado de 05:00 a 21:00 (fuera del horario comercial, solo indisponibilidades)", "Extended support: Monday to Saturday from 05:00 to 21:00 (outside business hours, outages only)"},
	"plan.7x24":       {"Soporte 7x24: todos los días, las 24 horas (fuera del horario comercial, solo indisponibilidades)", "Soporte 7x24: todos los días, las 24 horas (fuera del horario comercial, solo indisponibilidades)", "24/7 support: every day, 24 hours a day (outside business hours, outages only)"},

	// A new ticket.
	"ticket.opened.head":        {"Registramos tu caso: *ticket #%d* · %s.", "Registramos tu caso: *ticket #%d* · %s.", "We registered your case: *ticket #%d* · %s."},
	"ticket.opened.due":         {"Respuesta comprometida: vence %s (%s).", "Respuesta comprometida: vence %s (%s).", "Committed response: due %s (%s)."},
	"ticket.opened.after_hours": {"Tu mensaje llegó fuera del horario de atención (%s): el equipo lo toma %s.", "Tu mensaje llegó fuera del horario de atención (%s): el equipo lo toma %s.", "Your message arrived outside support hours (%s): the team picks it up %s."},
	"ticket.opened.feature":     {"Es una propuesta de mejora de la plataforma: tu focal point la eleva al área de Producto, que evalúa su viabilidad con Desarrollo.", "Es una propuesta de mejora de la plataforma: tu focal point la eleva al área de Producto, que evalúa su viabilidad con Desarrollo.", "It is a proposal to improve the platform: your focal point takes it to the Product team, who assess its feasibility with Development."},
	"ticket.opened.requirement": {"Es un nuevo requerimiento: tu focal point coordina una reunión de relevamiento y luego te envía una cotización formal.", "Es un nuevo requerimiento: tu focal point coordina una reunión de relevamiento y luego te envía una cotización formal.", "It is a new requirement: your focal point sets up a requirements meeting and then sends you a formal quote."},
	"ticket.opened.focal":       {"Tu focal point es %s. Escribí %s para sumar información.", "Tu focal point es %s. Escribe %s para agregar información.", "Your focal point is %s. Write %s to add information."},
	"where.thread":              {"en este hilo", "en este hilo", "in this thread"},
	"where.apart":               {"por acá", "por aquí", "here"},
	"media.ask_text":            {"Recibimos tu archivo (%s) y lo sumamos al ticket #%d. Para ayudarte mejor, ¿podés contarnos en un texto breve qué pasa?", "Recibimos tu archivo (%s) y lo agregamos al ticket #%d. Para ayudarte mejor, ¿puedes contarnos en un texto breve qué pasa?", "We received your file (%s) and added it to ticket #%d. To help you better, could you tell us in a short text what is happening?"},
	"truncated":                 {"Tu mensaje superaba los %d.%03d caracteres y lo recibimos recortado. Por favor, enviá el resto en otro mensaje.", "Tu mensaje superaba los %d.%03d caracteres y lo recibimos recortado. Por favor, envía el resto en otro mensaje.", "Your message was longer than %d,%03d characters and reached us cut short. Please send the rest in another message."},
	"greeting.answer":           {"¿En qué te podemos ayudar?", "¿En qué te podemos ayudar?", "How can we help you?"},

	// The kind question.
	"kind.ask":          {"Registramos tu mensaje como *ticket #%d*. Para darle la prioridad correcta, ¿qué tipo de caso es? Elegí una opción.", "Registramos tu mensaje como *ticket #%d*. Para darle la prioridad correcta, ¿qué tipo de caso es? Elige una opción.", "We registered your message as *ticket #%d*. To give it the right priority, what kind of case is it? Choose an option."},
	"kind.menu":         {"Registramos tu mensaje como ticket #%d. ¿Qué tipo de caso es? Respondé con un número:\n1 Consulta\n2 Incidente\n3 Requerimiento\n4 Funcionalidad", "Registramos tu mensaje como ticket #%d. ¿Qué tipo de caso es? Responde con un número:\n1 Consulta\n2 Incidente\n3 Requerimiento\n4 Funcionalidad", "We registered your message as ticket #%d. What kind of case is it? Reply with a number:\n1 Question\n2 Incident\n3 Requirement\n4 Feature"},
	"kind.chosen":       {"Ticket #%d: elegiste *%s*.", "Ticket #%d: elegiste *%s*.", "Ticket #%d: you chose *%s*."},
	"kind.already":      {"El ticket #%d ya es %s.", "El ticket #%d ya es %s.", "Ticket #%d is already %s."},
	"option.invalid":    {"Opción no válida.", "Opción no válida.", "Not a valid option."},
	"button.staff_only": {"Ese botón es para el equipo de soporte.", "Ese botón es para el equipo de soporte.", "That button is for the support team."},

	// Critical incidents and contracts.
	"critical.refusal":           {"🚨 Esto parece un *incidente crítico*. Por política de soporte, los incidentes críticos se atienden *únicamente por teléfono con la Mesa de Ayuda*: llamá ahora al %s.\n%s; ya avisamos a tu focal point y a la Mesa de Ayuda que vas a llamar.", "🚨 Esto parece un *incidente crítico*. Por política de soporte, los incidentes críticos se atienden *únicamente por teléfono con la Mesa de Ayuda*: llama ahora al %s.\n%s; ya avisamos a tu focal point y a la Mesa de Ayuda que vas a llamar.", "🚨 This looks like a *critical incident*. By support policy, critical incidents are handled *only by phone with the Help Desk*: call %s now.\n%s; we have told your focal point and the Help Desk that you will call."},
	"critical.refusal.new":       {"No abrimos un ticket por este canal", "No abrimos un ticket por este canal", "We did not open a ticket on this channel"},
	"critical.refusal.followup":  {"Sumamos tu mensaje al ticket #%d, pero por este canal no se atiende como crítico", "Agregamos tu mensaje al ticket #%d, pero por este canal no se atiende como crítico", "We added your message to ticket #%d, but on this channel it is not handled as critical"},
	"critical.question.text":     {"⚠️ Antes de abrir el caso, una pregunta rápida: ¿está detenida *toda la operación*?\nSi no nos respondés en 5 minutos lo tratamos como crítico.", "⚠️ Antes de abrir el caso, una pregunta rápida: ¿está detenida *toda la operación*?\nSi no nos respondes en 5 minutos lo tratamos como crítico.", "⚠️ Before we open the case, a quick question: has *all of the operation* stopped?\nIf you do not answer within 5 minutes we treat it as critical."},
	"critical.question.menu":     {"⚠️ Antes de abrir el caso, una pregunta rápida: ¿está detenida *toda la operación*?\nRespondé *1* Sí / *2* No (es parcial).\nSi no nos respondés en 5 minutos lo tratamos como crítico.", "⚠️ Antes de abrir el caso, una pregunta rápida: ¿está detenida *toda la operación*?\nResponde *1* Sí / *2* No (es parcial).\nSi no nos respondes en 5 minutos lo tratamos como crítico.", "⚠️ Before we open the case, a quick question: has *all of the operation* stopped?\nReply *1* Yes / *2* No (it is partial).\nIf you do not answer within 5 minutes we treat it as critical."},
	"critical.question.yes":      {"Sí, está detenida toda la operación", "Sí, está detenida toda la operación", "Yes, all of the operation has stopped"},
	"critical.question.no":       {"No, es parcial", "No, es parcial", "No, it is partial"},
	"critical.question.answered": {"¿Está detenida toda la operación? Respondiste: *%s*.", "¿Está detenida toda la operación? Respondiste: *%s*.", "Has all of the operation stopped? You answered: *%s*."},
	"critical.question.already":  {"Ya registramos la respuesta a esa pregunta.", "Ya registramos la respuesta a esa pregunta.", "We already have the answer to that question."},
	"critical.question.again":    {"Para seguir necesitamos saber si está detenida toda la operación: respondé *1* Sí / *2* No (es parcial).", "Para seguir necesitamos saber si está detenida toda la operación: responde *1* Sí / *2* No (es parcial).", "To go on we need to know whether all of the operation has stopped: reply *1* Yes / *2* No (it is partial)."},
	"contract.refusal":           {"Tu contrato de soporte figura como *%s*, por eso no podemos abrir un ticket por este canal. Para regularizarlo comunicate con tu ejecutivo de cuenta o con la Mesa de Ayuda (%s). Ya le avisamos a tu focal point.", "Tu contrato de soporte figura como *%s*, por eso no podemos abrir un ticket por este canal. Para regularizarlo comunícate con tu ejecutivo de cuenta o con la Mesa de Ayuda (%s). Ya le avisamos a tu focal point.", "Your support contract shows as *%s*, so we cannot open a ticket on this channel. To sort it out, contact your account executive or the Help Desk (%s). We have told your focal point."},

	// Help, WhatsApp and commands.
	"welcome.hello":      {"¡Hola! Este es el canal de WhatsApp de Soporte para %s.", "¡Hola! Este es el canal de WhatsApp de Soporte para %s.", "Hello! This is the Support WhatsApp channel for %s."},
	"welcome.hours":      {"Horario: %s.", "Horario: %s.", "Hours: %s."},
	"welcome.how":        {"Contanos tu consulta o incidente en un mensaje: abrimos un ticket, te decimos para cuándo tenés respuesta y tu focal point te contesta por acá.", "Cuéntanos tu consulta o incidente en un mensaje: abrimos un ticket, te decimos para cuándo tienes respuesta y tu focal point te contesta por aquí.", "Tell us your question or incident in a message: we open a ticket, tell you when to expect an answer, and your focal point replies here."},
	"welcome.commands":   {"Escribí *estado* para ver tus tickets abiertos y *conforme N* para confirmar que un caso quedó resuelto.", "Escribe *estado* para ver tus tickets abiertos y *conforme N* para confirmar que un caso quedó resuelto.", "Write *estado* to see your open tickets and *conforme N* to confirm that a case is solved."},
	"welcome.critical":   {"Incidentes críticos: solo por teléfono con la Mesa de Ayuda, %s.", "Incidentes críticos: solo por teléfono con la Mesa de Ayuda, %s.", "Critical incidents: only by phone with the Help Desk, %s."},
	"whatsapp.conforme":  {"Para confirmar una solución escribí *conforme* y el número del ticket, por ejemplo: conforme 123", "Para confirmar una solución escribe *conforme* y el número del ticket, por ejemplo: conforme 123", "To confirm a solution write *conforme* and the ticket number, for example: conforme 123"},
	"ticket.not_found":   {"No encontramos el ticket #%d.", "No encontramos el ticket #%d.", "We could not find ticket #%d."},
	"help.title":         {"*Soporte para %s*", "*Soporte para %s*", "*Support for %s*"},
	"help.write":         {"• Escribí tu consulta o incidente en este canal: cada mensaje nuevo abre un ticket y te respondemos en su hilo.", "• Escribe tu consulta o incidente en este canal: cada mensaje nuevo abre un ticket y te respondemos en su hilo.", "• Write your question or incident in this channel: each new message opens a ticket and we answer in its thread."},
	"help.commands":      {"• `/soporte estado` — tus tickets abiertos\n• `/soporte conforme #N` — confirmar que un caso quedó resuelto", "• `/soporte estado` — tus tickets abiertos\n• `/soporte conforme #N` — confirmar que un caso quedó resuelto", "• `/soporte estado` — your open tickets\n• `/soporte conforme #N` — confirm that a case is solved"},
	"help.hours":         {"• Horario: %s.", "• Horario: %s.", "• Hours: %s."},
	"help.critical":      {"• *Incidentes críticos: solo por teléfono con la Mesa de Ayuda*, %s.", "• *Incidentes críticos: solo por teléfono con la Mesa de Ayuda*, %s.", "• *Critical incidents: only by phone with the Help Desk*, %s."},
	"help.site":          {"• Sitio: %s", "• Sitio: %s", "• Website: %s"},
	"help.elearning":     {"• E-learning (24x7): %s", "• E-learning (24x7): %s", "• E-learning (24/7): %s"},
	"help.whatsapp":      {"• Para usar WhatsApp, pedile la invitación a tu focal point.", "• Para usar WhatsApp, pídele la invitación a tu focal point.", "• To use WhatsApp, ask your focal point for an invitation."},
	"command.staff_only": {"`%s` es un comando del equipo de soporte. Probá `/soporte ayuda`.", "`%s` es un comando del equipo de soporte. Prueba `/soporte ayuda`.", "`%s` is a support team command. Try `/soporte ayuda`."},
	"command.unknown":    {"No conozco el comando \"%s\".\n%s", "No conozco el comando \"%s\".\n%s", "I do not know the command \"%s\".\n%s"},
	"list.none":          {"No hay tickets abiertos.", "No hay tickets abiertos.", "There are no open tickets."},
	"list.head":          {"Tickets abiertos (%d):", "Tickets abiertos (%d):", "Open tickets (%d):"},
	"list.due":           {"vence %s", "vence %s", "due %s"},
	"list.answered":      {"respondido", "respondido", "answered"},
	"list.more":          {"_y %d más._", "_y %d más._", "_and %d more._"},

	// Closing.
	"close.already":    {"El ticket #%d ya estaba cerrado.", "El ticket #%d ya estaba cerrado.", "Ticket #%d was already closed."},
	"close.not_yet":    {"El ticket #%d (%s) todavía no puede cerrarse: está %s.", "El ticket #%d (%s) todavía no puede cerrarse: está %s.", "Ticket #%d (%s) cannot be closed yet: it is %s."},
	"close.conformity": {"🎉 Ticket #%d cerrado con tu conformidad. ¡Gracias!", "🎉 Ticket #%d cerrado con tu conformidad. ¡Gracias!", "🎉 Ticket #%d closed with your approval. Thank you!"},
	"closed.write_new": {"El ticket #%d ya está cerrado. Si el problema sigue, escribí un mensaje nuevo en el canal y abrimos otro caso.", "El ticket #%d ya está cerrado. Si el problema sigue, escribe un mensaje nuevo en el canal y abrimos otro caso.", "Ticket #%d is already closed. If the problem persists, write a new message in the channel and we open another case."},

	// Staff actions the client reads.
	"ticket.taken":       {"🙋 %s tomó el ticket #%d.", "🙋 %s tomó el ticket #%d.", "🙋 %s took ticket #%d."},
	"resolved.slack":     {"✅ *Ticket #%d resuelto* por %s:\n%s\n¿Quedó solucionado? Confirmalo con `/soporte conforme #%d` (o reaccioná con ✅). Si no recibimos respuesta, lo cerraremos después de un aviso previo.", "✅ *Ticket #%d resuelto* por %s:\n%s\n¿Quedó solucionado? Confírmalo con `/soporte conforme #%d` (o reacciona con ✅). Si no recibimos respuesta, lo cerraremos después de un aviso previo.", "✅ *Ticket #%d resolved* by %s:\n%s\nIs it solved? Confirm with `/soporte conforme #%d` (or react with ✅). If we hear nothing, we will close it after a notice."},
	"resolved.apart":     {"✅ Ticket #%d resuelto por %s:\n%s\n¿Quedó solucionado? Respondé *conforme %d*. Si no recibimos respuesta, lo cerraremos después de un aviso previo.", "✅ Ticket #%d resuelto por %s:\n%s\n¿Quedó solucionado? Responde *conforme %d*. Si no recibimos respuesta, lo cerraremos después de un aviso previo.", "✅ Ticket #%d resolved by %s:\n%s\nIs it solved? Reply *conforme %d*. If we hear nothing, we will close it after a notice."},
	"resolved.by_button": {"El equipo de soporte dio el caso por solucionado.", "El equipo de soporte dio el caso por solucionado.", "The support team considers the case solved."},
	"escalated":          {"⬆️ El ticket #%d fue escalado a %s; te avisamos apenas tengamos novedades.", "⬆️ El ticket #%d fue escalado a %s; te avisamos apenas tengamos novedades.", "⬆️ Ticket #%d was escalated to %s; we will let you know as soon as there is news."},
	"redeadline":         {"🔁 Ticket #%d: ahora es %s. Respuesta comprometida: vence %s (%s).", "🔁 Ticket #%d: ahora es %s. Respuesta comprometida: vence %s (%s).", "🔁 Ticket #%d: it is now %s. Committed response: due %s (%s)."},
	"redeadline.kind":    {"🔁 Ticket #%d: ahora es %s.", "🔁 Ticket #%d: ahora es %s.", "🔁 Ticket #%d: it is now %s."},
	"moved":              {"📌 Ticket #%d: %s.", "📌 Ticket #%d: %s.", "📌 Ticket #%d: %s."},
	"moved.delivered":    {"📦 Ticket #%d entregado. Tenés 30 días para probarlo (hasta %s); avisanos cualquier observación en este hilo.", "📦 Ticket #%d entregado. Tienes 30 días para probarlo (hasta %s); avísanos cualquier observación en este hilo.", "📦 Ticket #%d delivered. You have 30 days to test it (until %s); tell us about any issue in this thread."},
	"moved.product":      {"💡 Ticket #%d: tu propuesta fue elevada al área de Producto, que evaluará su viabilidad junto con Desarrollo.", "💡 Ticket #%d: tu propuesta fue elevada al área de Producto, que evaluará su viabilidad junto con Desarrollo.", "💡 Ticket #%d: your proposal went to the Product team, who will assess its feasibility with Development."},

	// Files.
	"file.label":      {"el archivo «%s»", "el archivo «%s»", "the file «%s»"},
	"file.too_big_in": {"Soporte te quiso enviar %s (%s), pero supera el tamaño que se puede enviar por acá (%s). Te lo harán llegar por otro medio.", "Soporte te quiso enviar %s (%s), pero supera el tamaño que se puede enviar por aquí (%s). Te lo harán llegar por otro medio.", "Support tried to send you %s (%s), but it is larger than what can be sent here (%s). You will get it another way."},

	// Scheduled notices.
	"notice.resolved.apart": {"⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto respondé *conforme %d*; si no, contanos qué pasa. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto responde *conforme %d*; si no, cuéntanos qué pasa. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: we have not heard from you about the solution. If it is solved reply *conforme %d*; if not, tell us what is wrong. The ticket will close %s if we get no answer."},
	"notice.resolved.slack": {"⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto confirmalo con `/soporte conforme #%d` (o reaccioná con ✅); si no, contanos qué pasa en este hilo. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: no tuvimos noticias tuyas sobre la solución. Si quedó resuelto confírmalo con `/soporte conforme #%d` (o reacciona con ✅); si no, cuéntanos qué pasa en este hilo. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: we have not heard from you about the solution. If it is solved confirm with `/soporte conforme #%d` (or react with ✅); if not, tell us what is wrong in this thread. The ticket will close %s if we get no answer."},
	"notice.waiting":        {"⏳ Ticket #%d: seguimos esperando tu respuesta para avanzar. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: seguimos esperando tu respuesta para avanzar. El ticket se cerrará %s si no recibimos respuesta.", "⏳ Ticket #%d: we are still waiting for your answer to move on. The ticket will close %s if we get no answer."},
	"notice.auto_closed":    {"🔒 Ticket #%d cerrado por falta de respuesta, como te avisamos. Si el problema sigue, escribí un mensaje nuevo y abrimos otro caso.", "🔒 Ticket #%d cerrado por falta de respuesta, como te avisamos. Si el problema sigue, escribe un mensaje nuevo y abrimos otro caso.", "🔒 Ticket #%d closed for lack of an answer, as we told you. If the problem persists, write a new message and we open another case."},
	"testing.reminder":      {"📦 Recordatorio: el período de prueba de 30 días del ticket #%d termina %s. Si encontraste observaciones, contanos; si no, daremos el desarrollo por aceptado.", "📦 Recordatorio: el período de prueba de 30 días del ticket #%d termina %s. Si encontraste observaciones, cuéntanos; si no, daremos el desarrollo por aceptado.", "📦 Reminder: the 30-day testing period of ticket #%d ends %s. If you found any issue, tell us; if not, we will consider the development accepted."},
	"testing.accepted":      {"✅ Ticket #%d: terminó el período de prueba de 30 días sin observaciones, así que damos el desarrollo por aceptado y cerramos el ticket. ¡Gracias!", "✅ Ticket #%d: terminó el período de prueba de 30 días sin observaciones, así que damos el desarrollo por aceptado y cerramos el ticket. ¡Gracias!", "✅ Ticket #%d: the 30-day testing period ended with no issues, so we consider the development accepted and close the ticket. Thank you!"},

	// A number nobody invited; no client, so it reads desk.language.
	"unknown.number": {"Hola. Este número de Soporte atiende solo a contactos habilitados por su focal point. Si trabajás con un cliente, pedile a tu focal point técnico la invitación para usar WhatsApp. Ante un incidente crítico llamá a la Mesa de Ayuda: %s.", "Hola. Este número de Soporte atiende solo a contactos habilitados por su focal point. Si trabajas con un cliente, pídele a tu focal point técnico la invitación para usar WhatsApp. Ante un incidente crítico llama a la Mesa de Ayuda: %s.", "Hello. This Support number only serves contacts enabled by their focal point. If you work with a client, ask your technical focal point for an invitation to use WhatsApp. For a critical incident call the Help Desk: %s."},
}
