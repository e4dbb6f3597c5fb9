package wording

// The knowledge base's texts: suggestions to clients, known fixes to staff.
// They join their side's table as the package's variables are set, which
// is before the catalog is built from the tables (in init).
var _ = func() bool {
	for k, t := range knowledgeClientTexts {
		clientTexts[k] = t
	}
	for k, t := range knowledgeDeskTexts {
		deskTexts[k] = t
	}
	return true
}()

var knowledgeClientTexts = map[string]Text{
	"knowledge.suggest.head": {
		"Mientras tu focal point te responde, quizás te sirva:",
		"Mientras tu focal point te responde, quizás te sirva:",
		"While your focal point gets back to you, this may help:"},
	"knowledge.suggest.item":      {"• %s: %s", "• %s: %s", "• %s: %s"},
	"knowledge.suggest.item_desk": {"• %s", "• %s", "• %s"},
	"knowledge.suggest.solved_button": {
		"Si alguno lo resolvió, tocá *✅ Esto lo resolvió* y cerramos el ticket.",
		"Si alguno lo resolvió, toca *✅ Esto lo resolvió* y cerramos el ticket.",
		"If one of them solved it, press *✅ This solved it* and we close the ticket."},
	"knowledge.suggest.solved_word": {
		"Si alguno lo resolvió, respondé *resuelto* y cerramos el ticket.",
		"Si alguno lo resolvió, responde *resuelto* y cerramos el ticket.",
		"If one of them solved it, reply *resuelto* (or *solved*) and we close the ticket."},
	"button.knowledge_solved": {"✅ Esto lo resolvió", "✅ Esto lo resolvió", "✅ This solved it"},
	"knowledge.solved.done": {
		"🎉 ¡Qué bueno! Cerramos el ticket #%d: lo resolviste con el artículo sugerido. Si vuelve a pasar, escribinos.",
		"🎉 ¡Qué bueno! Cerramos el ticket #%d: lo resolviste con el artículo sugerido. Si vuelve a pasar, escríbenos.",
		"🎉 Great! We closed ticket #%d: the suggested article solved it. If it happens again, write to us."},
	"knowledge.solved.client_only": {
		"Ese botón es para el cliente que hizo la consulta.",
		"Ese botón es para el cliente que hizo la consulta.",
		"That button is for the client who asked."},
}

var knowledgeDeskTexts = map[string]Text{
	"knowledge.solved.dm": {
		"📖 El ticket #%d de %s se resolvió sin intervención: el cliente dijo que un artículo sugerido le sirvió (%s).",
		"📖 El ticket #%d de %s se resolvió sin intervención: el cliente dijo que un artículo sugerido le sirvió (%s).",
		"📖 Ticket #%d of %s was self-served: the client said a suggested article solved it (%s)."},
	"knowledge.staff.staff_only": {"_solo staff_", "_solo staff_", "_staff only_"},
	"knowledge.saved": {
		"📖 Guardado como artículo de la mesa `%s` (solo staff). Para mostrarlo a los clientes: `/soporte publicar %s`.",
		"📖 Guardado como artículo de la mesa `%s` (solo staff). Para mostrarlo a los clientes: `/soporte publicar %s`.",
		"📖 Saved as desk article `%s` (staff only). To show it to clients: `/soporte publicar %s`."},
	"knowledge.saved.already": {
		"Eso ya estaba guardado como artículo de la mesa `%s`.",
		"Eso ya estaba guardado como artículo de la mesa `%s`.",
		"That was already saved as desk article `%s`."},
	"knowledge.save.not_resolved": {
		"El ticket #%d está %s: guardalo cuando esté resuelto.",
		"El ticket #%d está %s: guárdalo cuando esté resuelto.",
		"Ticket #%d is %s: save it once it is resolved."},
	"knowledge.save.no_answer": {
		"El ticket #%d no tiene una respuesta del equipo para guardar.",
		"El ticket #%d no tiene una respuesta del equipo para guardar.",
		"Ticket #%d has no answer from the team to save."},
	"knowledge.published": {
		"📖 El artículo `%s` ya se sugiere a los clientes.",
		"📖 El artículo `%s` ya se sugiere a los clientes.",
		"📖 Article `%s` is now suggested to clients."},
	"knowledge.publish.usage": {
		"Uso: `/soporte publicar ID` (el número del artículo de la mesa, p. ej. `desk/3` o `3`).",
		"Uso: `/soporte publicar ID` (el número del artículo de la mesa, p. ej. `desk/3` o `3`).",
		"Usage: `/soporte publicar ID` (the desk article's number, e.g. `desk/3` or `3`)."},
	"knowledge.not_found": {"No hay artículo de la mesa `%s`.", "No hay artículo de la mesa `%s`.", "There is no desk article `%s`."},
}
