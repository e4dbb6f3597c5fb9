package wording

import "fmt"

// The client's one-tap way out of the bot's reading of an incident: the
// buttons on the answer, WhatsApp's CRITICO, and what each says to the
// client and to the desk. They join the two tables when the package's
// variables are set up, before the catalog is built, so every test that
// walks clientTexts and deskTexts walks these too.
var (
	_ = joinTexts(clientTexts, impactClientTexts)
	_ = joinTexts(deskTexts, impactDeskTexts)
)

var impactClientTexts = map[string]Text{
	"impact.button.critical": {"🚨 Está detenida toda la operación", "🚨 Está detenida toda la operación", "🚨 The whole operation has stopped"},
	"impact.critical.done":   {"🚨 Nos dijiste que está detenida toda la operación: el caso pasó a la Mesa de Ayuda.", "🚨 Nos dijiste que está detenida toda la operación: el caso pasó a la Mesa de Ayuda.", "🚨 You told us the whole operation has stopped: the case went to the Help Desk."},
	"impact.alta.done":       {"Nos dijiste que les impide trabajar: el caso subió a prioridad ALTA.", "Nos dijiste que les impide trabajar: el caso subió a prioridad ALTA.", "You told us it stops you from working: the case was raised to ALTA priority."},
	"impact.button.alta":     {"Nos impide trabajar", "Nos impide trabajar", "It stops us from working"},
	"impact.chat":            {"Si está detenida *toda la operación*, respondé *CRITICO* y lo pasamos a la Mesa de Ayuda.", "Si está detenida *toda la operación*, responde *CRITICO* y lo pasamos a la Mesa de Ayuda.", "If *the whole operation* has stopped, reply *CRITICO* and we pass it to the Help Desk."},
	"impact.critical.answer": {
		"🚨 Nos indicaste que está detenida *toda la operación*: el ticket #%d pasa a la Mesa de Ayuda como *incidente crítico* (prioridad CRÍTICA). Por política de soporte se atiende *únicamente por teléfono*: llamá ahora al %s. Ya avisamos a tu focal point y a la Mesa de Ayuda.",
		"🚨 Nos indicaste que está detenida *toda la operación*: el ticket #%d pasa a la Mesa de Ayuda como *incidente crítico* (prioridad CRÍTICA). Por política de soporte se atiende *únicamente por teléfono*: llama ahora al %s. Ya avisamos a tu focal point y a la Mesa de Ayuda.",
		"🚨 You told us *the whole operation* has stopped: ticket #%d goes to the Help Desk as a *critical incident* (priority CRITICAL). By support policy it is handled *only by phone*: call %s now. We have told your focal point and the Help Desk.",
	},
	"impact.critical.already": {
		"El ticket #%d ya está en la Mesa de Ayuda como incidente crítico. Si todavía no llamaste, llamá ahora al %s.",
		"El ticket #%d ya está en la Mesa de Ayuda como incidente crítico. Si todavía no llamaste, llama ahora al %s.",
		"Ticket #%d is already with the Help Desk as a critical incident. If you have not called yet, call %s now.",
	},
	"impact.alta.answer": {
		"⬆️ Nos indicaste que esto les impide trabajar: el ticket #%d ahora es %s y tu focal point ya lo sabe.",
		"⬆️ Nos indicaste que esto les impide trabajar: el ticket #%d ahora es %s y tu focal point ya lo sabe.",
		"⬆️ You told us this stops you from working: ticket #%d is now %s and your focal point knows.",
	},
	"impact.alta.already": {
		"El ticket #%d ya tiene prioridad %s; tu focal point ya lo sabe.",
		"El ticket #%d ya tiene prioridad %s; tu focal point ya lo sabe.",
		"Ticket #%d already has priority %s; your focal point knows.",
	},
	"impact.not_incident": {
		"El ticket #%d no está registrado como incidente abierto. Si está detenida toda la operación, llamá ahora a la Mesa de Ayuda al %s.",
		"El ticket #%d no está registrado como incidente abierto. Si está detenida toda la operación, llama ahora a la Mesa de Ayuda al %s.",
		"Ticket #%d is not an open incident. If the whole operation has stopped, call the Help Desk at %s now.",
	},
}

var impactDeskTexts = map[string]Text{
	"impact.staff_only": {
		"Estos botones son para el cliente. Para tomarlo como crítico: `/soporte critico #%d`; para subir la prioridad: `/soporte prioridad #%d alta`.",
		"Estos botones son para el cliente. Para tomarlo como crítico: `/soporte critico #%d`; para subir la prioridad: `/soporte prioridad #%d alta`.",
		"These buttons are for the client. To take it as critical: `/soporte critico #%d`; to raise its priority: `/soporte prioridad #%d alta`.",
	},
	"impact.critical.page": {
		"🚨 *Incidente crítico #%d* de *%s*: el cliente %s indicó que está detenida toda la operación; se le indicó llamar a la Mesa de Ayuda y el ticket pasó a la Mesa como crítico.%s\nVence %s.",
		"🚨 *Incidente crítico #%d* de *%s*: el cliente %s indicó que está detenida toda la operación; se le indicó llamar a la Mesa de Ayuda y el ticket pasó a la Mesa como crítico.%s\nVence %s.",
		"🚨 *Critical incident #%d* of *%s*: the client %s said the whole operation has stopped; they were told to call the Help Desk and the ticket went to the Help Desk as critical.%s\nDue %s.",
	},
	"impact.alta.page": {
		"⬆️ *Ticket #%d* de *%s*: el cliente %s indicó que les impide trabajar; ahora es prioridad ALTA.%s%s",
		"⬆️ *Ticket #%d* de *%s*: el cliente %s indicó que les impide trabajar; ahora es prioridad ALTA.%s%s",
		"⬆️ *Ticket #%d* of *%s*: the client %s said it stops them from working; it is now priority HIGH.%s%s",
	},
	"impact.link": {"\nHilo: %s", "\nHilo: %s", "\nThread: %s"},
	"impact.due":  {"\nVence %s.", "\nVence %s.", "\nDue %s."},
}

// joinTexts adds a concern's rows to a table; a key already there is a
// mistake the catalog test reports.
func joinTexts(table, rows map[string]Text) bool {
	for key, row := range rows {
		if _, dup := table[key]; dup && buildErr == nil {
			buildErr = fmt.Errorf("%s is defined twice", key)
		}
		table[key] = row
	}
	return true
}
