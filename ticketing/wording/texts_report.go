package wording

// reportTexts is the monthly SLA report, its Slack summary and its page, in
// the language the reader asks for (`supportbot report -lang`, else
// desk.language). Lists of column headings are one row each, split on "|",
// so a language's headings stay together.
var reportTexts = map[string]Text{
	"report.title":            {"Informe de SLA · %s", "Informe de SLA · %s", "SLA report · %s"},
	"report.generated":        {"Generado %s", "Generado %s", "Generated %s"},
	"report.zone_time":        {"hora de %s", "hora de %s", "%s time"},
	"report.each_client_zone": {"cada cliente en su propia zona horaria", "cada cliente en su propia zona horaria", "each client in its own time zone"},
	"report.no_clients":       {"Sin clientes para informar.", "Sin clientes para informar.", "No clients to report."},
	"report.desk":             {"Toda la mesa", "Toda la mesa", "Whole desk"},
	"report.desk.month":       {"Toda la mesa, %s", "Toda la mesa, %s", "Whole desk, %s"},
	"report.desk.by_month":    {"Toda la mesa, mes a mes", "Toda la mesa, mes a mes", "Whole desk, month by month"},
	"report.trend.title":      {"Tendencia de %d meses", "Tendencia de %d meses", "%d-month trend"},
	"report.breakdown":        {"Desglose de la mesa", "Desglose de la mesa", "Desk breakdown"},
	"report.by_focal":         {"Por punto focal", "Por punto focal", "By focal point"},
	"report.by_kind":          {"Por tipo", "Por tipo", "By kind"},
	"report.by_channel":       {"Por canal", "Por canal", "By channel"},
	"report.col.focal":        {"Punto focal", "Punto focal", "Focal point"},
	"report.col.kind":         {"Tipo", "Tipo", "Kind"},
	"report.col.channel":      {"Canal", "Canal", "Channel"},
	"report.col.scope":        {"Alcance", "Alcance", "Scope"},
	"report.col.priority":     {"Prioridad", "Prioridad", "Priority"},
	"report.col.month":        {"Mes", "Mes", "Month"},
	"report.total":            {"Total", "Total", "Total"},
	"report.cols.main": {
		"Tickets|En objetivo|%%|Mediana|P90|Incumplidos|Pendientes|Cerrados sin respuesta|Críticos derivados|Autocierre",
		"Tickets|En objetivo|%%|Mediana|P90|Incumplidos|Pendientes|Cerrados sin respuesta|Críticos derivados|Autocierre",
		"Tickets|Within target|%%|Median|P90|Breached|Pending|Closed without response|Critical referred|Auto-closed"},
	"report.cols.clocks": {
		"Respuestas siguientes|En objetivo|%%|Incumplidas|Pendientes|Resueltos|Resolución: mediana|Resolución: P90|Sobre el objetivo de resolución",
		"Respuestas siguientes|En objetivo|%%|Incumplidas|Pendientes|Resueltos|Resolución: mediana|Resolución: P90|Sobre el objetivo de resolución",
		"Next responses|Within target|%%|Breached|Pending|Resolved|Resolution: median|Resolution: P90|Over the resolution goal"},
	"report.cols.group": {
		"Tickets|En objetivo|%%|Mediana|Incumplidos|Pendientes|Cerrados sin respuesta|Respondidos por otros",
		"Tickets|En objetivo|%%|Mediana|Incumplidos|Pendientes|Cerrados sin respuesta|Respondidos por otros",
		"Tickets|Within target|%%|Median|Breached|Pending|Closed without response|Answered by others"},
	"report.cols.trend": {
		"Tickets|En objetivo|%%|Incumplidos|Pendientes|Cerrados sin respuesta|CSAT",
		"Tickets|En objetivo|%%|Incumplidos|Pendientes|Cerrados sin respuesta|CSAT",
		"Tickets|Within target|%%|Breached|Pending|Closed without response|CSAT"},
	"report.cols.csat":     {"Calificaciones|CSAT (4 o 5)|Promedio (1 a 5)", "Calificaciones|CSAT (4 o 5)|Promedio (1 a 5)", "Ratings|CSAT (4 or 5)|Average (1 to 5)"},
	"report.csat_by_focal": {"Satisfacción (CSAT) por punto focal", "Satisfacción (CSAT) por punto focal", "Satisfaction (CSAT) by focal point"},
	"report.cols.desk_breach": {
		"Ticket|Cliente|Plazo|Prioridad|Tipo|Abierto|Vence|Respondido|Atraso|Punto focal|Respondió",
		"Ticket|Cliente|Plazo|Prioridad|Tipo|Abierto|Vence|Respondido|Atraso|Punto focal|Respondió",
		"Ticket|Client|Clock|Priority|Kind|Opened|Due|Answered|Late|Focal point|Answered by"},
	"report.cols.client_breach": {
		"Ticket|Prioridad|Tipo|Canal|Asunto|Abierto|Vence|Primera respuesta|Atraso|Punto focal|Respondió|Hilo",
		"Ticket|Prioridad|Tipo|Canal|Asunto|Abierto|Vence|Primera respuesta|Atraso|Punto focal|Respondió|Hilo",
		"Ticket|Priority|Kind|Channel|Subject|Opened|Due|First response|Late|Focal point|Answered by|Thread"},
	"report.cols.trend_rows":    {"Tickets|%% en objetivo|Incumplidos|CSAT", "Tickets|%% en objetivo|Incumplidos|CSAT", "Tickets|%% within target|Breached|CSAT"},
	"report.client.by_priority": {"%s: tickets por prioridad", "%s: tickets por prioridad", "%s: tickets by priority"},
	"report.client.clocks": {
		"%s: respuesta siguiente (mensajes del cliente después de la primera respuesta) y tiempo de resolución (horas de atención, sin el tiempo esperando al cliente)",
		"%s: respuesta siguiente (mensajes del cliente después de la primera respuesta) y tiempo de resolución (horas de atención, sin el tiempo esperando al cliente)",
		"%s: next response (client messages after the first response) and time to resolution (attended hours, not counting time waiting on the client)"},
	"report.client.breaches":         {"Incumplidos (%d)", "Incumplidos (%d)", "Breaches (%d)"},
	"report.client.breaches_caption": {"%s: tickets con el plazo de primera respuesta vencido (%s)", "%s: tickets con el plazo de primera respuesta vencido (%s)", "%s: tickets past their first-response deadline (%s)"},
	"report.client.no_breaches":      {"Sin incumplimientos en el mes.", "Sin incumplimientos en el mes.", "No breaches this month."},
	"report.client.trend":            {"%s: últimos %d meses", "%s: últimos %d meses", "%s: last %d months"},
	"report.client.trend_label":      {"%s: tendencia", "%s: tendencia", "%s: trend"},
	"report.unanswered":              {"sin respuesta", "sin respuesta", "no answer"},
	"report.open_thread":             {"abrir hilo", "abrir hilo", "open thread"},
	"report.open_thread_label":       {"Abrir en Slack el hilo del ticket #%d", "Abrir en Slack el hilo del ticket #%d", "Open the thread of ticket #%d in Slack"},
	"report.desk_breaches":           {"Incumplimientos de toda la mesa", "Incumplimientos de toda la mesa", "Breaches across the desk"},
	"report.desk_breaches.caption": {
		"Plazos de primera respuesta y de respuesta siguiente vencidos en el mes, los más recientes primero; horas de cada cliente",
		"Plazos de primera respuesta y de respuesta siguiente vencidos en el mes, los más recientes primero; horas de cada cliente",
		"First-response and next-response deadlines missed this month, newest first; each client's local time"},
	"report.clock.first":  {"primera respuesta", "primera respuesta", "first response"},
	"report.clock.next":   {"respuesta siguiente", "respuesta siguiente", "next response"},
	"report.bot_line":     {"Bot: %d de %d en %s s → %s (meta %d-%s)", "Bot: %d de %d en %s s → %s (meta %d-%s)", "Bot: %d of %d within %s s → %s (goal %d-%s)"},
	"report.people_line":  {"Personas: %d de %d en objetivo → %s (meta %d%%)", "Personas: %d de %d en objetivo → %s (meta %d%%)", "People: %d of %d within target → %s (goal %d%%)"},
	"report.meets":        {"cumple", "cumple", "meets"},
	"report.misses":       {"no cumple", "no cumple", "misses"},
	"report.no_data":      {"sin datos", "sin datos", "no data"},
	"report.no_priority":  {"(ninguna)", "(ninguna)", "(none)"},
	"report.no_kind":      {"(sin tipo)", "(sin tipo)", "(no kind)"},
	"report.no_channel":   {"(sin canal)", "(sin canal)", "(no channel)"},
	"report.service_desk": {"Mesa de Ayuda", "Mesa de Ayuda", "Service Desk"},
	"report.no_record":    {"(sin registro)", "(sin registro)", "(not recorded)"},
	"report.no_focal":     {"(sin punto focal)", "(sin punto focal)", "(no focal point)"},
	"report.csat_none":    {"Satisfacción (CSAT): sin calificaciones", "Satisfacción (CSAT): sin calificaciones", "Satisfaction (CSAT): no ratings"},
	"report.csat_line":    {"Satisfacción (CSAT): %s (%d de %s con 4 o 5), promedio %s de 5", "Satisfacción (CSAT): %s (%d de %s con 4 o 5), promedio %s de 5", "Satisfaction (CSAT): %s (%d of %s at 4 or 5), average %s of 5"},
	"report.corrected":    {"Lecturas del bot corregidas: %d de %s", "Lecturas del bot corregidas: %d de %s", "Bot readings corrected: %d of %s"},

	// The Slack summary (/soporte reporte).
	"report.summary.title":      {"*Informe de SLA · %s · %s*", "*Informe de SLA · %s · %s*", "*SLA report · %s · %s*"},
	"report.summary.none":       {"Sin tickets en el mes.", "Sin tickets en el mes.", "No tickets this month."},
	"report.summary.total":      {"%s · %d de %d en objetivo (%s) · %s · %s", "%s · %d de %d en objetivo (%s) · %s · %s", "%s · %d of %d within target (%s) · %s · %s"},
	"report.summary.row":        {"• %s: %s, %d en objetivo (%s), mediana %s, p90 %s", "• %s: %s, %d en objetivo (%s), mediana %s, p90 %s", "• %s: %s, %d within target (%s), median %s, p90 %s"},
	"report.summary.next":       {"Respuestas siguientes: %d · %d en objetivo (%s) · %s · %s", "Respuestas siguientes: %d · %d en objetivo (%s) · %s · %s", "Next responses: %d · %d within target (%s) · %s · %s"},
	"report.summary.resolution": {"Resolución (%s, sin el tiempo esperando al cliente): mediana %s, p90 %s", "Resolución (%s, sin el tiempo esperando al cliente): mediana %s, p90 %s", "Resolution (%s, not counting time waiting on the client): median %s, p90 %s"},
	"report.summary.refused":    {"Críticos derivados a la Mesa de Ayuda: %d · cierres automáticos: %d", "Críticos derivados a la Mesa de Ayuda: %d · cierres automáticos: %d", "Critical incidents referred to the Service Desk: %d · automatic closes: %d"},

	// The text form: short headings for 80 columns.
	"report.text.cols.main":     {"Prioridad|Tickets|En obj.|%%|Mediana|P90|Incump.|Pend.|Cerr.|Deriv.|Autoc.", "Prioridad|Tickets|En obj.|%%|Mediana|P90|Incump.|Pend.|Cerr.|Deriv.|Autoc.", "Priority|Tickets|In tgt|%%|Median|P90|Breach.|Pend.|Clos.|Refer.|Auto"},
	"report.text.cols.group":    {"Tickets|En obj.|%%|Mediana|Incump.|Pend.|Cerr.|Otros", "Tickets|En obj.|%%|Mediana|Incump.|Pend.|Cerr.|Otros", "Tickets|In tgt|%%|Median|Breach.|Pend.|Clos.|Others"},
	"report.text.cols.clocks":   {"Sig.|En obj.|%%|Incump.|Pend.|Resueltos|Mediana|P90|Fuera", "Sig.|En obj.|%%|Incump.|Pend.|Resueltos|Mediana|P90|Fuera", "Next|In tgt|%%|Breach.|Pend.|Resolved|Median|P90|Over"},
	"report.text.cols.csat":     {"Satisfacción por p.f.|Calificac.|CSAT|Promedio", "Satisfacción por p.f.|Calificac.|CSAT|Promedio", "Satisfaction by f.p.|Ratings|CSAT|Average"},
	"report.text.trend_rows":    {"Tendencia|En objetivo|Incumplidos|CSAT", "Tendencia|En objetivo|Incumplidos|CSAT", "Trend|Within target|Breached|CSAT"},
	"report.text.desk":          {"Toda la mesa · %s", "Toda la mesa · %s", "Whole desk · %s"},
	"report.text.clocks":        {"Respuesta siguiente y resolución", "Respuesta siguiente y resolución", "Next response and resolution"},
	"report.text.breaches":      {"Incumplidos (%d):", "Incumplidos (%d):", "Breaches (%d):"},
	"report.text.no_breaches":   {"Sin incumplimientos.", "Sin incumplimientos.", "No breaches."},
	"report.text.desk_breaches": {"Incumplimientos de toda la mesa (%d), los más recientes primero, en hora de cada cliente:", "Incumplimientos de toda la mesa (%d), los más recientes primero, en hora de cada cliente:", "Breaches across the desk (%d), newest first, on each client's clock:"},
	"report.text.breach_when":   {"abierto %s · vence %s · %s (+%s)", "abierto %s · vence %s · %s (+%s)", "opened %s · due %s · %s (+%s)"},
	"report.text.answered_at":   {"respuesta %s", "respuesta %s", "answered %s"},
	"report.text.focal":         {"focal: %s", "focal: %s", "focal point: %s"},
	"report.text.responder":     {"respondió: %s", "respondió: %s", "answered by: %s"},
	"report.legend": {
		"En obj.: primeras respuestas dentro del objetivo. Mediana y P90: horas de atención desde el mensaje del cliente hasta la primera respuesta. Incump.: plazos vencidos antes de responder. Pend.: sin respuesta, plazo por vencer. Cerr.: cerrados antes del plazo sin respuesta. Deriv.: incidentes críticos derivados a la Mesa de Ayuda. Autoc.: cerrados tras aviso sin respuesta del cliente. Otros: primeras respuestas de alguien que no es el punto focal. CSAT: calificaciones de 4 o 5 sobre el total de calificaciones (1 a 5). Tickets = En obj. + Incump. + Pend. + Cerr. en cada fila.",
		"En obj.: primeras respuestas dentro del objetivo. Mediana y P90: horas de atención desde el mensaje del cliente hasta la primera respuesta. Incump.: plazos vencidos antes de responder. Pend.: sin respuesta, plazo por vencer. Cerr.: cerrados antes del plazo sin respuesta. Deriv.: incidentes críticos derivados a la Mesa de Ayuda. Autoc.: cerrados tras aviso sin respuesta del cliente. Otros: primeras respuestas de alguien que no es el punto focal. CSAT: calificaciones de 4 o 5 sobre el total de calificaciones (1 a 5). Tickets = En obj. + Incump. + Pend. + Cerr. en cada fila.",
		"In tgt: first responses within target. Median and P90: attended hours from the client's message to the first response. Breach.: deadlines that passed before an answer. Pend.: no answer yet, deadline still ahead. Clos.: closed before the deadline with no answer. Refer.: critical incidents referred to the Service Desk. Auto: closed after a notice the client never answered. Others: first responses by someone other than the focal point. CSAT: ratings of 4 or 5 over all ratings (1 to 5). Tickets = In tgt + Breach. + Pend. + Clos. on every line."},
	"report.legend.clocks": {
		"Sig.: mensajes del cliente después de la primera respuesta que esperaron respuesta (en obj., incump. y pend. como arriba). Resueltos: mediana y P90 de horas de atención hasta resuelto, sin el tiempo esperando al cliente. Fuera: resueltos por encima del objetivo de resolución de su prioridad.",
		"Sig.: mensajes del cliente después de la primera respuesta que esperaron respuesta (en obj., incump. y pend. como arriba). Resueltos: mediana y P90 de horas de atención hasta resuelto, sin el tiempo esperando al cliente. Fuera: resueltos por encima del objetivo de resolución de su prioridad.",
		"Next: client messages after the first response that waited for an answer (in tgt, breach. and pend. as above). Resolved: median and P90 of attended hours until resolved, not counting time waiting on the client. Over: resolved above their priority's resolution goal."},
	"report.footer": {
		"En objetivo: primeras respuestas de soporte dentro del plazo de su prioridad. Incumplidos: plazos vencidos antes de la primera respuesta; el atraso son horas de atención desde el vencimiento hasta la respuesta o, sin respuesta, hasta el cierre o la emisión del informe. Pendientes: sin respuesta y con el plazo por vencer. Cerrados sin respuesta: cerrados antes del plazo sin que soporte respondiera (el cliente lo resolvió). En cada fila, tickets = en objetivo + incumplidos + pendientes + cerrados sin respuesta. Críticos derivados: incidentes críticos enviados a la Mesa de Ayuda (no abren ticket por chat). Autocierre: cerrados por el sistema tras aviso sin respuesta del cliente. Respondidos por otros: primeras respuestas de alguien que no es el punto focal del cliente. Factor de servicio %d-%s: el %d%% atendido dentro de los primeros %s segundos. CSAT: calificaciones de 4 o 5 sobre el total de calificaciones del cliente (1 a 5).",
		"En objetivo: primeras respuestas de soporte dentro del plazo de su prioridad. Incumplidos: plazos vencidos antes de la primera respuesta; el atraso son horas de atención desde el vencimiento hasta la respuesta o, sin respuesta, hasta el cierre o la emisión del informe. Pendientes: sin respuesta y con el plazo por vencer. Cerrados sin respuesta: cerrados antes del plazo sin que soporte respondiera (el cliente lo resolvió). En cada fila, tickets = en objetivo + incumplidos + pendientes + cerrados sin respuesta. Críticos derivados: incidentes críticos enviados a la Mesa de Ayuda (no abren ticket por chat). Autocierre: cerrados por el sistema tras aviso sin respuesta del cliente. Respondidos por otros: primeras respuestas de alguien que no es el punto focal del cliente. Factor de servicio %d-%s: el %d%% atendido dentro de los primeros %s segundos. CSAT: calificaciones de 4 o 5 sobre el total de calificaciones del cliente (1 a 5).",
		"Within target: support's first responses within their priority's deadline. Breached: deadlines that passed before the first response; lateness is attended hours from the deadline to the answer or, with no answer, to the close or to when the report was made. Pending: no answer, deadline still ahead. Closed without response: closed before the deadline with no answer from support (the client sorted it out). On every line, tickets = within target + breached + pending + closed without response. Critical referred: critical incidents sent to the Service Desk (they open no chat ticket). Auto-closed: closed by the system after a notice the client never answered. Answered by others: first responses by someone other than the client's focal point. Service factor %d-%s: %d%% handled within the first %s seconds. CSAT: ratings of 4 or 5 over all of the client's ratings (1 to 5)."},
	"report.method": {"Método.", "Método.", "Method."},
	"report.method.1": {
		"Mediana y P90 por rango más cercano: con los tiempos ordenados, la mediana es el valor en la posición ⌈n/2⌉ (con un número par, el menor de los dos centrales) y el P90 el de la posición ⌈0,9·n⌉, así cada cifra es un tiempo que algún ticket tuvo.",
		"Mediana y P90 por rango más cercano: con los tiempos ordenados, la mediana es el valor en la posición ⌈n/2⌉ (con un número par, el menor de los dos centrales) y el P90 el de la posición ⌈0,9·n⌉, así cada cifra es un tiempo que algún ticket tuvo.",
		"Median and P90 by nearest rank: with the times sorted, the median is the value at rank ⌈n/2⌉ (with an even count, the lower of the two middle ones) and the P90 the one at rank ⌈0.9·n⌉, so every figure is a time some ticket really had."},
	"report.method.2": {
		"Los tiempos son horas de atención del calendario de cada ticket (días hábiles y horario del plan), desde el mensaje del cliente.",
		"Los tiempos son horas de atención del calendario de cada ticket (días hábiles y horario del plan), desde el mensaje del cliente.",
		"Times are attended hours on each ticket's calendar (business days and the plan's hours), from the client's message."},
	"report.method.3": {
		"Los porcentajes se redondean hacia abajo: 79,8 %% se muestra 79 %% y no alcanza la meta del 80 %%. El %% en objetivo es sobre los tickets decididos (en objetivo más incumplidos).",
		"Los porcentajes se redondean hacia abajo: 79,8 %% se muestra 79 %% y no alcanza la meta del 80 %%. El %% en objetivo es sobre los tickets decididos (en objetivo más incumplidos).",
		"Percentages are rounded down: 79.8 %% shows as 79 %% and does not reach the 80 %% goal. The within-target %% is over decided tickets (within target plus breached)."},
	"report.method.4": {
		"Satisfacción (CSAT): al cerrar un ticket con su conformidad, el cliente califica la ayuda de 1 a 5; el CSAT es la parte de las calificaciones con 4 o 5, redondeada hacia abajo como los demás porcentajes, y se muestra junto al promedio y al número de calificaciones. Cada calificación cuenta en el mes en que llegó su ticket, con su cliente y su punto focal.",
		"Satisfacción (CSAT): al cerrar un ticket con su conformidad, el cliente califica la ayuda de 1 a 5; el CSAT es la parte de las calificaciones con 4 o 5, redondeada hacia abajo como los demás porcentajes, y se muestra junto al promedio y al número de calificaciones. Cada calificación cuenta en el mes en que llegó su ticket, con su cliente y su punto focal.",
		"Satisfaction (CSAT): when a ticket closes with the client's agreement, the client rates the help from 1 to 5; CSAT is the share of ratings of 4 or 5, rounded down like the other percentages, shown beside the average and the number of ratings. Each rating counts in the month its ticket came in, with its client and focal point."},
	"report.method.5": {
		"El tiempo de resolución son horas de atención desde el inicio del reloj del ticket hasta que se marca resuelto, sin contar el tiempo en que esperó al cliente (resuelto a la espera de su conformidad, o esperando_cliente); si el cliente lo reabre, cuenta la última resolución. La respuesta siguiente se mide como la primera, desde el primer mensaje del cliente que quedó sin respuesta.",
		"El tiempo de resolución son horas de atención desde el inicio del reloj del ticket hasta que se marca resuelto, sin contar el tiempo en que esperó al cliente (resuelto a la espera de su conformidad, o esperando_cliente); si el cliente lo reabre, cuenta la última resolución. La respuesta siguiente se mide como la primera, desde el primer mensaje del cliente que quedó sin respuesta.",
		"Time to resolution is attended hours from the ticket's clock start until it is marked resolved, not counting time it waited on the client (resolved awaiting agreement, or waiting on the client); if the client reopens it, the last resolution counts. The next response is measured like the first, from the first client message left unanswered."},
	"report.method.6": {
		"Las cifras pendientes son provisorias: cada pendiente pasará a en objetivo o a incumplido cuando se responda o venza su plazo.",
		"Las cifras pendientes son provisorias: cada pendiente pasará a en objetivo o a incumplido cuando se responda o venza su plazo.",
		"Pending figures are provisional: each pending ticket becomes within target or breached when it is answered or its deadline passes."},

	// The charts.
	"report.chart.goal":     {"meta %d %%", "meta %d %%", "goal %d %%"},
	"report.chart.of":       {"%d de %d", "%d de %d", "%d of %d"},
	"report.chart.breached": {"%d inc.", "%d inc.", "%d br."},
	"report.chart.priority": {"%s: %% de primeras respuestas en objetivo por prioridad, meta %d %%", "%s: %% de primeras respuestas en objetivo por prioridad, meta %d %%", "%s: %% of first responses within target by priority, goal %d %%"},
	"report.chart.trend":    {"Toda la mesa: %% en objetivo e incumplidos de los últimos %d meses, meta %d %%", "Toda la mesa: %% en objetivo e incumplidos de los últimos %d meses, meta %d %%", "Whole desk: %% within target and breaches over the last %d months, goal %d %%"},
	"report.chart.bar":      {"%s: %s en objetivo, %d en objetivo, %d incumplidos, %d pendientes, %d cerrados sin respuesta", "%s: %s en objetivo, %d en objetivo, %d incumplidos, %d pendientes, %d cerrados sin respuesta", "%s: %s within target, %d within target, %d breached, %d pending, %d closed without response"},
	"report.key.met":        {"en objetivo", "en objetivo", "within target"},
	"report.key.breach":     {"incumplidos", "incumplidos", "breached"},

	// Months.
	"report.month.1": {"enero", "enero", "January"}, "report.month.2": {"febrero", "febrero", "February"},
	"report.month.3": {"marzo", "marzo", "March"}, "report.month.4": {"abril", "abril", "April"},
	"report.month.5": {"mayo", "mayo", "May"}, "report.month.6": {"junio", "junio", "June"},
	"report.month.7": {"julio", "julio", "July"}, "report.month.8": {"agosto", "agosto", "August"},
	"report.month.9": {"septiembre", "septiembre", "September"}, "report.month.10": {"octubre", "octubre", "October"},
	"report.month.11": {"noviembre", "noviembre", "November"}, "report.month.12": {"diciembre", "diciembre", "December"},
	"report.month_short.1": {"ene", "ene", "Jan"}, "report.month_short.2": {"feb", "feb", "Feb"},
	"report.month_short.3": {"mar", "mar", "Mar"}, "report.month_short.4": {"abr", "abr", "Apr"},
	"report.month_short.5": {"may", "may", "May"}, "report.month_short.6": {"jun", "jun", "Jun"},
	"report.month_short.7": {"jul", "jul", "Jul"}, "report.month_short.8": {"ago", "ago", "Aug"},
	"report.month_short.9": {"sep", "sep", "Sep"}, "report.month_short.10": {"oct", "oct", "Oct"},
	"report.month_short.11": {"nov", "nov", "Nov"}, "report.month_short.12": {"dic", "dic", "Dec"},
}

