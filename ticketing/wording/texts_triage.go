package wording

// triageTexts are the desk's side of a ticket: its staff card in the
// triage channel and what its thread is told. Staff read them, in
// desk.language: es-AR, es-CL, en.
var triageTexts = map[string]Text{
	"card.head":         {"🗂️ *Ticket #%d* · %s · %s · %s", "🗂️ *Ticket #%d* · %s · %s · %s", "🗂️ *Ticket #%d* · %s · %s · %s"},
	"card.due":          {"Vence: %s (%s)", "Vence: %s (%s)", "Due: %s (%s)"},
	"card.due.overdue":  {"⚠️ Venció: %s (%s), sin primera respuesta", "⚠️ Venció: %s (%s), sin primera respuesta", "⚠️ Overdue since %s (%s), no first response"},
	"card.answered":     {"Primera respuesta: %s (%s)", "Primera respuesta: %s (%s)", "First response: %s (%s)"},
	"card.next_due":     {"Mensaje del cliente sin responder: vence %s", "Mensaje del cliente sin responder: vence %s", "Client message waiting: due %s"},
	"card.testing":      {"Período de prueba hasta %s", "Período de prueba hasta %s", "Testing period until %s"},
	"card.assignee":     {"Lo tiene: %s · Focal point: %s", "Lo tiene: %s · Focal point: %s", "Assigned to: %s · Focal point: %s"},
	"card.unassigned":   {"nadie todavía", "nadie todavía", "nobody yet"},
	"card.escalated":    {"Escalado: %s", "Escalado: %s", "Escalated: %s"},
	"card.where.slack":  {"Conversación del cliente: %s", "Conversación del cliente: %s", "Client's conversation: %s"},
	"card.where.apart":  {"Conversación del cliente: %s %s · espejo: %s", "Conversación del cliente: %s %s · espejo: %s", "Client's conversation: %s %s · mirror: %s"},
	"card.thread":       {"hilo", "hilo", "thread"},
	"card.subject":      {"Asunto: %s", "Asunto: %s", "Subject: %s"},
	"card.cues":         {"Señales del clasificador: %s (confianza %.0f%%)", "Señales del clasificador: %s (confianza %.0f%%)", "Classifier cues: %s (confidence %.0f%%)"},
	"card.suggestions":  {"📚 Sugerencias: %s", "📚 Sugerencias: %s", "📚 Suggestions: %s"},
	"card.kind_pending": {"tipo por confirmar", "tipo por confirmar", "kind to be confirmed"},
	"card.footer":       {"_Lo que se escribe en este hilo es una nota interna: nunca llega al cliente._", "_Lo que se escribe en este hilo es una nota interna: nunca llega al cliente._", "_What is written in this thread is an internal note: it never reaches the client._"},

	"staff.resolve_flow": {"El ticket #%d es un %s: no se resuelve de una vez, avanza por etapas. Ahora está %s; los próximos pasos son: %s. Usá `/soporte mover #%d <estado>` (por ejemplo `/soporte mover #%d %s`).", "El ticket #%d es un %s: no se resuelve de una vez, avanza por etapas. Ahora está %s; los próximos pasos son: %s. Usa `/soporte mover #%d <estado>` (por ejemplo `/soporte mover #%d %s`).", "Ticket #%d is a %s: it is not resolved at once, it moves through stages. It is now %s; the next steps are: %s. Use `/soporte mover #%d <status>` (for instance `/soporte mover #%d %s`)."},

	"triage.taken":            {"🙋 %s tomó el ticket #%d.", "🙋 %s tomó el ticket #%d.", "🙋 %s took ticket #%d."},
	"triage.reassigned":       {"🔁 %s pasó el ticket #%d de %s a %s.", "🔁 %s pasó el ticket #%d de %s a %s.", "🔁 %s moved ticket #%d from %s to %s."},
	"triage.escalated":        {"⬆️ %s escaló el ticket #%d a %s.", "⬆️ %s escaló el ticket #%d a %s.", "⬆️ %s escalated ticket #%d to %s."},
	"triage.resolved":         {"✅ %s marcó el ticket #%d como resuelto; espera la conformidad del cliente.", "✅ %s marcó el ticket #%d como resuelto; espera la conformidad del cliente.", "✅ %s marked ticket #%d resolved; it waits for the client's conformity."},
	"triage.doubtful_partial": {"❓ Parecía un incidente crítico (%[2]s); el cliente respondió que la operación no está detenida del todo, así que se abrió como ticket #%[1]d.", "❓ Parecía un incidente crítico (%[2]s); el cliente respondió que la operación no está detenida del todo, así que se abrió como ticket #%[1]d.", "❓ It looked like a critical incident (%[2]s); the client answered the operation is not wholly stopped, so it was opened as ticket #%[1]d."},

	// Listings either side reads (`estado`, the Home tab), in the reader's
	// language: a deadline already past is said to be past, and a delivered
	// requerimiento shows its testing period, not a deadline.
	"list.overdue":                    {"⚠️ venció %s", "⚠️ venció %s", "⚠️ was due %s"},
	"list.testing":                    {"en prueba hasta %s", "en prueba hasta %s", "in testing until %s"},
	"home.note":                       {"📝 Nota interna de %s: %s", "📝 Nota interna de %s: %s", "📝 Internal note by %s: %s"},
	"status.client.esperando_cliente": {"esperando tu respuesta", "esperando tu respuesta", "waiting for your answer"},
	"home.testing":                    {"📦 en prueba hasta %s (%s)", "📦 en prueba hasta %s (%s)", "📦 in testing until %s (%s)"},
}
