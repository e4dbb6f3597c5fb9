package intent

import "supportbot/ticketing"

// Impact reasoning. The critical rule asks two things of a message: what
// stopped (the effect: calls in, calls out, audio, logins, a messaging
// channel, the whole platform, or performance so poor the operation is
// practically stopped), and how much of the operation it reaches (the
// scope: one agent, one team or queue, every one of them, or the client's
// only line or campaign, which is the whole operation told in its own
// terms). Clients tell both in their own words far more often than with
// "se cayó todo", so each has its own cues, shown in Result.Cues as
// "efecto_*:words" and "alcance_*:words", and their combination is a
// first-class reading: a work-stopping effect over the whole operation is
// critical however it is said.

// The effect and scope categories, after the lexicon's own.
const (
	catEfEntrantes   category = iota + catResuelto + 1 // inbound calls do not arrive
	catEfSalientes                                     // nothing dials or goes out
	catEfCorte                                         // every call cut after the same time
	catEfAudio                                         // calls connect with no audio
	catEfAcceso                                        // nobody can log in
	catEfCanal                                         // a messaging channel sends or receives nothing
	catEfPlataforma                                    // the platform itself is down
	catEfRendimiento                                   // so slow the operation is practically stopped
	catEfTelefonia                                     // no tone: the phones, the PBX, the trunks
	catOperacion                                       // scope: the client's only line, campaign or channel; the floor
	catMesaOcupada                                     // the Service Desk line was busy: the client calls for an outage
	catSolucionAlt                                     // a workaround: the work goes on another way
)

func init() {
	for c, name := range map[category]string{
		catEfEntrantes: "efecto_entrantes", catEfSalientes: "efecto_salientes", catEfCorte: "efecto_cortes",
		catEfAudio: "efecto_audio", catEfAcceso: "efecto_acceso", catEfCanal: "efecto_canal",
		catEfPlataforma: "efecto_plataforma", catEfRendimiento: "efecto_rendimiento", catEfTelefonia: "efecto_telefonia",
		catOperacion: "alcance_operacion", catMesaOcupada: "mesa_ocupada", catSolucionAlt: "solucion_alternativa",
	} {
		catNames[c] = name
	}
}

// isEffect reports whether c is a work-stopping effect.
func (c category) isEffect() bool { return c >= catEfEntrantes && c <= catEfTelefonia }

var impactMacros = map[string]string{
	"entrar":   "entra|entran|llega|llegan|ingresa|ingresan|pasa|pasan|ingreso|entro|llego",
	"salir":    "sale|salen|salio|sali|marca|marcan|disca|discan|genera|generan|dispara|disparan",
	"ninguna":  "ninguna|ningun|ninguno|ni+una|ni+un|nada",
	"stopped":  "dead|down|stopped|halted|broken|failing|not+working|out|idle|frozen|stuck",
	"ocupado":  "ocupado|ocupada|da+ocupado|suena+ocupado|no+atiende|no+atienden|no+contesta|no+contestan|no+responde|sin+respuesta|colapsado|colapsada",
	"mesa":     "your+support+number|support+number|support+line|your+line|your+number|your+phone|help+desk|helpdesk|service+desk|servicedesk|mesa+de+ayuda|mesa+de+servicio|mesa|soporte|0800|linea+de+soporte|telefono+de+soporte|telefonos+de+soporte|numero+de+soporte|los+telefonos|el+telefono|la+linea+de+ustedes",
	"unica":    "unica|unico|sola|solo",
	"negocio":  "linea|numero|campana|cola|canal|servicio|operacion|troncal|discado|campanas|lineas",
	"business": "inbound|outbound|line|number|campaign|queue|channel|trunk|service|site|dialer",
	"personas": "agentes|ejecutivos|ejecutivas|operadores|operadoras|asesores|asesoras|puestos|chicos|chiquillos|chiquillas|personas|vendedores|teleoperadores|agents|reps|seats|people|operators|users|usuarios",
}

