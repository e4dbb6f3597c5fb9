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
}