// reportPlurals are the report's counted words, the count first.
var reportPlurals = map[string]Plural{
	"report.n_tickets":       {ESAR: Forms{"%d ticket", "%d tickets"}, ESCL: Forms{"%d ticket", "%d tickets"}, EN: Forms{"%d ticket", "%d tickets"}},
	"report.n_ratings":       {ESAR: Forms{"%d calificación", "%d calificaciones"}, ESCL: Forms{"%d calificación", "%d calificaciones"}, EN: Forms{"%d rating", "%d ratings"}},
	"report.n_breaches":      {ESAR: Forms{"%d incumplido", "%d incumplidos"}, ESCL: Forms{"%d incumplido", "%d incumplidos"}, EN: Forms{"%d breached", "%d breached"}},
	"report.n_next_breaches": {ESAR: Forms{"%d incumplida", "%d incumplidas"}, ESCL: Forms{"%d incumplida", "%d incumplidas"}, EN: Forms{"%d breached", "%d breached"}},
	"report.n_pending":       {ESAR: Forms{"%d pendiente", "%d pendientes"}, ESCL: Forms{"%d pendiente", "%d pendientes"}, EN: Forms{"%d pending", "%d pending"}},
	"report.n_resolved":      {ESAR: Forms{"%d resuelto", "%d resueltos"}, ESCL: Forms{"%d resuelto", "%d resueltos"}, EN: Forms{"%d resolved", "%d resolved"}},
	"report.n_clients":       {ESAR: Forms{"%d cliente", "%d clientes"}, ESCL: Forms{"%d cliente", "%d clientes"}, EN: Forms{"%d client", "%d clients"}},
	"report.pending_note": {
		ESAR: Forms{"%d ticket pendiente: sus cifras son provisorias hasta que se responda o venza su plazo.", "%d tickets pendientes: sus cifras son provisorias hasta que se respondan o venzan sus plazos."},
		ESCL: Forms{"%d ticket pendiente: sus cifras son provisorias hasta que se responda o venza su plazo.", "%d tickets pendientes: sus cifras son provisorias hasta que se respondan o venzan sus plazos."},
		EN:   Forms{"%d pending ticket: its figures are provisional until it is answered or its deadline passes.", "%d pending tickets: their figures are provisional until they are answered or their deadlines pass."}},
	"report.ignored": {
		ESAR: Forms{"%d ticket de un cliente que ya no está en la configuración no se incluye.", "%d tickets de clientes que ya no están en la configuración no se incluyen."},
		ESCL: Forms{"%d ticket de un cliente que ya no está en la configuración no se incluye.", "%d tickets de clientes que ya no están en la configuración no se incluyen."},
		EN:   Forms{"%d ticket of a client no longer configured is left out.", "%d tickets of clients no longer configured are left out."}},
}