// impactLexicon is the effect and scope cues, in the lexicon's pattern
// language; lexiconOnce compiles them with the rest.
var impactLexicon = []cueGroup{
	{catEfEntrantes, 1.0, sevAlta, []string{
		"no @entrar ~2 @ninguna|las|una? @llamadas|entrantes|llamada", "@ninguna @llamadas|llamada ~1 entrante|entrantes|entra|llega|ingresa|llegan|entran",
		"no @poder ~1 recibir|atender|tomar|contestar ~2 @llamadas|nada|a+nadie|ninguna",
		"entrantes|inbound ~3 caido|caidas|caida|muerto|muertas|parado|paradas|no+funciona|no+funcionan|no+andan|no+entran|@stopped",
		"no inbound", "inbound ~2 is|are|went? @stopped", "calls ~2 not+coming+in|arent+coming+in|not+getting+through|not+reaching|not+arriving",
		"cant|cannot|unable+to|couldnt take|receive|answer ~1 calls|any", "callers|customers ~3 get|hear|reach busy|silence|nothing|a+busy",
		"no @entrar nada|ninguna|ni+una", "nothing ~1 rings|ringing|comes+in|coming+in|arrives", "#n @personas ~3 no+pueden|no+logran|sin+poder atender|llamar|contestar",
		"ningun|ninguna|ninguno|nadie ~3 @poder ~1 atender|recibir|llamar|contestar|tomar+llamadas", "no tienen|tenemos|hay|reciben|recibimos ~1 @llamadas|llamados|llamadas+entrantes", "rings busy", "no anda|funciona|funca|andan|funcionan el|la|los|las? telefono|telefonos|softphone|anexo|anexos|interno|internos ~1 de? nadie|ninguno|ningun",
		"sin trafico|llamadas entrante|entrantes ~2 ni saliente|salientes", "no recibe|reciben|entra|llega|llegan|tiene trafico|trafico+entrante", "sin trafico", "no registra|registran @llamadas|trafico", "no nos|les|me|le @entrar ~2 @ninguna|las|una|nada? @llamadas|nada",
		"clientes|llamantes|callers|customers ~4 fuera+de+servicio|numero+no+disponible|no+disponible|out+of+service|not+in+service|unavailable", "lost ~2 inbound|routing|all+inbound", "every|all ~1 call|calls ~1 goes|go|going|are+going straight? to voicemail|the+voicemail",
		"van|caen|pasan|se+van directo|directamente? al buzon", "no tenemos|hay salida|entrada ni ~2 entrada|salida",
		"se cayeron|cayeron|cayo|se+cayo las|la|nuestras|nuestra troncales|troncal|lineas", "troncales|troncal|trunks|trunk ~2 caidas|caida|down|dead|failed|se+cayeron|no+registran|not+registering", "0|cero|zero llamadas|calls|llamados ~2 en+curso|en+cola|in+progress|in+queue|entrantes|atendidas|today|hoy",
		"quedan|quedaron|siguen|queda|estan sonando|ringing ~3 sin+que+nadie|y+nadie|nadie|and+nobody|no+one|nobody", "answers|picks+up ~2 then|and ~2 hangs+up|drops|cuts|disconnects", "hangs up on ~1 every|all|each caller|callers|customer|customers|call",
		"no calls ~2 reach|reaching|get+to|getting+to|arrive|arriving|land|landing|come+in|coming+in", "atiende|atienden y ~1 corta|cortan|se+corta", "se corta|cortan|cae ~3 despues+del|tras+el|en+el ivr|mensaje+de+bienvenida|saludo",
		"clientes|llamantes ~3 escuchan|reciben|les+da|les+sale ocupado|tono+de+ocupado|silencio|nada",
		"no recibimos|reciben|recibe|atendemos|atienden ~2 @ninguna|@llamadas|nada",
		"no hemos|han|habiamos|hemos+podido|pudimos podido? atender|recibir|contactar|llamar ~2 a? ningun|ninguna|nadie|ni+un|ni+una",
		"sin servicio telefonico|de+telefonia|de+voz",
		"no tenemos|hay|recibimos|entran llamadas+entrantes|entrantes|inbound", "0800|0810|0600|600|1800|numero+de+atencion|linea+de+atencion|nuestra+linea|nuestro+numero|nuestro+0800 ~2 da|suena|tira|dan|esta ocupado|ocupada|sin+tono|muerto|muerta|caido|caida",
		"no suena|suenan ~2 ningun|ninguno|ninguna|los+telefonos|los+anexos|los+internos|nada", "phones|lines ~2 arent|are+not|not|stopped ringing",
		"cero|0 @llamadas ~2 entrantes|entraron|entran|recibidas", "zero|0 inbound|calls ~1 coming|came|received|offered",
		"calls ~2 wont|dont|arent|fail+to|failing+to|not|do+not|are+not connect|connecting|go+through|going+through|get+through|getting+through",
		"@llamadas no ~1 conectan|se+conectan|enlazan|pasan|llegan|entran", "quedan|se+quedan en ~1 cola|espera ~3 no+se+asignan|no+pasan|sin+asignar|no+llegan|eterna",
	}},
	{catEfSalientes, 1.0, sevAlta, []string{
		"no @salir ~2 @ninguna|las|una? @llamadas|salientes|llamada", "@ninguna @llamadas|llamada ~1 saliente|salientes|sale|salen|sale",
		"no marca|marcan|disca|discan|llama|genera|generan|dispara|esta+marcando|esta+discando|estan+marcando|genero|marco ~2 @ninguna|@llamadas|a+nadie|nadie",
		"@ninguna campana|campanas ~3 marca|marcando|discando|genera|generando|sale|saliendo|funciona|anda",
		"discador|marcador|dialer|campana|campanas ~3 no+marca|no+disca|no+genera|no+esta+marcando|dejo+de+marcar|no+marcan|no+discan|stopped+dialing|not+dialing|isnt+dialing|at+0|at+zero|0+dials|zero+dials",
		"nothing|no+calls ~1 dialing|going+out|goes+out|dialed", "nothing is ~1 going+out|dialing", "no outbound",
		"outbound ~2 is|are|went? @stopped", "stopped dialing", "not dialing", "cant|cannot|unable+to|couldnt make|place|dial ~1 calls|any|out",
		"no @poder ~1 sacar|hacer|realizar|marcar|discar ~1 @llamadas|nada|ninguna", "no sale nada", "no sale ni ~1 una",
		"no @salir ninguna|nada|ni+una", "not|isnt|is+not|arent|are+not calling|dialing ~1 nobody|anyone|anybody|at+all|customers|anything",
		"campaign|campaigns|dialer ~2 is|are not|isnt|arent calling|dialing", "no esta|estan generando|marcando|discando|sacando ~1 @llamadas|nada|ninguna|ningun", "discador|marcador|dialer ~1 no levanta|arranca|inicia|carga|toma ~1 las? campanas|nada|ninguna",
		"hasnt|hadnt|didnt|has+not|did+not|not dialed|dial|placed|place ~2 a|any|since|today|all", "campana|campanas|la+misma|el+mismo ~4 @estar|se+encuentra|se+encuentran ~1 detenida|detenidas|parada|paradas|frenada|caida|sin+marcar|pausada|interrumpida", "dialing|dialer|outbound|campaigns ~2 does+nothing|do+nothing|nothing|is+doing+nothing", "discador|marcador|dialer|campanas ~2 dejo+de+operar|dejo+de+funcionar|dejo+de+discar|dejo+de+marcar|dejaron+de+operar|dejaron+de+marcar",
		"no larga|largan|tira|tiran|saca|sacan|escupe ~2 @llamadas|nada|ninguna", "discador|marcador|dialer|discado ~2 @parado|detenido|caido|muerto|frenado|clavado|pegado|colgado|tildado|trabado|stuck|frozen|dead|stopped|halted",
		"campana|campanas|campaign|campaigns ~3 no+avanza|no+avanzan|sin+movimiento|en+cero|quieta|quietas|at+zero|not+moving|wont+start|no+arranca|no+arrancan",
		"cero|0 @llamadas ~2 salientes|marcadas|discadas|generadas", "zero|0 dials|outbound|calls+dialed|calls+placed",
	}},
	{catEfCorte, 1.0, sevAlta, []string{
		"corta|cortan|corto|cortaron|drops|cuts|dropped|cut ~1 todas|all ~1 las|the? @llamadas|calls",
		"se cortan|cortan|caen|corta|cae ~4 a+los|despues+de|pasados|al+llegar+a|a+los+pocos #n|pocos ~1 segundos|seg|minuto|minutos",
		"cortan|caen|corta|cae|cortaron|cayeron|cortando|cayendo ~4 a+los|despues+de|pasados|al+llegar+a|a+los+pocos #n|pocos ~1 segundos|seg|minuto|minutos",
		"cada|toda ~1 llamada ~4 se+corta|se+cae|se+cortan|cortada|muere", "todas las ~1 @llamadas ~3 se+cortan|se+caen|se+cortaron|se+cayeron|cortadas|mueren",
		"se cortan|cortan|caen ~2 todas|todas+las+llamadas|a+todos", "todas las ~1 @llamadas ~2 se+cortan|se+caen|se+cortaron|se+cayeron|cortadas",
		"drop|drops|cut|cuts|disconnect|disconnects|hang+up|end ~3 at|after #n|exactly",
		"dropping|drop|drops|dropped|cut|cuts|cutting ~2 at|after the? ~2 mark|second|seconds|secs|minute|minutes|mins", "cant|cannot|couldnt finish|complete|hold ~1 a|any|one ~1 single? call", "every call ~2 drops|dropped|cut|cuts|disconnects",
		"all calls ~2 drop|dropping|dropped|cut|cut+off|disconnect|disconnecting",
	}},
	{catEfAudio, 1.0, sevAlta, []string{
		"sin audio|sonido|voz", "no hay audio|sonido|voz", "no se ~1 escucha|escuchan|oye|oyen ~2 nada|nadie|en+ninguna|en+ningun|en+todas",
		"no nos|los|les|me|te|le ~1 escuchan|escucha|oyen|oye", "ningun|ninguna|ninguno|nadie ~3 @poder ~1 escuchar|oir|hablar !las|los|la|el|grabaciones|audios",
		"no @poder ~1 escuchar|oir ~2 a+los+clientes|al+cliente|nada|a+nadie", "nobody|no+one|none+of+the+agents|agents ~2 can+hear|cant+hear|can+not+hear|hears", "no escuchan|escuchamos|oyen|oimos|escucha ~2 nada|a+nadie|al+cliente|a+los+clientes|a+los+agentes|a+los+ejecutivos",
		"audio ~3 un+solo+lado|una+sola+via|una+via|unidireccional|one+way|mudo", "llamadas mudas", "silencio total",
		"no audio|sound|voice", "one way audio", "one+way audio", "hear nothing|silence", "cant|cannot|dont|couldnt hear ~2 callers|customers|agents|anything|each+other", "dead air",
	}},
	{catEfAcceso, 1.0, sevAlta, []string{
		"no @poder ~2 loguear*|logear*|login|iniciar+sesion|entrar|ingresar|acceder|conectarse|conectar",
		"usuario|usuarios|credenciales|contrasena|password ~2 invalido|invalida|invalidos|invalidas|incorrecto|incorrecta|incorrectas|bloqueado|bloqueados|rechazada|rechazadas",
		"cant|cannot|unable+to|couldnt|cant+even log|login|sign|access|get+in", "login|logins|sign+in|sso ~2 loop|loops|fails|failing|broken|down|rejected",
		"no permite|deja|dejan|permiten ~2 el|la? ingreso|acceso|login|entrar|ingresar ~2 de|a ~1 ningun|ninguna|nadie|los",
		"imposibilidad|imposible de? ~1 conexion|conectarse|conectar|ingresar|ingreso|acceso|login|acceder|loguearse",
		"ningun|ninguna|ninguno|nadie ~3 @poder ~2 loguear*|logear*|login|iniciar+sesion|entrar|ingresar|acceder|conectarse|conectar",
		"no|none+of+the|none+of+our agent|agents|one|user|users ~1 can|could ~2 log|login|sign|access|get+in", "sin poder loguearse|loguear|logearse|entrar|ingresar|conectarse|acceder", "sso loop", "locked out", "estamos|quedamos|quedaron|estan todos? ~1 afuera|fuera+del+sistema|sin+poder+entrar|sin+acceso",
		"queda|quedan|se+queda|se+quedan girando|cargando|en+blanco", "no abre|abren|carga|cargan|levanta ~2 el|la? consola|agent+desktop|escritorio|softphone|login|pantalla|programa|aplicacion|app|sistema",
		"cannot|cant|can+not to log|login|enter|access|connect",
	}},
	{catEfCanal, 1.0, sevAlta, []string{
		"no @entrar|@salir|se+envia|se+envian|envia|envian|se+entrega|se+entregan ~2 @ninguna|los|las|un|una? mensaje|mensajes|whatsapp|whatsapps|chat|chats|sms|mails|correos|wsp",
		"mensajes|whatsapp|whatsapps|wsp|chats|sms ~3 no+salen|no+llegan|no+entran|quedan+en+enviando|quedan+enviando|en+enviando|quedan+pendientes|no+se+envian|no+se+entregan|not+going+out|not+delivered|stuck|not+sending|failing|arent+going+out",
		"no message|messages ~1 goes|go|going|is|are ~1 out|through|sent|delivered", "nothing ~2 going+out|sent|delivered",
		"whatsapp|conversations|messages|chats|mensajes|conversaciones ~2 stopped|dejaron+de flowing|coming|arriving|going|being+delivered|fluir|llegar|entrar|salir",
		"email|mail|correo|correos|mails|emails|sms|chat|webchat ~1 channel|canal|queue|cola? ~2 is|are|esta? dead|down|caido|caida|muerto|muerta|not+sending|not+receiving|no+envia|no+recibe|no+baja|no+entra",
		"whatsapp|wsp|chat|sms ~2 caido|caida|muerto|muerta|down|dead|no+funciona|no+anda|not+working|parado",
		"no @poder ~1 responder|enviar|mandar|contestar ~2 chats|mensajes|whatsapp|whatsapps|ningun+chat|ningun+mensaje",
		"quedan|quedaron|queda en enviando", "messages|whatsapps|whatsapp|chats|sms ~2 stuck|pending|undelivered|not+delivered|not+being+delivered|on+one+tick|one+tick",
		"nothing|nothings|no+message|no+messages ~2 being|is|are ~1 delivered|sent|going+out",
	}},
	{catEfPlataforma, 1.0, sevAlta, []string{
		"@todo|consola|agent+desktop ~2 @caido|ko", "no levanta|abre|carga|responde|anda|funciona el|la @todo|consola|agent+desktop",
		"no tenemos|hay sistema|plataforma|servicio", "sin sistema|plataforma|servicio",
		"error 500|502|503|504", "platform|system|site|server|console ~2 is|are? down|dead|unreachable|inaccessible|not+loading|offline",
		"ningun|ninguna|ninguno puesto|pc|telefono|interno|anexo|maquina|computadora ~1 funciona|anda|levanta|tiene+tono|tiene+sistema|responde",
		"we have|got no system", "se cayo|cayo|murio|se+murio el|la server|servidor|plataforma|sistema", "plataforma|sistema|consola muerta|muerto|caida|caido",
	}},
	// The phones themselves: no tone, the PBX or the trunks down. Calls
	// cannot flow, as with the effects above.
	{catEfTelefonia, 1.0, sevAlta, []string{
		"no tenemos|hay tono|telefonia|linea|lineas", "sin tono|telefonia|lineas", "we have|got no phones|telephony|dial+tone|lines",
		"se cayo|cayo|murio|se+murio el|la central|pbx|conmutador", "central|pbx|conmutador|telefonia ~2 @caido|muerta|muerto|ko",
		"telefonos|anexos|internos ~2 muertos|mudos|sin+tono|caidos|no+andan|no+funcionan", "no dial tone", "dial tone ~2 gone|missing",
		"phones|pbx|telephony|lines ~4 dead|silent|down|offline", "se reinicia|reinicia|reinician ~2 la|el? central|pbx|conmutador|servidor+de+telefonia",
		"no abre|abren|carga|cargan en ninguna|ningun pc|puesto|maquina|computadora",
	}},
	{catEfRendimiento, 1.0, sevAlta, []string{
		"en la practica|los+hechos ~3 parados|detenidos|detenida|detenido|parada|parado|frenados|frenada|sin+trabajar|no+trabajamos|paralizados|paralizada",
		"lentitud severa|extrema|total|terrible|tremenda", "demora|demoran|tarda|tardan minutos ~2 en+cada|por+cada|cada",
		"unable+to|cant|cannot|couldnt|can+not operate|work", "sin poder trabajar|operar|atender", "no funciona|anda|funca|sirve nada",
		"takes|took|taking #n|a|two|three ~1 mins|minutes|min|minute ~2 to ~1 get|connect|load|place|answer|dial",
		"basically|practically|effectively|virtually ~1 not+working|not+operating|stopped|down|idle|dead",
		"practicamente|de+hecho|virtualmente ~3 parados|detenidos|detenida|detenido|parada|parado|frenados|frenada|sin+trabajar|no+trabajamos|paralizados|paralizada|caido|caida",
		"effectively|basically|practically|virtually ~2 down|dead|stopped|halted|idle|unusable|offline",
		"unusable", "inutilizable|inusable|imposible+trabajar|imposible+operar", "no se puede trabajar|operar", "no podemos trabajar|operar",
		"una llamada cada #n|dos|tres|cinco|diez", "#n call|calls ~1 every|per ~2 min|mins|minutes|hour", "one call every|per",
		"tarda|tardan|demora|demoran|tardando|demorando ~3 #n|un|mas+de|casi ~1 minutos|minuto|min ~3 cada|por|en+pasar|en+conectar|en+entrar|en+cargar",
		"crawling", "crawl", "unusably slow", "so slow ~5 cant|cannot|nobody|idle|nothing|effectively",
		"tan lento|lenta|lentos ~5 no+se+puede|parados|imposible|nadie|detenidos",
		"atendimos|hicimos|sacamos|cursamos #n llamadas ~4 cuando|en+vez|normal|normalmente|lo+normal",
		"se congela|congelan|tilda|tildan ~4 todos|todas|a+todos|en+todos",
	}},
	{catOperacion, 1.0, 0, []string{
		"nuestra|nuestro|la|el|una|un @unica @negocio", "@unica @negocio que tenemos|activa|activo|hay", "tenemos solo|solamente|unicamente|nomas|una+sola ~1 la|una|un|el|esa? campana|linea|cola|canal|numero|troncal",
		"es|son|era ~1 toda|todo ~1 nuestra|nuestro|la|el? operacion|negocio|atencion|facturacion",
		"toda|todo ~1 nuestra|nuestro operacion|negocio|atencion", "la totalidad de ~1 la|nuestra? operacion|atencion|los+puestos|los+agentes|la+gente",
		"toda la operacion|atencion|gente|oficina", "todo el piso|turno|call|callcenter|contact+center|equipo", "el piso ~2 @parado|sin+trabajar|esta+parado|entero",
		"solo|solamente|unicamente|exclusivamente atendemos|trabajamos|operamos|vendemos|somos|hacemos|usamos ~2 por|de|con|via|en whatsapp|chat|telefono|outbound|inbound|wsp|mensajes|ese",
		"operacion|atencion|somos ~3 100|exclusivamente|exclusiva|solamente ~2 whatsapp|chat|outbound|inbound|telefonica|de+whatsapp|por+whatsapp|de+chat",
		"our only|one|sole|single ~1 @business", "contact+centre|contact+center|call+center|callcenter|operation|we ~3 unable+to|cannot|cant|couldnt|can+not operate|work",
		"somos|es|operacion|atencion outbound|inbound|chat|whatsapp|telefonica ~1 puro|pura|solamente|nomas|no+mas|only|exclusivamente", "only @business we+have|we+run|we+use", "the only @business",
		"is|are|was the|our? whole|entire operation|business", "our whole|entire operation|business|floor|site|center|company",
		"we only serve|work|sell|operate|do|take ~2 via|by|through|on|over|with", "we re|are an? whatsapp|chat|outbound|inbound only", "were|we+are|we+re an? whatsapp|chat|outbound|inbound|sms|email|phone ~1 only",
		"were|we+are|we+re ~2 not working|operating|taking+calls|able+to+work|serving+anyone", "depende|dependemos|depends|rely ~2 de|on ~1 una|un|esa|esta|esa+unica|our|one|a unica|unico|sola|solo|single|only|one",
		"centro de ~1 contacto|llamadas ~2 sin|caido|detenido|parado|fuera|inactivo", "operacion|atencion ~2 afectada|detenida|caida ~2 al|en 100|completo|completa|total",
		"whole|entire floor|site|center|operation|company|team|shift|turno", "full stop",
		"piso|turno|call|operacion|floor|servicio|sistema completo|completa|entero|entera",
		"we|were are|re? stop|stopped|stoped|stopping|blocked", "we have|got only ~1 one|a|a+single campaign|line|queue|number|channel", "our|the only one", "nuestra|la unica",
		"across|throughout the|our? site|floor|office|building|center|operation", "en todo el|la piso|sitio|oficina|edificio|call|callcenter|operacion",
		"#n @personas ~3 esperando|mirando|parados|paradas|conectados|sin+trabajar|de+brazos+cruzados|idle|waiting|sitting|con+los+brazos|inactivas|inactivos|sin+actividad|ociosos|ociosas|inactive",
		"estamos|quedamos|estan|quedaron todos|todas ~2 parados|paradas|mirando|esperando|sin+trabajar|afuera|detenidos",
		"todos|todas los|las @personas ~3 esperando|mirando|parados|paradas|sin+trabajar|afuera",
		"floor ~1 is|sits|sitting? idle|dead|down|stopped|empty", "all|every the? agents ~2 idle|sitting+idle|waiting|just+sitting", "everyone|everybody ~1 is? idle|waiting|sitting",
		"nadie trabaja|esta+trabajando|atiende|puede+trabajar|esta+atendiendo|puede+operar|puede+atender", "no estamos atendiendo|trabajando|operando|vendiendo|llamando ~1 nada|a+nadie",
		"estamos|quedamos|quedo|esta|quedo+la+operacion ~1 parados|detenidos|frenados|paralizados|sin+trabajar|sin+operar|de+brazos+cruzados|totalmente+parados|completamente+parados|sin+sistema|sin+telefonia|sin+servicio|sin+lineas|sin+linea|sin+tono|incomunicados",
		"toda la empresa|gente|oficina", "estamos|quedamos|estan sin poder trabajar|operar|atender|llamar|hacer+nada",
		"todas|todos nuestras|nuestros campanas|colas|lineas|servicios|agentes|puestos", "son|es todas|todos ~1 nuestras|nuestros|las|los campanas|colas|lineas|servicios", "la empresa entera", "el|la call|contact+center|callcenter|oficina|operacion|empresa entero|entera|completo|completa",
		"100 por? de ~1 la|nuestra|los operacion|agentes|puestos|atencion", "all of us", "the whole place|company|building|office",
		"operacion|operatoria|atencion ~3 detenida|parada|frenada|interrumpida|paralizada|sin+trabajar|caida|suspendida|afectada+por+completo|sin+atencion|sin+servicio|sin+actividad|inactiva|sin+atender",
		"we re|are|were ~1 stopped|down|dead|halted|idle|at+a+standstill|dead+in+the+water|not+operating|out+of+business",
		"operations|operation|ops ~2 halted|stopped|down|dead|at+a+standstill|paralyzed|frozen", "at a standstill", "dead in the water",
	}},
	// Everyone, told by place or direction: narrowed by a team or a queue
	// named beside it ("en ningún puesto del equipo de cobranzas").
	{catTotal, 0.5, 0, []string{
		"en todos los|todas+las puestos|internos|anexos|pcs|ejecutivos|agentes|maquinas|computadoras|sedes|campanas|colas|servicios",
		"en ningun|ninguna puesto|interno|anexo|pc|maquina|computadora|servicio|campana|cola",
		"in|on|at|across every|all agent|agents|seat|seats|desk|desks|extension|extensions|station|stations|queues|campaigns|sites",
		"on|in|at any campaign|queue|line|workstation|workstations|desk|seat|phone|extension|station", "every agent|seat|desk|extension|queue|campaign|caller|customer|call", "all #n agents|seats|reps",
		"ni entrantes ni salientes", "entrantes y salientes", "entrante ni saliente", "all of them", "todos ellos", "salida|entrada ni entrada|salida", "las|nuestras|todas+las troncales|lineas", "both directions|ways", "in and out", "inbound and outbound", "ni entra ni sale",
	}},
	{catMesaOcupada, 1.0, 0, []string{
		"@mesa ~4 @ocupado", "@mesa ~4 busy|engaged|no+answer|not+answering|rings+out|ringing+out|keeps+ringing|nobody+answers|no+one+answers|unanswered",
		"llamamos|llame|llamando|intentamos|intente|tratamos|trate|estuvimos+llamando ~5 ocupado|no+atienden|no+atiende|no+contestan|no+contesta",
		"escribo|escribimos|escribir por|aca|este ~4 porque|ya+que ~4 no+atienden|ocupado|no+contestan|no+me+atienden|no+nos+atienden",
		"couldnt|cant|cannot|could+not get through ~3 service|support|your|the ~1 desk|line|phone|number", "tried|trying|called ~4 service+desk|your+line|your+phone|support+line|the+phones|the+service+desk ~3 busy|no+answer|engaged|nobody",
		"line ~1 busy ~4 so|hence|writing|posting|here",
	}},
	{catSolucionAlt, 1.0, 0, []string{
		"mientras tanto|tanto+lo|tanto+la|tanto+los|tanto+las", "por ahora ~3 lo|la|los|las|usamos|estamos|vamos|hacemos|pasamos|sacamos|armamos",
		"a mano", "manualmente", "como alternativa", "alternativa", "workaround", "meanwhile", "for now", "in the meantime",
		"lo|la|los|las estamos ~1 sacando|armando|haciendo|rearmando|copiando|pasando", "le|les pasamos las? llamadas a otro",
		"we re|are copying|doing|using|pulling|working+around", "moved|switched ~2 him|her|them|the+agent ~2 to another",
		"la|lo pasamos a otro|otra", "desde otro|otra puesto|pc|navegador|maquina",
	}},
}

