package intent

// category is what a cue is evidence of. Kinds get scores; the other
// categories qualify incident evidence (scope, severity, whether the
// failure is over).
type category int

const (
	catConsulta      category = iota
	catConsultaQ              // consulta words that only ask inside a question ("se puede")
	catIncidente              // something is failing
	catCritico                // the operation as a whole is down
	catTotal                  // scope: everyone, nothing, completely
	catParcial                // scope: one agent, some calls, the other trunk
	catGrupo                  // scope: one team, queue or line, not the operation
	catSigue                  // normal operation continues
	catCosmetico              // wrong text, layout, a number shown wrong
	catCosmeticoLeve          // weak cosmetic words: icon, colour, title
	catLeve                   // the client says it is minor
	catUrgencia               // "urgente": pressure, not scope
	catRequerimiento          // quoted work for this client
	catFuncionalidad          // an improvement for every client
	catResuelto               // it works again
)

// catNames is sized for the impact categories too (impact.go).
var catNames = [32]string{
	catConsulta:      "consulta",
	catConsultaQ:     "consulta",
	catIncidente:     "falla",
	catCritico:       "critico",
	catTotal:         "alcance_total",
	catParcial:       "alcance_parcial",
	catGrupo:         "alcance_grupo",
	catSigue:         "sigue_operando",
	catCosmetico:     "cosmetico",
	catCosmeticoLeve: "cosmetico",
	catLeve:          "leve",
	catUrgencia:      "urgencia",
	catRequerimiento: "requerimiento",
	catFuncionalidad: "funcionalidad",
	catResuelto:      "resuelto",
}

// isFailure reports whether negation, hypotheticals and resolution apply:
// "no se cayó", "si se cae", "se cayó pero ya anda" are not failures now.
func (c category) isFailure() bool {
	switch c {
	case catIncidente, catCritico, catTotal, catCosmetico, catCosmeticoLeve, catUrgencia:
		return true
	}
	return c.isEffect()
}

// severity orders incident cues for the seed's priority table.
type severity int

const (
	sevNone  severity = iota
	sevBaja           // some function, normal operation continues
	sevMedia          // functions affected, the tool is still usable
	sevAlta           // functions affected and the system cannot be used
)

// cueGroup is a set of patterns with one meaning and one weight.
type cueGroup struct {
	cat  category
	w    float64
	sev  severity
	pats []string
}