// The misreadings the impact cues sit beside: a narrower scope told as a
// campaign, site or queue; the rest still working; a wish phrased as a
// complaint; a price or licence question; the cause of an outage that is
// over.
var impactScopeLexicon = []cueGroup{
	{catGrupo, 1.0, 0, []string{
		"sede|sucursal|oficina|office|planta de|del|in|at", "the|that|this ~2 campaign|queue", "la|esa sede|sucursal|cola !de", "the ~2 site|office|branch|sede",
	}},
	{catSigue, 1.0, 0, []string{
		"rest of ~1 the? campaigns|queues|sites|agents|floor|team", "resto de ~1 las|los? sucursales|sedes|colas|campanas|equipos|servicios", "other campaigns|queues|sites|teams ~2 ok|fine|running|working|normal|are",
		"las|los demas|otras|otros campanas|colas|sedes|sucursales|equipos|servicios", "se trabaja|trabaja|opera|atiende normal|bien|sin+problemas",
		"funcionan|funciona|andan|trabajan|operan con normalidad", "con normalidad", "todo lo demas|lo+demas ok|bien|normal",
		"hq|headquarters|others ~1 fine|ok|normal", "sin problemas",
		"sigue|siguen|seguimos normal|normalmente|igual|bien|funcionando|operando|atendiendo", "todo normal|bien|ok|anda|funciona|joya|impeque",
		"site|office|branch|sede|sucursal|oficina ~2 is+working|works|working|is+fine|is+ok|ok|normal|trabaja|anda|funciona|opera|bien",
	}},
	// How often: a failure now and then is not the operation stopped.
	{catParcial, 1.0, 0, []string{
		"de vez en cuando", "a veces", "cada tanto", "cada tanto", "pasa poco", "no es siempre", "not always",
		"sometimes", "occasionally", "now and then", "from time to time", "intermitente|intermitentes|intermitentemente|intermittent|intermittently",
		"couple of agents|calls|users|people|seats|times|ejecutivos", "un par de",
		"one of our|the|my ~1 guys|agents|reps|users|girls|staff|operators|people|team", "uno|una de los|las|nuestros|nuestras|mis chicos|chicas|agentes|ejecutivos|ejecutivas|operadores|operadoras",
		"his|her headset|phone|pc|computer|desk|laptop|softphone|line|extension", "su vincha|headset|auricular|pc|compu|computadora|notebook|puesto|interno|anexo", "una llamada !cada|por|every|per", "one call !every|per|each",
	}},
	// The phones still working narrow an outage to one channel or module
	// without making it minor: "el CRM no guarda para nadie, la voz anda"
	// is a function down for everyone (alta), not the operation.
	{catGrupo, 1.0, 0, []string{
		"voz|voice|telefonia|phones|calls|llamadas|telephony ~1 works|working|is+working|are+working|are+fine|is+fine|fine|ok|anda|andan|funciona|funcionan|sigue|siguen|bien|normal",
		"los|las de voz|telefonia|llamadas trabajan|atienden|siguen|andan|bien|normal",
	}},
	{catFuncionalidad, 2.0, 0, []string{
		"no puede ser que ~4 no|haya+que|tengamos+que|todavia|aun",
		"es increible|absurdo|ridiculo que ~4 no", "why cant|cannot we|i|you", "why doesnt|does+not|isnt|is+not|dont|wont ~2 the|it|your ~3 let|allow|have|support|show|offer",
		"why is|isnt there no|a", "why no", "its|it+s|it+is absurd|ridiculous|crazy|incredible ~3 no|cant|not|there",
		"por que no ~1 se? puede|podemos|pueden|permite|deja|tiene|hay", "por que la|el ~2 no ~1 permite|deja|tiene|trae|muestra",
		"deberia|deberian|tendria|tendrian que? ~2 estar|tener|permitir|agregar|incluir|venir", "should be|have ~3 in+the+product|for+everyone|built+in|standard",
	}},
	{catIncidente, 0.6, sevBaja, []string{"corregir|corrijan|corrigen|corregirlo|corregirla|corrijanlo"}},
	{catConsulta, 2.0, 0, []string{
		"que|cual|which|what version|versiones|versions ~3 soporta|soportan|es+compatible|usa|usan|tiene|requiere|supports|support|is+supported|do+you+support",
		"licencia|licencias|license|licenses|licensing|seat|seats|puesto|puestos ~4 cuanto|precio|costo|cost|price|vale|sale|saldria|cuesta|valor",
		"cuanto|precio|costo|price|cost|how+much ~5 licencia|licencias|license|licenses|seat|seats|puesto|puestos+adicionales",
		"price per|of|for an? extra|additional|more? agent|seat|license", "descuento por volumen",
		"causa|motivo|cause|root+cause|rca|post+mortem|postmortem ~4 de|del|of|for ~2 la|el|the|yesterday ~2 caida|corte|incidente|outage|problema|falla|caidas|cortes",
		"saber|conocer|know ~3 la? causa|motivo|que+paso|que+fue+lo+que+paso|what+happened|root+cause", "informe|reporte|report ~3 con|de ~1 la? causa|motivo|root+cause",
		"could|can|would you tell|show|explain us|me how|where|what|whether|if|which", "need the root cause|rca", "causa raiz", "root cause", "que fue lo que paso", "what happened ~2 yesterday|earlier",
		"share|send|tell|give|need|want|provide ~3 the|a? root+cause|rca|cause|incident+report|post+mortem|postmortem",
		"pasar|pasen|enviar|envien|mandar|manden|compartir|compartan|saber|conocer|necesitamos|queremos ~3 la|el? causa|motivo|informe+del+incidente|informe+de+la+caida|reporte+del+incidente",
	}},
}

// readImpact sets the analysis' effect and scope reading from its cues.
// It runs after every cue was weighed, so negated, hypothetical and
// resolved effects do not count.
func (a *analysis) readImpact(lex *compiled) {
	for _, m := range a.ms {
		cu := &lex.cues[m.id]
		live := m.why == ""
		switch {
		case cu.cat.isEffect() && live:
			a.effect = true
			switch cu.cat {
			case catEfEntrantes, catEfSalientes, catEfCorte, catEfAudio, catEfTelefonia:
				a.hardEffect = true
			case catEfPlataforma:
				a.platform = true
			}
		case cu.cat == catOperacion && live:
			a.operation = true
		case cu.cat == catMesaOcupada && live:
			a.deskBusy = true
		case cu.cat == catSolucionAlt && live:
			a.workaround = true
		}
	}
	// The whole operation: told as such, or as everyone with nothing
	// narrowing it to one agent, team or queue.
	// Calls that cannot flow stop a contact center wherever they reach
	// everyone; logins, a platform that does not load, one messaging
	// channel or slowness may leave the rest of the work going, so they
	// stop the operation only when the client says the operation itself
	// is stopped ("solo atendemos por WhatsApp", "estamos todos parados").
	whole := a.operation || a.everyone && !a.partial && !a.group && !a.individual
	a.impact = a.hardEffect && whole && !(a.partial && !a.operation) || a.effect && a.operation ||
		a.effect && a.crit >= critThreshold && !a.partial && !a.group && !a.individual
	// A call-stopping effect that nothing narrows ("no entran llamadas")
	// may be the whole operation: worth the question, not a ticket.
	a.maybeImpact = !a.impact && a.hardEffect && !a.partial && !a.group && !a.individual
	if a.deskBusy && (a.effect || a.crit > 0 || a.hi == sevAlta) {
		// Writing because the Service Desk line is busy is writing during
		// an outage: the client was calling the number kept for them.
		a.impact = true
	}
	if a.impact {
		a.crit = max(a.crit, critThreshold+1)
		a.everyone = true
	}
}

// impactPriority is the seed table applied to effect and scope, where they
// decide it: "" leaves the model's reading.
func (a *analysis) impactPriority() ticketing.Priority {
	switch {
	case a.effect && a.group && !a.individual && !a.workaround:
		// One whole queue, campaign, site or team unable to work.
		return ticketing.PriorityAlta
	case a.workaround && !a.impact:
		// The work goes on another way: the tool remains usable.
		return ticketing.PriorityMedia
	}
	return ""
}