// macros are word lists shared by many patterns.
var macros = map[string]string{
	// Verbs that, after "no", say something stopped working.
	"falla": "funciona|funcionan|funcione|funcionen|funciono|funcionando|funcionaba|funcionaban|funca|funcan|funcaba|" +
		"anda|andan|andaba|andaban|andando|anduvo|levanta|levantan|levantaba|levanto|carga|cargan|cargaba|cargo|" +
		"abre|abren|abria|responde|responden|respondia|conecta|conectan|registra|registran|graba|graban|grababa|" +
		"guarda|guardan|guardo|marca|marcan|marcaba|sale|salen|salia|entra|entran|entraba|llega|llegan|llegaba|" +
		"aparece|aparecen|aparecio|suena|suenan|exporta|exportan|trae|traen|envia|envian|manda|mandan|reconoce|" +
		"respeta|respetan|muestra|muestran|pesca|inicia|inician|arranca|arrancan|sirve|sirven|toma|toman|enruta|" +
		"deriva|transfiere|genera|generan|actualiza|actualizan|sincroniza|valida|asigna|asignan|recibe|reciben|" +
		"atiende|atienden|descarga|descargan|reproduce|reproducen|corta|cortan|cuelga|cuelgan|figura|figuran|" +
		"autocompleta|completa|calcula|calculan|cuenta|notifica|avisa|filtra|ordena|busca|dispara|termina|cierra|" +
		"lee|detecta|imprime|sube|importa|procesa|acepta|habilita|redirige|discan|disca|contesta|contestan|" +
		"escucha|escuchan|oye|oyen|ve|ven|encuentra|encuentran",
	// Reflexive forms: "no se guarda", "no se escucha".
	"falla_se": "escucha|escuchan|ve|ven|guarda|guardan|graba|graban|carga|cargan|abre|abren|conecta|conectan|" +
		"registra|registran|envia|envian|genera|generan|actualiza|actualizan|muestra|muestran|reproduce|" +
		"descarga|descargan|exporta|exportan|visualiza|visualizan|escucho",
	// What a team does; not being able to do it makes the system unusable.
	"hacer": "trabajar|operar|usar|utilizar|atender|llamar|vender|gestionar|registrar|tipificar|loguear*|logear*|" +
		"login|ingresar|entrar|acceder|monitorear|responder|recibir|marcar|hacer|realizar|cerrar|iniciar|empezar|" +
		"arrancar|conectar*|transferir|derivar|abrir|contestar|hablar|discar|supervisar|cargar+nada",
	// Lesser actions: not being able to do them degrades the tool.
	"hacer_menor": "ver|exportar|sacar|descargar|escuchar|cargar|guardar|crear|editar|imprimir|buscar|adjuntar|" +
		"enviar|mandar|pausar|despausar|grabar|reproducir|filtrar|generar|asignar|agregar|modificar|eliminar|borrar|" +
		"subir|importar|programar|volver",
	// Components without which a team cannot work.
	"nucleo": "crm|softphone|login|discador|marcador|dialer|telefonia|consola|plataforma|sistema|ivr|central|" +
		"modulo|agent+desktop|escritorio|webphone|telefono|telefonos|phones|softphones",
	"hacer_en": "work|operate|use|log|login|access|take|make|receive|call|dial|sell|register|save|open|load|" +
		"monitor|manage|transfer|answer|connect|handle|reach|place|do",
	"poder": "puede|pueden|podemos|puedo|podes|pudo|pudieron|pudimos|se+puede|se+pueden|logra|logran|logramos|" +
		"consigue|consiguen|conseguimos|pueda|puedan|podian|podiamos|podia",
	// The whole system, as opposed to one module of it.
	"todo": "plataforma|sistema|servicio|telefonia|contact+center|call+center|callcenter|central|central+telefonica|" +
		"servidor|servidor+de+telefonia|servidor+de+voz|servidores|platform|system|service|telephony|phones|pbx|" +
		"phone+system|sitio|site",
	// States of being down.
	"caido": "caido|caida|caidos|caidas|abajo|muerto|muerta|fuera+de+servicio|sin+servicio|inaccesible|" +
		"inoperativo|inoperativa|inoperable|parado|parada|detenido|detenida|frenado|frenada|paralizado|paralizada|" +
		"down|offline|unavailable|unreachable|no+responde|no+levanta|no+anda|no+funciona|no+funca|no+carga|" +
		"no+pesca|no+abre|not+responding|not+working",
	"parado": "parado|parada|parados|paradas|detenido|detenida|detenidos|detenidas|frenado|frenada|frenados|" +
		"paralizado|paralizada|paralizados|interrumpido|interrumpida|suspendido|suspendida|caido|caida|caidos|" +
		"muerto|muerta|stopped|halted|interrupted|down",
	"trabado": "pegado|pegada|pegados|pegadas|colgado|colgada|colgados|tildado|tildada|tildados|trabado|trabada|" +
		"trabados|congelado|congelada|congelados|bloqueado|bloqueada|bloqueados|clavado|clavada|lento|lenta|" +
		"cortado|cortada|cortados|cortadas|" +
		"lentos|lentas|frozen|stuck|slow",
	"estar": "esta|estan|estaba|estaban|quedo|quedaron|queda|quedan|sigue|siguen|se+encuentra|se+encuentran|" +
		"is|are|was|went|goes|keeps|seems|parece",
	"gente": "agentes|agente|ejecutivos|ejecutivas|ejecutivo|operadores|operadoras|asesores|puestos|personas|" +
		"usuarios|chicos|chiquillos|agents|users|people|seats|reps",
	"llamadas": "llamada|llamadas|llamado|llamados|calls|call",
	"producto": "plataforma|producto|sistema|softphone|consola|discador|marcador|wallboard|crm|ivr|reporte|" +
		"reportes|monitor|monitores|buscador|herramienta|e+learning|elearning|tablero|modulo|chat|app|" +
		"aplicacion|supervisores|agentes|cola|colas|interfaz|version|web",
	"deseo": "permita|permitan|tenga|tengan|muestre|muestren|incluya|incluyan|soporte|pueda|puedan|avise|traiga|" +
		"integre|funcione|ajuste|sugiera|mande|envie|guarde|agrupe|acepte|ofrezca|reconozca|notifique|" +
		"calcule|exporte|deje|se+pueda|se+puedan",
	"entregable": "reporte|reportes|informe|informes|monitor|monitores|tablero|tableros|dashboard|dashboards|" +
		"panel|report|reports|wallboard|vista",
	"trabajo": "reporte|reportes|informe|informes|monitor|monitores|tablero|tableros|dashboard|campo|campos|boton|" +
		"formulario|formularios|crm|integra*|automatiz*|proceso|procesos|script|capacita*|curso|cursos|" +
		"entrenamiento|training|consultor*|asesor*|webservice|ws|api|desarroll*|modific*|adapt*|field|fields|" +
		"report|integration|flujo|validacion|validaciones|exportacion|interfaz|conector|tablero|panel|vista",
	"pedir": "necesitamos|necesito|necesitariamos|queremos|quiero|quisieramos|quisiera|queriamos|nos+gustaria|" +
		"me+gustaria|pedimos|pido|pedir|solicitamos|solicito|solicitar|requerimos|requiero|precisamos|preciso|" +
		"nos+interesa|nos+interesaria|we+need|we+want|we+d+like|wed+like|we+would+like|i+need|i+d+like|" +
		"could+you+build|can+you+build|podrian+armarnos|podrian+hacernos|nos+pueden+armar|nos+pueden+hacer|" +
		"nos+armen|nos+hagan|nos+desarrollen|armarnos|hacernos|desarrollarnos",
}

// lexicon is every cue. Weights are log-odds-like: about 1.5 for a phrase
// that on its own says what the message is, 0.5 for a hint. Critical cues
// are scored on their own scale, where 2 decides; see decide.
var lexicon = []cueGroup{
	// --- Consulta: how-to questions and doubts. ---
	{catConsulta, 1.5, 0, []string{
		"consulta", "consultita", "consulto", "consultar", "consultarles", "consultamos", "consultarte",
		"pregunta", "preguntita", "preguntar", "preguntarles", "duda", "dudas", "dudita",
		"question", "questions", "wondering",
		"como hago|hacemos|haria|hariamos|puedo|podemos|se|configuro|cambio|saco|veo|agrego|filtro|cargo|exporto|doy|armo|reinicio|recupero|solicito|reporto|reportamos|sabes|se+sabe|le|les|leer|funciona|funcionan|es|activo|habilito|creo|edito|elimino|bajo|subo|descargo|asigno|muevo|uso|pido|obtengo",
		"donde se|veo|encuentro|esta|estan|puedo|configuro|cambio|saco|descargo|consigo|busco|reviso",
		"cual es|son|seria|serian|recomiendan",
		"cuanto tiempo|tiempo|dura|demora|tarda", "cuantos|cuantas",
		"que significa|significan|quiere+decir|es|son|incluye|diferencia|formato|navegador|navegadores|hago|hacemos|recomiendan",
		"para que sirve|sirven",
		"quiero|quisiera|queria|queriamos|queremos|necesito|necesitamos|necesitaba|quisieramos saber|consultar|preguntar|entender|confirmar",
		"saber si|cual|como|cuando|donde|quien",
		"me|nos pueden|podrian|podes|puede|podrias|podran pasar|decir|indicar|explicar|confirmar|recordar|enviar|mandar|compartir|orientar|aclarar",
		"me|nos explican|pasan|indican|confirman|confirmas|recuerdan|mandan|comparten|aclaran|orientan",
		"alguien me|nos puede|podria|explica|dice|indica|sabe", "alguien sabe", "saben cual|que|si|por+que|como", "tengo una duda", "una pregunta",
		"diferencia entre", "se considera", "difference between",
		"^how do|can|to|does|should|would|long|many|much+time|is|are",
		"^where do|can|is|are|should", "^what is|are|does|do|s|happens", "^whats", "^which", "^who is|are|s",
		"ayuda para|con configurar|entender|armar|crear|usar",
		"no encuentro|encontramos|se+donde|se+como",
		"no puedo|podemos encontrar|ubicar|entender",
		"como|donde se configura|configuran|cambia|cambian|agrega|hace|arma|calcula|activa",
	}},
	{catConsultaQ, 1.5, 0, []string{
		"se puede|pueden !seguir", "es posible", "is it possible", "any way", "is there a way|any",
		"hay alguna|algun? forma|manera|opcion|posibilidad|modo|limite", "hay forma|manera",
		"can i|we", "do you|we", "does the|it", "are there", "is there", "tienen|tiene|hay algun|alguna|algunos",
	}},
	{catConsulta, 0.8, 0, []string{
		"manual", "manuales", "documentacion", "guia", "tutorial", "instructivo", "e learning", "elearning",
		"webinar", "webinars", "documentation", "docs",
		"horario|horarios de? atencion|soporte", "telefono|mail|correo|url|link|numero|whatsapp de|del soporte|service+desk|e+learning|la+consola",
		"contrato", "cobertura", "licencias", "renovar", "condiciones comerciales", "plan 7x24|estandar|extendido",
		"focal", "procedimiento", "recomiendan", "recomendacion",
		"es normal", "is it normal",
	}},

	// --- Incidente: something is failing. Severity follows the seed table. ---
	{catIncidente, 1.6, sevAlta, []string{
		"no @poder ~1 @hacer",
		"sin poder @hacer",
		"ningun|ninguna|ninguno|nadie ~3 @poder ~2 @hacer_menor",
		"ningun|ninguna|ninguno|nadie ~2 @falla",
		"no me|te|le|les|nos|lo|la|los|las? @falla ~2 nada|ninguna|ningun|ninguno|nadie !de|del",
		"not coming in|through", "not going out|through", "no @poder ~1 @hacer_menor ~3 nada|ninguna|ningun|ninguno",
		"no anda|andan|funciona|funcionan|funca|levanta|carga|responde|abre|arranca|inicia|conecta el|la|los|las? @nucleo !de",
		"@nucleo ~2 no anda|andan|funciona|funcionan|funca|levanta|carga|responde|abre|arranca|inicia|conecta",
		"no llega|llegan|entra|entran|sale|salen|pasan|recibe|reciben|ingresan @llamadas",
		"ningun|ninguna|ninguno|nadie ~3 @poder ~2 @hacer",
		"nobody|noone|no+one|none+of ~3 can ~1 @hacer_en",
		"no me|nos|les|le|te deja|dejan|permite|permiten",
		"no deja|permite|dejan|permiten @hacer|@hacer_menor",
		"no se @poder ~1 @hacer",
		"cant|cannot|couldnt|can+not|unable+to|not+able+to|cant+even ~1 @hacer_en",
		"@hacer_en nothing", "wont let", "doesnt let|allow",
		"se cayo|cayeron|murio|murieron !la+llamada|las+llamadas|una+llamada|llamadas|la+comunicacion|algunas|un+par",
		"cayo|murio el|la|los|las !llamada|llamadas|comunicacion",
		"dejo|dejaron de funcionar|andar|marcar|responder|funcar|cargar|grabar|atender|entrar|salir",
		"stopped working|responding|dialing|loading",
		"no levanta|levantan|abre|abren|carga|cargan|responde|responden|inicia|inician|arranca|arrancan|conecta|conectan|pesca",
		"@estar ~1 caido|caida|caidos|caidas|abajo|muerto|muerta|inaccesible|inoperativo|inoperativa|down|offline|unavailable",
		"fuera de servicio", "sin servicio|sistema|telefonia|tono|acceso|linea|lineas|conexion|red|internet",
		"no hay|tenemos|tienen|tengo servicio|sistema|telefonia|tono|linea|lineas|conexion|red|internet|audio",
		"@estar ~1 parado|parada|parados|detenido|detenida|frenado|frenada|paralizado|paralizada|interrumpido|interrumpida|bloqueado|bloqueada|bloqueados",
		"wont load|start|open|connect|work|come", "is|are down", "went down", "not loading|receiving|reaching|connecting|saving|opening",
		"pantalla en blanco", "blank screen", "@nucleo|@todo caido|caida|caidos|muerto|muerta",
		"caido|caida el|la|los|las",
	}},
	{catIncidente, 1.5, sevMedia, []string{
		"no me|te|le|les|nos|lo|la|los|las? @falla", "no se @falla_se", "ya no @falla",
		"se me|le|les|nos? cayo|cayeron|corto|cortaron|cae|caen|corta|cortan la|las|una|algunas @llamadas",
		"no se? esta|estan|estaba|estaban *ando|*iendo", "not|isnt|arent|wasnt|werent *ing",
		"no pasa|pasan !nada", "sin audio|sonido|imagen|datos|respuesta",
		"corte|cortes|microcortes|caidas|microcaidas", "cambio|cambiaron|se+cambio|se+movio|se+movieron solo|sola|solos|solas",
		"no @poder ~1 @hacer_menor",
		"cant|cannot|can+not|unable+to|couldnt see|hear|export|download|find+the+recording|print|edit|create|upload|import|transfer",
		"not working", "isnt|arent|wasnt|doesnt|dont|didnt|does+not|do+not|is+not|are+not work|working|load|connect|ring",
		"se me|te|le|les|nos? colgo|colgaron|cuelga|cuelgan|tildo|tildaron|tilda|tildan|trabo|trabaron|traba|traban|congelo|congela|congelan|pego|pegaron|pega|pegan|clavo|clava|cae|caen|corta|cortan|corto|cortaron|desconecta|desconectan|desconecto|desconectaron|reinicia|reinician|cierra|cierran|pierde|pierden|perdio|perdieron|borra|borran|borro|duplica|duplican|duplico|traban|queda+colgado|quedan+colgadas",
		"@estar ~1 @trabado",
		"pegado|pegada|colgado|colgada|tildado|tildada|trabado|trabada|congelado|congelada",
		"error|errores|falla|fallas|fallo|fallando|fallan|fallos|falle",
		"da|tira|tiran|dan|sale|aparece|salta|arroja error|errores",
		"error #n", "error de ~1 conexion|permisos|credenciales|autenticacion|red",
		"fail|fails|failing|failed|failure|broken|crash*|freez*|frozen|hangs|stuck|glitch*|outage",
		"drop|drops|dropped|dropping|disconnect*", "busy tone", "no audio|sound", "one way audio", "one+way audio",
		"cannot|cant be",
		"lento|lenta|lentos|lentas|lentitud|lentisimo|lentisima", "tarda|tardan|tardando|demora|demoran|demoras|delay|retraso|retrasos|lag",
		"slow|slowly", "takes forever", "muchisimo|demasiado tiempo", "tarda mucho|muchisimo",
		"eco", "echo", "entrecortad*", "se escucha|escuchan|oye|oyen ~1 mal|cortado|cortada|cortadas|entrecortado|acelerad*|distorsionad*|robotic*|metalic*|lento|lenta|bajo|bajito", "ruido", "estatica", "silencio", "silence", "static",
		"duplicad*", "duplicate*", "dos veces", "twice", "repetid*",
		"vacio|vacios|vacia|vacias", "empty", "en blanco", "blank",
		"no aparece|aparecen|figura|figuran", "faltan", "missing", "se perdieron|perdio|perdieron|borraron", "desaparecio|desaparecieron",
		"no queda|quedan grabad*|registrad*|guardad*|el+audio",
		"intermitente|intermitentes|intermitentemente|esporadic*", "intermittent*", "a veces", "cada tanto", "de vez en cuando", "sometimes", "every few", "from time to time", "cada #n",
		"problema|problemas|inconveniente|inconvenientes|bug|bugs|issue|issues|problem|problems",
		"anda|funciona|funca|andan|funcionan|works|working mal|horrible|badly|poorly",
		"no respeta|respetan",
		"sigue|siguen marcando|llamando|sonando|sin",
		"rechaza|rechazan", "rebota|rebotan", "se reinicio|reiniciaron",
		"not showing", "not sending|sent", "no se envian|envio|mandan", "not ringing",
	}},
	{catIncidente, 1.2, sevMedia, []string{
		// Participles that describe a broken thing on their own.
		"caido|caida|caidos|caidas|cortado|cortada|cortados|cortadas|roto|rota|rotos|rotas|danado|danada|" +
			"corrupto|corrupta|desconfigurado|desconfigurada|descuadrado|descuadrada|incompleto|incompleta|" +
			"incompletos|incompletas|corrido|corrida|corridos|corridas|desfasado|desfasada|desfasados|desfasadas",
	}},
	{catIncidente, 0.8, sevMedia, []string{
		"advertencia|advertencias|warning|warnings", "incidente|incidencia|incident",
		"dejo|dejaron de *ar|*er|*ir|*arse|*erse|*irse",
		"marca|marcan|marcando|llama|llaman|llamando ~6 lista+de+no+llamar|no+llamar|do+not+call",
		"a|to|para @gente ~3 en+pausa|on+pause|on+break|deslogueados|deslogueado|logged+out|offline",
	}},
	{catIncidente, 0.6, sevMedia, []string{
		"revisar|revisen|revisan|chequear|chequeen|fijarse|fijense|solucionar|solucionen|arreglar|arreglen|reparar|check|fix|look+into",
		"desde ayer|hoy|esta+manana|anoche|las|el+lunes|el+martes|el+miercoles|el+jueves|el+viernes|la+actualizacion|el+update",
		"since yesterday|this+morning|the+update|#n", "desde hace",
	}},

	// --- Critical: the operation is down, or a campaign is fully stopped. ---
	{catCritico, 3.0, sevAlta, []string{
		"se me|nos|le|les|ha|han|haya|habia? cay*|corto|murio|colgo|pego|tildo|caido|cortado|muerto todo !el|la|los|las|de|del",
		"cay*|murio|corto todo !el|la|los|las|de|del",
		"se me|nos|le|les|ha|han|haya|habia? cay*|corto|murio|caido|cortado|muerto todo el|la|los|las? @todo|operacion|piso|oficina|edificio|empresa|sitio",
		"cay*|corto|murio todo el|la|los|las? @todo|operacion|piso|oficina|edificio|empresa|sitio",
		"todo el|la? @todo|operacion|piso|empresa|sitio ~1 caido|caida|abajo|muerto|muerta|parado|parada|detenido|detenida|down",
		"todo ~1 caido|abajo|muerto|parado|pegado|detenido|frenado|colgado|tildado|paralizado|down !el|la|los|las|de|del",
		"esta todo caido|abajo|muerto|parado|pegado|detenido !el|la|los|las|de|del",
		"caida|corte total|general|completa|completo|masiva|masivo|generalizada|generalizado|del+servicio",
		"no @poder operar|trabajar+nadie", "no se puede operar",
		"no @poder ~1 llamar|atender|recibir|marcar|hacer|realizar|hacer+llamadas|realizar+llamadas|sacar+llamadas ni recibir|llamar|atender|hacer|realizar|entrantes|salientes",
		"no entra|entran|sale|salen|llega|llegan ni entra|entran|sale|salen|llega|llegan|salientes|entrantes",
		"ni entrantes|entrada ni salientes|salida", "ni salientes ni entrantes",
		"ninguna @llamadas entra|entrante|entrantes|sale|saliente|salientes|llega|pasa|sale",
		"no entra|sale|llega|pasa ninguna @llamadas",
		"no calls", "no inbound or|nor outbound", "cant make|take|receive or|nor make|take|receive ~1 calls",
		"everything is ~1 down", "everything down", "total outage", "full outage", "complete outage", "we are|re|were totally|completely? down",
		"whole|entire contact+center|call+center|operation|platform|company|site is? down|unavailable",
		"all agents are? down",
	}},
	{catCritico, 2.5, sevAlta, []string{
		"@todo !de ~2 @caido !el|la|los|las|un|una|mis|nuestros|nuestras|ese|esa|sus",
		"se me|nos|le|les|ha|han? cayo|murio|colgo|pego|corto|tildo|perdio|caido el|la|los @todo !de",
		"cayo|cayeron|murio el|la|los @todo !de",
		"no anda|funciona|funca|responde|carga|levanta|pesca|sirve nada !de|del",
		"nada anda|funciona|funca|responde",
		"indisponibilidad", "indisponibles", "outage",
		// Chilean "la media caída" is a big outage, not half of one.
		"la media caida",
		"el|la @todo !de ~1 murio|murieron",
		"operacion ~2 @parado",
		"contact+center|call+center|callcenter|piso|sitio|site|empresa|operation ~1 @parado",
		"estamos ~1 parados|paralizados|caidos|abajo|down",
		"estamos todos sin ~1 sistema|servicio|telefonia|trabajar|poder",
		"#n @gente ~2 parados|paradas|paralizados|mirando|sin+sistema|sin+poder|sin+servicio|sin+trabajar|sin+telefonia|sin+hacer|de+brazos|down|idle|waiting",
		"ningun|ninguna|ninguno|nadie ~3 @poder ~2 llamar|atender|recibir|marcar|hablar|discar|hacer+llamadas|realizar+llamadas|sacar+llamadas|contestar|operar",
		"no @poder ~1 llamar|atender|recibir|marcar|discar|operar ~2 nadie|ningun|ninguna|ninguno",
		// Nobody able to get in at all, with nothing named to get into, is
		// the whole floor unable to work; "nadie puede entrar al módulo de
		// reportes" is one function failing for everyone (alta).
		"ningun|ninguna|ninguno|nadie ~3 @poder ~1 entrar|ingresar|loguearse|loguear|conectarse|logearse !a|al|en|a+la|el|la|los|las|del|de|to",
		"nobody|noone|no+one|none+of+our+agents|none+of+the+agents|none+of+us can ~2 log+in|login|sign+in|get+in|connect !to|into",
		"nobody|noone|no+one|none+of+our+agents|none+of+the+agents|none+of+us|none+of+the+agents can ~2 call|make|take|receive|dial|answer|operate",
		"campana|campanas ~4 @estar ~2 @parado",
		"campana|campanas completamente|totalmente @parado", "campana|campanas @parado|parada|parado",
		"se me|nos|le|les|ha|han? detuvo|paro|freno|cayo|murio|corto|caido|detenido|parado la campana", "campaign ~2 completely|totally|fully? stopped|interrupted|halted|down|dead",
		"discador|marcador|dialer ~2 no marca|disca|esta+marcando nada|a+nadie|ningun",
		"discador|marcador|dialer ~2 dejo de marcar|discar|funcionar",
		"dialer ~2 stopped|not+dialing|isnt+dialing completely|at+all",
	}},
	{catCritico, 1.5, sevAlta, []string{
		"sin telefonia|tono|servicio", "no hay|tenemos|tienen telefonia|tono|servicio",
		"se perdio|perdimos|cayo la conexion con|a el|la @todo",
		"@estar|estamos|quedamos|quedaron|quedaron|estan sin sistema|servicio|telefonia",
		"no podemos|pueden|se+puede|se+pueden|podian|podiamos llamar|atender|recibir|marcar|discar",
		"no entra|entran|sale|salen|llega|llegan @llamadas",
		"no hay @llamadas",
		"@gente ~1 @estar? parados|paradas|paralizados|paralizadas",
		"discador|marcador|dialer ~2 no marca|disca",
		"se perdio la conexion", "lost connection",
		"el|la @todo !de ~1 no responde|responds|not+responding",
	}},
	{catCritico, 1.0, 0, []string{"critico", "critica", "critical", "emergencia", "emergency"}},

	// --- Scope. ---
	{catTotal, 1.0, 0, []string{
		"todos|todas los|las @gente|puestos|usuarios|supervisores|colas|campanas|llamadas|clientes|servidores|troncales|lineas|sucursales|sedes|trunks|lines",
		"toda la operacion|plataforma|empresa|gente|central|telefonia|red", "todo el contact+center|call+center|sitio|piso|sistema|servicio|mundo|equipo",
		"nadie", "ninguno", "ninguna", "ningun", "nada", "ni+una", "ni+uno",
		"completamente", "totalmente", "por completo", "entera", "entero", "completa", "completo",
		"nobody", "no+one", "none", "everyone", "everybody", "anyone", "all agents|users|calls|queues|campaigns",
		"whole", "entire", "completely", "totally", "at all", "para todos", "a todos", "for everyone|all",
		"#n @gente", "ningun @gente",
	}},
	{catParcial, 1.0, 0, []string{
		"un|una|1 agente|ejecutivo|ejecutiva|usuario|usuaria|supervisor|supervisora|operador|operadora|puesto|pc|asesor|asesora|solo",
		"un solo|sola", "una sola", "solo un|una|algunos|algunas|algunas+veces|a|en|para|el|la|los|las",
		"solamente", "unicamente", "algun|alguna agente|ejecutivo|supervisor|usuario|llamada",
		"algunos|algunas|varios|varias|ciertos|ciertas", "pocos|pocas !segundos|minutos|horas|momentos|instantes",
		"dos|tres|2|3 agentes|ejecutivos|puestos|usuarios|supervisores",
		"el|la agente|ejecutivo|ejecutiva|usuario|usuaria|interno #n",
		"el|la agente|ejecutivo|ejecutiva|operador|operadora|asesor|asesora|supervisor|supervisora !de",
		"la|el otra|otro troncal|linea", "excepto", "salvo", "menos el|la|los|las",
		"troncal|troncales #n", "trunk #n",
		"one|an|a+single|single|only+one agent|user|supervisor|seat|extension",
		"some|few|several|certain", "other trunks", "except", "only",
		"la pc|maquina|compu|computadora de", "de un|una agente|ejecutivo|ejecutiva|puesto|usuario|supervisor|supervisora",
		"a un|una agente|ejecutivo|ejecutiva|supervisor|supervisora|usuario",
		"home office", "desde casa",
	}},
	{catGrupo, 1.0, 0, []string{
		"equipo|area|sector|grupo|turno|linea|cola|sucursal|sede de|del", "ese|esa|este|esta equipo|area|sector|grupo|turno|linea|cola",
		"the ~2 team|queue|line|branch",
		// Not "team" alone: "Hi team" greets the support desk.
		"sales|support|billing|collections|chat|email|voice|retention|renewals|backoffice|outbound|inbound|night|morning|afternoon|quality|that|this|their team|teams|queue|queues|branch",
	}},
	{catSigue, 1.0, 0, []string{
		"igual ~1 pueden|podemos|se+puede|siguen|seguimos|trabajan|atienden|funciona|funcionan|anda|andan|entran|pasan|llegan|sale|salen|opera|operan",
		"@falla|trabajan|trabaja|atienden|operan|opera|graba|pasa igual",
		"@poder seguir", "seguimos|siguen|sigue trabajando|operando|atendiendo|saliendo|vendiendo|llamando|funcionando|andando",
		"el resto anda|funciona|funcionan|andan|esta|estan|trabaja|trabajan|graba|bien|ok|normal|se",
		"los|las demas|otros|otras bien|andan|funcionan|si|trabajan|atienden|entran|normal|ok|sin",
		"todo lo demas|otro", "lo demas anda|funciona|bien",
		"el resto", "los|las demas|otros|otras", "los|las otros|otras|otro|otra", "el|la|los|las demas",
		"other agents|queues|ones", "the rest",
		"anda|funciona|andan|funcionan|trabaja|trabajan|atienden|atiende|operan|opera|esta|estan bien|normal|normalmente|ok",
		"no afecta|impide la|a+la operacion|operatoria|atencion|trabajo",
		"still works|working|work", "working fine|normally", "works fine", "work fine", "everything else", "otherwise", "get through",
		"are|is fine", "not blocking", "we can still", "can still",
		"mientras tanto", "a mano", "manualmente", "manually",
	}},

	// --- Cosmetic and minor: the seed's BAJA. ---
	{catCosmetico, 1.2, sevBaja, []string{
		"ortografia|ortografico|ortografica|pronunciacion|tipeo|redaccion", "typo|typos", "errata", "mal escrito|escrita", "misspell*", "spelling",
		"desalinead*", "superpuest*", "overlap*", "pixelad*", "truncad*", "cortado el nombre|texto|titulo",
		"muestra|muestran|aparece|aparecen|sale|salen|figura|figuran|quedo|quedaron|esta|estan|se+ve|se+ven|calcula|cuenta mal",
		"mal calculado|calculada|calculados|sumado", "no coincide|coinciden|cuadra|cuadran|suma",
		"showing|shows|displays|shown wrong|incorrect", "wrong number|numbers|total|totals|label|name|date|translation|data",
		"traduccion|traducido|traducida", "translation", "en ingles", "in english", "mayusculas",
		"mensaje|audio|locucion|texto|saludo viejo|anterior|desactualizado|equivocado|incorrecto|de+otro",
		"viejo de", "desactualizad*", "outdated", "old message",
		"decimales raros", "demasiados|muchos decimales", "diferencia de un|unos|#n segundo|segundos", "a+second off",
		"dice ~2 en+vez+de", "en vez de", "instead of", "sin formato",
		"dice|dicen|pronuncia|pronuncian|escribe|lee mal",
		"muestra|muestran|aparece|aparecen|sale|salen|se+ve|se+ven ~5 cortado|cortada|cortados|incompleto|incompleta|truncado|distinto|raro|rara|otro+color|en+blanco",
		"sale|salen|aparece|aparecen|muestra|muestran en formato|ingles|mayusculas|minusculas|utc|otro+idioma",
		"truncated|misaligned|misspelled|cut+off", "too small|big|large",
		"letra|letras|texto|titulo|nombre|nombres|etiqueta|label ~3 cortad*|desalinead*|superpuest*|truncad*|encimad*",
	}},
	{catCosmeticoLeve, 0.3, sevBaja, []string{
		"color|colores|colour|colours|icono|iconos|icon|tooltip|leyenda|fuente|tipografia|font|label|etiqueta|titulo|encabezado|logo|formato|visual|estetico|cosmetico|cosmetic|columna|columnas|orden|texto|letra|header|title|layout|tamano|size|undefined|decimales",
	}},
	{catLeve, 0.8, sevBaja, []string{
		"nada grave", "no es grave", "nada importante", "no es importante", "sin importancia", "no es urgente", "nada urgente", "sin apuro", "cuando puedan", "cuando tengan tiempo",
		"es menor", "algo menor", "detalle", "detallito", "pequeno detalle", "es un detalle", "minor", "not urgent", "no rush",
		"no molesta", "queda feo", "no big deal", "not+a big deal", "not important", "solo visual", "es solo visual", "cosmetic", "no afecta", "doesnt affect", "does+not affect",
		"no impide", "low priority", "baja prioridad",
	}},
	{catUrgencia, 0.5, 0, []string{
		"urgente", "urgencia", "urge", "urgent", "urgently", "asap", "altiro", "al toque", "ya mismo", "cuanto antes",
		"lo antes posible", "sos", "por favor ayuda", "necesitamos ayuda ya",
	}},

	// --- Requerimiento: quoted work for this client. ---
	{catRequerimiento, 2.0, 0, []string{
		"cotizacion|cotizaciones|cotizar|cotizen|coticen|cotizarlo|cotizarla|cotizarnos|cotizado|cotice|cotizan",
		"presupuesto|presupuestar|presupuestado", "quote|quotation|pricing|estimate",
		"@entregable nuevo|nueva|nuevos|nuevas|a+medida|personalizad*|especific*|custom|propio|propia|exclusivo",
		"nuevo|nueva|custom|personalizado|personalizada|otro|otra @entregable",
		"a medida", "capacitacion|capacitaciones|curso|cursos|training|entrenamiento adicional|adicionales|extra|extras|nueva|nuevas",
		"consultoria|consultorias|consulting|asesoramiento", "horas de desarrollo|consultoria",
		"custom development|report|dashboard|monitor|integration",
	}},
	{catRequerimiento, 1.3, 0, []string{
		"@pedir ~4 @trabajo",
		"desarrollo|desarrollar|desarrollen|desarrollarnos|desarrollo+a+medida", "personalizad*", "customiz*", "custom",
		"cuanto sale|saldria|cuesta|costaria|cobran|cobrarian|vale|valdria", "nos cobrarian", "que|cual costo|precio", "el|que costo|precio|valor",
		"how much would|will|does|is", "how much", "costo|costos|cost|price|precio",
		"requerimiento", "nuevo requerimiento", "proyecto",
		"integrar|integracion|integre|integrate|integration ~3 con|with nuestro|nuestra|nuestros|our|el+sistema+de",
		"integrar|integracion|integrate|integration",
		"automatizar|automatizacion|automatice|automatizado|automate|automation",
		"agregar|sumar|anadir|add|agregarle ~2 campo|campos|boton|opcion|validacion|validaciones|field|fields|button",
		"modificar|modificacion|cambiar|cambio|adaptar|adapt|change|modify ~3 crm|formulario|ficha|flujo|ivr|script|form",
		"contratar", "contratacion", "hire",
		"capacitar|capacitacion|capacitaciones|training|train",
		"exportar|enviar|mandar automaticamente",
	}},
	{catRequerimiento, 2.0, 0, []string{
		"crm|formulario|script|flujo|proceso|integracion|desarrollo nuevo|nueva|a+medida|personalizado|personalizada|especifico|especifica|propio|propia",
	}},
	{catRequerimiento, 0.5, 0, []string{
		"para nuestra|nuestro|nosotros|nuestros|nuestras", "for our", "our team|operation|campaign|company|crm",
		"en|a|de nuestro|nuestra crm|formulario|sistema|base|ficha|ivr|campana",
		"armar|armarnos|armen|hagan|hacernos un|una",
		"automaticamente|automatico|automatica|automaticos|automaticas",
	}},

	// --- Funcionalidad: an improvement for the platform, every client. ---
	{catFuncionalidad, 2.5, 0, []string{
		"seria|estaria|serian muy|re|super|realmente? bueno|buena|util|utiles|genial|ideal|interesante|practico|excelente|lindo|copado|bacan|bacano|piola|buenisimo|conveniente|importante|mejor|fantastico|bueno+que",
		"it|that would be great|nice|useful|awesome|helpful|good|cool|better|ideal",
		"would be great|nice|useful|awesome|helpful|good|cool|ideal", "would love", "would like to see",
		"sugerencia|sugerencias|sugerimos|sugiero|sugerir|sugerida|sugerido", "suggestion|suggestions|suggest|suggested",
		"propuesta|propongo|proponemos|proponer", "feature request", "nueva funcionalidad", "funcionalidad nueva", "new feature",
		"idea de mejora", "mejora sugerida", "mejora para el|la producto|plataforma", "product improvement", "enhancement",
	}},
	{catFuncionalidad, 1.2, 0, []string{
		"que el|la|los|las? @producto ~3 @deseo",
		"que se @deseo", "que se pueda|puedan|permita",
		"proxima|proximas|futura|futuras|nueva|nuevas version|versiones|release",
		"a futuro", "en el futuro", "next|future version|release", "roadmap", "wishlist",
		"para todos los clientes|usuarios", "todos los clientes", "a todos los clientes", "every|all customers|clients|customer|client",
		"idea|ideas", "mejora|mejoras", "improvement", "funcionalidad", "feature",
		"please add|consider", "could you add|consider", "it would help", "wish",
		"nos gustaria|me+gustaria que",
		"podrian|podrias|pueden|podran agregar|sumar|incorporar|incluir|implementar",
		"poder ~3 desde el|la celular|app|movil",
		"le|les serviria a todos", "help every",
	}},

	// --- Resolution: the failure is over. ---
	{catResuelto, 1.0, 0, []string{
		"ahora|ya anda|funciona|andan|funcionan|funca|volvio|volvieron|levanto|responde|esta+bien|esta+ok|esta+andando|esta+funcionando|anda+bien|funciona+bien",
		"ya esta|estan bien|ok|solucionado|resuelto|arreglado|normal|andando|funcionando|operativo",
		"se soluciono|arreglo|normalizo|resolvio|restablecio|recupero|restauro|solucionaron|arreglaron",
		"ya se soluciono|arreglo|normalizo|resolvio|restablecio|recupero",
		"solucionado", "resuelto", "arreglado", "normalizado", "restablecido", "ya volvio", "volvio a funcionar|andar",
		"fixed", "resolved", "restored", "working again", "back up|online|to+normal", "fine now", "works now", "now works",
		"ya no necesitamos|hace+falta",
		"ya|hoy|ahora ~1 anda|andan|funciona|funcionan|esta|estan|va|anduvo bien|normal|ok|joya|perfecto|impecable",
		"ya|hoy|ahora ~2 esta|estan|anda|andan ~1 funcionando|andando|operativo|operativa|normal|bien",
		"funcionando|andando|operativo|operativa|levantado|arriba otra+vez|de+nuevo|nuevamente|normalmente",
		"volvio|volvieron|vuelve a funcionar|andar|operar|la+normalidad", "back to normal", "up again", "working again",
		"lo|la|los|las solucionaron|arreglaron|resolvieron|levantaron|solucionamos|arreglamos|resolvimos",
	}},
}
