// Command gencorpus writes corpus/broad.jsonl, the part of the training
// corpus composed from parts rather than written one message at a time.
//
// Each family pairs what is wrong (or asked, or wanted) with how far it
// reaches: one channel for everyone, one agent, the whole floor. The same
// symptom appears with several scopes and each scope with many symptoms,
// so the model learns the scope and the impact that decide a priority,
// not the nouns. Every message is then dressed in a style (greeting,
// signature, no accents, capitals, typos, Chilean or Argentine fillers,
// a spoken run-on), because clients write every kind of case in every
// style. The output is deterministic: run `go generate ./ticketing/intent/`
// and the file is the same bit for bit.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"
)

type example struct {
	Text     string `json:"text"`
	Kind     string `json:"kind"`
	Priority string `json:"priority,omitempty"`
	Family   string `json:"family"`
}

// family is one way of composing messages of one label.
type family struct {
	name, kind, prio string
	n                int
	en               bool
	make             func(r *rng) string
}

type rng struct{ *rand.Rand }

func (r *rng) pick(xs ...string) string { return xs[r.IntN(len(xs))] }

func (r *rng) of(xs []string) string { return xs[r.IntN(len(xs))] }

func (r *rng) maybe(p float64, s string) string {
	if r.Float64() < p {
		return s
	}
	return ""
}

func main() {
	out := flag.String("o", "corpus/broad.jsonl", "output file")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	r := &rng{rand.New(rand.NewPCG(15, 2))}
	var b strings.Builder
	seen := map[string]bool{}
	for _, f := range families {
		var lines [][]byte
		for made, tries := 0, 0; made < f.n && tries < f.n*20; tries++ {
			t := dress(r, f.make(r), f.en)
			key := strings.ToLower(t)
			if seen[key] {
				continue
			}
			seen[key] = true
			line, err := json.Marshal(example{Text: t, Kind: f.kind, Priority: f.prio, Family: f.name})
			if err != nil {
				return err
			}
			lines = append(lines, line)
			made++
		}
		for _, line := range spread(lines, keep) {
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// keep is the share of each family's messages written out. The corpus is
// mostly hand-written now; composed messages are kept only as far as the
// labelled sets' floors need them (the scope and priority conventions of
// the earlier held-out files). Every family is composed whole and then
// thinned, so its random stream, and what is kept, do not change when
// another family's size does.
const keep = 0.5

// spread keeps round(len*share) of xs, evenly spaced from the first.
func spread[T any](xs []T, share float64) []T {
	n := int(math.Round(float64(len(xs)) * share))
	if n <= 0 {
		return nil
	}
	step := float64(len(xs)) / float64(n)
	out := make([]T, 0, n)
	for i := range n {
		out = append(out, xs[int(float64(i)*step)])
	}
	return out
}

// dress wraps a message in a style.
func dress(r *rng, s string, en bool) string {
	s = strings.TrimSpace(s)
	if en {
		s = r.maybe(0.35, r.of(greetEN)+" ") + s + r.maybe(0.3, r.of(signEN))
	} else {
		s = r.maybe(0.4, r.of(greetES)+" ") + s + r.maybe(0.3, r.of(signES))
		if r.Float64() < 0.12 {
			s += " " + r.pick("po", "cachai?", "al tiro porfa", "che", "wn", "porfa", "xfa", "gracias", "😩", "🙏")
		}
	}
	switch x := r.Float64(); {
	case x < 0.18:
		s = unaccent(s)
	case x < 0.24:
		s = strings.ToUpper(s)
	case x < 0.36:
		s = typo(r, s)
	case x < 0.42 && !en:
		s = spoken(r, s)
	case x < 0.50:
		s = strings.ToLower(unaccent(s))
	}
	return s
}

func unaccent(s string) string {
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "¿", "", "¡", "",
		"Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U").Replace(s)
}

// typo swaps, drops or doubles a letter in one or two longer words.
func typo(r *rng, s string) string {
	w := strings.Fields(s)
	for range 1 + r.IntN(2) {
		i := r.IntN(len(w))
		rs := []rune(w[i])
		if len(rs) < 5 || !unicode.IsLetter(rs[1]) || !unicode.IsLetter(rs[2]) {
			continue
		}
		j := 1 + r.IntN(len(rs)-3)
		switch r.IntN(3) {
		case 0:
			rs[j], rs[j+1] = rs[j+1], rs[j]
		case 1:
			rs = append(rs[:j], rs[j+1:]...)
		default:
			rs = append(rs[:j+1], rs[j:]...)
		}
		w[i] = string(rs)
	}
	return strings.Join(w, " ")
}

// spoken turns a message into a voice-note transcript: no punctuation,
// fillers between clauses.
func spoken(r *rng, s string) string {
	s = strings.NewReplacer(",", " "+r.pick("eh", "o sea", "y", "bueno")+" ", ".", " y ", "!", "", "?", "", "¿", "", "¡", "", ":", "").Replace(s)
	return r.pick("bueno ", "hola sí ", "eh hola ", "mirá ", "te cuento que ") + strings.ToLower(s) + r.pick("", " eso", " nada eso gracias", " avisame")
}

var (
	greetES = []string{"Hola,", "Hola!", "Buenas,", "Buen día,", "Buenas tardes.", "Estimados, junto con saludar:", "Hola equipo,", "Qué tal,", "Wena,", "Hola chicos,", "Estimado Focal:", "Buenos días, espero que estén bien.", "hola buenas", "Holaa"}
	signES  = []string{" Saludos.", " Gracias!", "\nSaludos cordiales,\nMarcela Díaz\nSupervisora de Operaciones", "\nAtte.\nRodrigo Pérez | Jefe de Plataforma", " Quedo atenta.", " Quedo atento a sus comentarios.", " Slds", " Gracias, saludos", "\n--\nEnviado desde mi celular", " Muchas gracias de antemano."}
	greetEN = []string{"Hi,", "Hello team,", "Hey,", "Good morning,", "Hi there,", "Dear support,", "hey guys", "Hi all,"}
	signEN  = []string{" Thanks.", " Thanks in advance!", "\nBest regards,\nSarah Collins\nContact Center Manager", " Cheers", "\n--\nSent from my iPhone", " Regards, Tom", " Appreciate the help."}
)

// ---- what can fail, in Spanish and English ----

// channelES are whole channels or modules that can fail for everyone.
var (
	channelES = []string{"el canal de WhatsApp", "el webchat", "el canal de mail", "el canal de SMS", "el chat de Facebook", "el canal de Instagram", "la cola de correo", "el módulo de chat", "el canal de Telegram", "el chat de la web"}
	moduleES  = []string{"el CRM", "la consola de supervisión", "el módulo de grabaciones", "el módulo de campañas", "el escritorio del agente", "el módulo de calidad", "el softphone", "la consola de administración", "el módulo de reportes", "el monitor de colas", "la ficha del cliente", "el módulo de tipificación"}
	actionES  = []string{"transferir llamadas", "tipificar", "guardar la gestión", "salir de pausa", "abrir la ficha del cliente", "loguearse en el softphone", "contestar los chats", "cargar ventas", "escuchar grabaciones", "ver la cola de chats", "cortar las llamadas", "marcar manualmente", "entrar a la consola", "agendar rellamados"}
	teamES    = []string{"el equipo de chat", "la gente de ese canal", "el equipo de backoffice", "el equipo digital", "el área de redes sociales", "el equipo de ventas", "la supervisión", "calidad", "el equipo de cobranzas", "la gente de retención"}
	whenES    = []string{"desde las 9", "desde la mañana", "desde ayer", "desde la actualización", "hace una hora", "desde el reinicio", "desde temprano", "desde el mediodía", "hace rato", "desde el cambio de versión"}
	roleES    = []string{"agentes", "supervisores", "ejecutivos", "operadores", "analistas", "usuarios"}

	channelEN = []string{"the WhatsApp channel", "webchat", "the email queue", "the SMS channel", "Facebook messenger", "the Instagram inbox", "the chat module", "live chat"}
	moduleEN  = []string{"the CRM", "the supervisor console", "the recordings module", "the campaign module", "the agent desktop", "the QA module", "the softphone", "the admin console", "the reports module", "the wallboard", "the customer screen"}
	actionEN  = []string{"transfer calls", "wrap up calls", "save the disposition", "come out of break", "open the customer record", "register on the softphone", "answer chats", "enter sales", "play recordings", "hang up", "dial manually", "log into the console", "schedule callbacks"}
	teamEN    = []string{"the chat team", "the agents on that channel", "back office", "the digital team", "the social media team", "the sales team", "the supervisors", "QA", "collections", "the retention team"}
	whenEN    = []string{"since 9am", "since this morning", "since yesterday", "since the update", "for an hour now", "since the restart", "since lunch", "all morning"}
	roleEN    = []string{"agents", "supervisors", "users", "reps", "operators"}
)

// ---- families ----

var families = []family{
	// ALTA: one channel, module or action gone for everyone, or a team
	// with nothing to work on. The rest of the operation may go on.
	{name: "b_alta_canal", kind: "incidente", prio: "alta", n: 100, make: func(r *rng) string {
		return r.of(channelES) + " " + r.pick("no recibe nada", "no funciona para nadie", "está caído", "no carga", "no entrega mensajes", "dejó de funcionar", "no anda", "no levanta", "murió") + " " + r.of(whenES) +
			r.pick(", ", ". ", " y ") + r.pick(r.of(teamES)+" no tiene nada que hacer", r.of(teamES)+" está sin poder trabajar", "nadie puede atender por ahí", "ningún agente puede responder", r.of(teamES)+" está de brazos cruzados", "no podemos atender a los clientes por ese canal", r.of(teamES)+" está parado") +
			r.maybe(0.35, r.pick(". La voz funciona bien", ", las llamadas sí entran", ". Lo demás anda", ", el resto de los canales está ok"))
	}},
	{name: "b_alta_accion", kind: "incidente", prio: "alta", n: 100, make: func(r *rng) string {
		return r.pick("ningún agente puede ", "nadie puede ", "los "+r.of(roleES)+" no pueden ", "no se puede ", "todos los "+r.of(roleES)+" están sin poder ", "a todos les falla al ") + r.of(actionES) + " " + r.of(whenES) +
			r.pick("", ", así no se puede trabajar", ", quedan todos trabados", ", no podemos gestionar nada", ", tira error para todos", ", el sistema no lo permite", ", estamos bloqueados con eso") + r.maybe(0.3, r.pick(" 😡", "!!", ". urgente"))
	}},
	{name: "b_alta_modulo", kind: "incidente", prio: "alta", n: 100, make: func(r *rng) string {
		return r.of(moduleES) + " " + r.pick("no abre para ningún usuario", "tira error 500 a todos", "quedó en pantalla blanca para todos", "se cuelga apenas lo abren", "no responde para nadie", "no levanta en ninguna pc", "no deja entrar a nadie") + r.pick(", ", ". ", " y ") +
			r.pick("no podemos usarlo", "los "+r.of(roleES)+" no pueden trabajar", "así no se puede operar", "estamos sin sistema para eso", r.of(teamES)+" está frenado", "no hay forma de trabajar")
	}},
	{name: "b_alta_en", kind: "incidente", prio: "alta", en: true, n: 80, make: func(r *rng) string {
		switch r.IntN(3) {
		case 0:
			return r.of(channelEN) + " " + r.pick("is down for everyone", "stopped receiving messages", "isn't delivering anything", "won't load for anyone", "went dark", "has been dead") + " " + r.of(whenEN) + r.pick(", ", ". ", " and ") +
				r.pick(r.of(teamEN)+" has nothing to do", r.of(teamEN)+" is sitting idle", "nobody can answer customers there", r.of(teamEN)+" can't work", "no agent can reply") + r.maybe(0.35, r.pick(". Voice is fine", ", phones are ok", ". Everything else works"))
		case 1:
			return r.pick("none of our agents can ", "nobody can ", "all "+r.of(roleEN)+" are unable to ", "we can't ", "every "+r.pick("agent", "supervisor", "user")+" fails to ") + r.of(actionEN) + " " + r.of(whenEN) + r.pick("", ", it's blocking us", ", so we're stuck", ", impossible to work like this", ", everyone gets an error")
		default:
			return r.of(moduleEN) + " " + r.pick("won't open for anyone", "throws a 500 for everybody", "is a blank screen for all users", "freezes as soon as it opens", "isn't responding for anyone") + r.pick(", ", ". ") +
				r.pick("we can't use it at all", r.of(roleEN)+" can't do their job", r.of(teamEN)+" is blocked", "there's no way to work")
		}
	}},
	// MEDIA: something wrong, but partial, intermittent, slow or a data
	// error; the tool can still be used.
	{name: "b_media_parcial", kind: "incidente", prio: "media", n: 80, make: func(r *rng) string {
		who := r.pick("a un agente", "a dos agentes", "a algunos agentes", "a un supervisor", "a una agente del turno tarde", "a un par de ejecutivos", "a unos pocos usuarios")
		what := r.pick("se le desconecta el softphone", "no le carga la ficha", "no le entran llamadas", "se le congela la pantalla", "no le deja tipificar", "no le aparece la campaña", "se le cierran los chats", "no le funciona el audio")
		return who + " " + what + r.pick(" cada tanto", " de vez en cuando", " desde ayer", "", " a veces") + r.pick(", el resto trabaja normal", ", los demás bien", ", los demás sí pueden", "", ", se puede seguir operando")
	}},
	{name: "b_media_degradado", kind: "incidente", prio: "media", n: 80, make: func(r *rng) string {
		switch r.IntN(3) {
		case 0:
			return r.of(moduleES) + " " + r.pick("anda muy lento", "tarda mucho en responder", "está lentísimo", "se pone lento a la tarde", "demora en cargar") + r.pick(", pero se puede trabajar", ", igual atendemos", "", ", molesta pero funciona", " y los agentes se quejan")
		case 1:
			return r.pick("algunas llamadas", "varias llamadas", "unas cuantas llamadas", "ciertos chats", "algunos mails", "un par de llamadas por hora") + " " + r.pick("se cortan solas", "tienen eco", "llegan duplicadas", "se quedan sin audio", "no se graban", "se transfieren a la cola equivocada", "tardan en conectar") + r.pick("", ", no todas", ", es intermitente", ", la mayoría anda bien")
		default:
			return r.pick("el reporte de ", "el informe de ", "el monitor de ", "la exportación de ") + r.pick("abandono", "pausas", "ventas", "llamadas atendidas", "tipificaciones", "productividad") + " " + r.pick("trae números que no cuadran", "da error al exportar, en pantalla se ve", "no muestra los datos de ayer", "duplica algunas filas", "cuenta mal las transferidas", "sale vacío a veces") + r.pick("", ", igual seguimos trabajando", ", lo sacamos a mano por ahora")
		}
	}},
	{name: "b_media_en", kind: "incidente", prio: "media", en: true, n: 80, make: func(r *rng) string {
		switch r.IntN(3) {
		case 0:
			return r.pick("one agent", "two of our agents", "a couple of reps", "one supervisor", "a few users", "some agents on the late shift") + " " + r.pick("keep losing the softphone", "can't see the campaign", "get a frozen screen", "aren't getting calls", "can't save dispositions", "hear echo") + r.pick(" every now and then", " since yesterday", "", " sometimes") + r.pick(", everyone else is fine", ", the rest can work", "", ", we're still operating")
		case 1:
			return r.of(moduleEN) + " " + r.pick("is really slow", "takes ages to load", "lags in the afternoon", "is sluggish since the update") + r.pick(", but usable", ", we're still working", "", ", annoying but it works")
		default:
			return r.pick("some calls", "a few chats", "several calls", "the odd email", "a handful of calls per hour") + " " + r.pick("drop on their own", "have one-way audio", "show up twice", "aren't recorded", "land in the wrong queue", "take long to connect") + r.pick("", ", not all of them", ", it's intermittent", ", most are fine")
		}
	}},
	// A campaign named is not an outage: the dialer misbehaving in one is
	// usually a degraded campaign that still dials.
	{name: "b_media_campana", kind: "incidente", prio: "media", n: 100, make: func(r *rng) string {
		camp := r.pick("cobranzas", "ventas", "retención", "encuestas", "seguros", "préstamos", "renovaciones")
		if r.IntN(4) == 0 {
			return r.pick("the dialer ", "the ") + r.pick("is calling the same number twice", "skips some records", "dials slower than usual", "ignores the retry limit", "connects calls with a delay") + " in the " + r.pick("collections", "sales", "renewals", "survey") + " campaign" + r.pick("", ", agents are still working", ", it still dials")
		}
		return r.pick("el discador ", "el marcador ", "") + r.pick("marca dos veces al mismo número", "se saltea registros", "marca más lento", "no respeta los reintentos", "conecta con demora", "marca fuera del horario configurado", "repite contactos ya gestionados") + " en la campaña de " + camp + r.pick("", ", pero sigue marcando", ", los agentes igual trabajan", " desde ayer", " a veces")
	}},
	// BAJA: cosmetic, or a minor thing that changes nothing in the
	// operation.
	{name: "b_baja_visual", kind: "incidente", prio: "baja", n: 130, make: func(r *rng) string {
		el := r.pick("el logo", "el botón de pausa", "el título del reporte", "el menú lateral", "la leyenda del gráfico", "el tooltip del botón transferir", "la fuente del monitor", "el encabezado de la ficha", "el ícono de la cola", "el pie de página", "el nombre del agente en el wallboard", "la etiqueta del campo teléfono")
		d := r.pick("se ve desalineado", "tiene una falta de ortografía", "aparece en inglés", "está cortado", "sale de otro color", "se ve pixelado", "aparece todo en mayúsculas", "está superpuesto con otro texto", "se ve borroso", "quedó corrido a la derecha", "muestra la fecha en otro formato", "dice 'Campana' sin eñe")
		return el + " " + d + r.pick("", ", nada grave", ", es un detalle", ", no afecta la operación", ", cuando puedan lo miran", ", funciona todo igual", ". no es urgente")
	}},
	{name: "b_baja_menor", kind: "incidente", prio: "baja", n: 80, make: func(r *rng) string {
		return r.pick("un link de la ayuda no abre", "el sonido de aviso del chat se escucha bajito", "el orden de las columnas cambió en el reporte", "el correo de alerta trae una variable sin reemplazar", "un atajo de teclado no hace nada", "el contador de la pantalla del agente se atrasa un segundo", "el total del reporte muestra decimales de más", "los emojis se ven como cuadraditos", "la foto de perfil de los agentes no carga", "la lista de pausas no está ordenada alfabéticamente") +
			r.pick(", todo lo demás anda", ", no nos impide trabajar", ", es menor", "", ", detalle menor", ", no molesta mucho")
	}},
	{name: "b_baja_en", kind: "incidente", prio: "baja", en: true, n: 80, make: func(r *rng) string {
		el := r.pick("the logo", "the pause button", "the report title", "the sidebar", "the chart legend", "the transfer tooltip", "the wallboard font", "the header of the customer screen", "the queue icon", "the footer", "the agent name on the wallboard", "a help link", "the notification sound")
		d := r.pick("looks misaligned", "has a typo", "shows up in Spanish", "is cut off", "has the wrong color", "looks pixelated", "is all caps", "overlaps another label", "is blurry", "is shifted to the right", "shows the date in US format", "is broken", "is very quiet")
		return el + " " + d + r.pick("", ", no big deal", ", just cosmetic", ", doesn't affect anything", ", whenever you get a chance", ", everything works otherwise", ". low priority")
	}},
	// CRITICA: the whole operation stopped, often without the words
	// "caído" or "down".
	{name: "b_critico", kind: "incidente_critico", n: 80, make: func(r *rng) string {
		n := r.pick("los 40", "los 120", "todos los", "los 60", "los 25", "los 200")
		switch r.IntN(4) {
		case 0:
			return n + " " + r.pick("agentes", "ejecutivos", "operadores") + " " + r.pick("están parados", "están sin poder hacer nada", "están mirando la pantalla", "están de brazos cruzados", "no pueden ni llamar ni atender", "están sin sistema") + r.pick(", no entra ni sale nada", ", ninguna llamada", ", toda la operación detenida", "", ", no funciona nada")
		case 1:
			return r.pick("no entra ni sale ninguna llamada", "cero llamadas en todo el call center", "no hay tono en ningún puesto", "ninguna campaña está marcando", "toda la operación está detenida", "la operación completa está frenada", "estamos sin servicio", "no funciona nada de nada", "la plataforma no responde para nadie") + " " + r.of(whenES) + r.pick("", ", urgente", "!!!", ", necesitamos que nos llamen", ", estamos perdiendo plata")
		case 2:
			return r.pick("la campaña de ", "la campaña ") + r.pick("cobranzas", "ventas", "retención", "encuestas", "salientes", "entrante") + " " + r.pick("está completamente interrumpida", "quedó totalmente detenida", "no marca nada", "está parada por completo", "dejó de generar llamadas") + r.pick(", ", ". ") + r.pick("el discador no tira ninguna llamada", "los agentes no tienen nada", "es la única que tenemos", "no podemos trabajar")
		default:
			return r.pick("se cayó todo", "se colgó el servidor", "murió la plataforma", "no levanta nada", "se fue todo al diablo", "estamos caídos", "se nos cayó el sistema entero", "se cortó todo") + r.pick(", nadie puede trabajar", ", ni la consola ni los softphones", ", no podemos operar", ", estamos todos parados", "", ", toda la gente sin poder llamar")
		}
	}},
	{name: "b_critico_en", kind: "incidente_critico", en: true, n: 80, make: func(r *rng) string {
		switch r.IntN(3) {
		case 0:
			return r.pick("we're dead in the water", "we're completely down", "we are hard down", "nothing works", "the whole floor is idle", "the entire operation is stopped", "we're totally offline", "everything is dead", "the platform is unreachable for everyone", "we're at a complete standstill") + r.pick("", " "+r.of(whenEN)) + r.pick(", no calls in or out", ", nobody can dial", ", agents can't do anything", "", ", please call me asap", "!!")
		case 1:
			return r.pick("not a single call has gone out", "zero calls in or out", "no agent can make or take a call", "no one on the floor can work", "all our trunks are gone", "every softphone is unregistered and the console won't load") + " " + r.of(whenEN) + r.pick("", ", the whole call center is stopped", ", we're losing money", ", urgent")
		default:
			return r.pick("our ", "the ") + r.pick("collections", "sales", "outbound", "inbound", "survey") + " campaign " + r.pick("is completely stopped", "stopped dialing entirely", "is totally interrupted", "has been dead") + " " + r.of(whenEN) + r.pick(", it's our whole operation", ", agents have nothing", "", ", the dialer isn't placing any calls")
		}
	}},
	// Ideas said as wishes, not as questions or requests. No price, no
	// "nuestro": the whole product.
	{name: "b_f_deseo", kind: "funcionalidad", n: 80, make: func(r *rng) string {
		what := r.pick("la consola muestre un mapa de calor de llamadas por hora", "el softphone tenga un contador de llamadas del día", "los supervisores puedan dejar notas a los agentes", "el CRM estándar autocomplete direcciones", "el monitor tenga modo pantalla completa", "los agentes puedan marcar contactos como favoritos", "el IVR lea montos con voz natural", "los reportes se puedan compartir con un link", "el agente vea su ranking del día", "se pueda chatear entre supervisores", "las campañas se puedan duplicar", "la agenda de rellamados se sincronice con Google Calendar")
		return r.pick("ojalá ", "pensaba que estaría bueno que ", "sería genial que ", "una mejora para el producto: que ", "me encantaría que en una versión futura ", "qué bueno sería que ", "para la próxima versión, que ", "a futuro estaría bueno que ", "sueño con que ") + what + r.pick("", ", a todos les serviría", ", es una idea nomás", " 🙏", ", lo dejo como sugerencia")
	}},
	{name: "b_f_deseo_en", kind: "funcionalidad", en: true, n: 80, make: func(r *rng) string {
		what := r.pick("the console showed a heat map of calls per hour", "supervisors could leave notes for agents", "reports could be shared with a link", "agents saw their daily ranking", "the platform had a tablet version", "supervisors could chat with each other", "campaigns could be duplicated", "callbacks synced with Google Calendar")
		return r.pick("it would be nice if ", "I wish ", "just an idea: what if ", "wouldn't it be great if ", "suggestion for a future version: it'd help if ", "it would make the product better if ") + what + r.pick("", ", everyone would benefit", ". just a thought", "!")
	}},
	// Custom work asked without saying "quote": changes to this client's
	// own flow, CRM or process.
	{name: "b_r_cambio", kind: "requerimiento", n: 80, make: func(r *rng) string {
		what := r.pick("nuestro menú de atención para sumar una opción de reclamos", "la ficha de nuestra campaña de préstamos para que calcule la cuota", "el flujo de nuestra línea de ventas", "nuestro formulario de cobranzas con un campo de convenio", "el envío de nuestras bases al discador para que sea automático", "nuestro tablero de gerencia para sumar la conversión", "las tipificaciones de nuestra campaña de retención", "la integración de nuestro CRM con el sistema de turnos", "el export de ventas a nuestro ERP")
		if r.IntN(3) == 0 {
			return r.pick("we need ", "we'd like ", "please change ") + r.pick("our main menu reworked with a claims option", "our loans CRM form updated with a new field", "our weekly lead upload automated", "our collections dispositions redone in the CRM", "a new report built for our board") + r.pick("", ", when can you do it?", ", let us know the cost", ", can we schedule the survey meeting?")
		}
		return r.pick("necesitamos que nos cambien ", "quisiéramos que nos modifiquen ", "queremos que nos adapten ", "les pido que nos rehagan ", "precisamos que nos desarrollen un cambio en ") + what + r.pick("", ", cómo seguimos?", ", coordinamos una reunión?", ", cuándo lo podrían hacer?", ", esperamos la propuesta")
	}},
	// Questions asked as statements.
	{name: "b_q_confirmar", kind: "consulta", n: 80, make: func(r *rng) string {
		if r.IntN(4) == 0 {
			return r.pick("I wanted to check whether ", "could you confirm if ", "just wondering if ", "we'd like to know if ") + r.pick("calls are recorded in stereo", "chat transcripts are kept forever", "the API has a rate limit", "our contract includes e-learning", "supervisors can barge into calls", "the dialer can use two trunks") + r.pick("", "?", ". thanks")
		}
		return r.pick("queríamos saber si ", "me pueden confirmar si ", "necesito saber si ", "una duda: ", "les consulto si ", "me gustaría entender si ", "nos confirman si ") + r.pick("las llamadas se graban en estéreo", "los chats quedan guardados para siempre", "la API tiene límite de consultas", "el contrato incluye el e-learning", "el supervisor puede intervenir una llamada", "el discador puede usar dos troncales", "los reportes se pueden programar", "el usuario administrador puede borrar grabaciones", "hay un límite de campañas activas") + r.pick("", "?", ". gracias", ", quedo atento")
	}},
	// Long outage reports: context, impact, a plea, a signature.
	{name: "b_critico_largo", kind: "incidente_critico", n: 100, make: func(r *rng) string {
		return r.pick("les comento que ", "por favor atender esto: ", "tenemos un problema grave, ", "situación crítica: ", "") + r.pick("apenas arrancó el turno", "desde hace media hora", "desde las 8 de la mañana", "luego de la ventana de mantenimiento", "desde que se reinició el equipo") + " " +
			r.pick("ningún puesto puede trabajar", "no hay manera de llamar ni de atender", "la plataforma no abre en ninguna pc y los teléfonos tampoco", "nadie puede entrar al sistema y no sale ni entra una llamada", "todo el piso quedó sin sistema", "estamos totalmente inoperativos") +
			r.pick(". Tenemos 90 agentes esperando", ". Toda la gente está sin trabajar", ". La operación está completamente detenida", ", tenemos todo el piso parado", ", estamos todos sin poder trabajar") + r.pick(". Llamen apenas puedan", ". Necesitamos asistencia inmediata", "", ". Es urgente")
	}},
	// CONSULTA: a question about a failure that has not happened, and
	// plain how-to questions.
	{name: "b_q_hipotetico", kind: "consulta", n: 80, make: func(r *rng) string {
		if r.IntN(2) == 0 {
			return r.pick("qué pasa si ", "qué hacemos si ", "en caso de que ", "si algún día ", "cuál es el procedimiento si ", "a quién llamamos si ", "qué debería hacer si ", "cómo reportamos si ") +
				r.pick("se cae toda la plataforma", "se corta internet en la oficina", "no entra ninguna llamada", "el discador deja de marcar", "se cae la troncal", "los agentes no pueden loguearse", "se llena el disco de grabaciones", "se corta la luz") + r.pick("?", " un fin de semana?", " de noche?", ", para tenerlo documentado?", "? es para el plan de contingencia")
		}
		return r.pick("what happens if ", "what should we do if ", "in case ", "who do we call if ", "what's the procedure when ", "how do we report it if ") +
			r.pick("the whole platform goes down", "our internet link drops", "no calls come in", "the dialer stops", "the SIP trunk fails", "agents can't log in", "the recordings disk fills up", "we lose power") + r.pick("?", " on a weekend?", " at night?", ", just for our contingency plan?")
	}},
	{name: "b_q_general", kind: "consulta", n: 80, make: func(r *rng) string {
		if r.IntN(3) == 0 {
			return r.pick("how do I ", "where can I ", "is there a way to ", "can we ", "quick question, how do you ") + r.pick("change the softphone ringtone", "see one agent's calls", "turn on the post-call survey", "set a holiday", "limit retries per number", "change the console language", "see the access log", "clone a user") + r.pick("?", "", " from the console?", " in the current version?")
		}
		return r.pick("cómo hago para ", "dónde puedo ", "se puede ", "me explican cómo ", "una consulta, cómo se puede ", "alguien sabe cómo ", "existe forma de ") + r.pick("cambiar el timbre del softphone", "ver las llamadas de un agente puntual", "activar la encuesta post llamada", "mover un agente de sitio", "configurar un feriado", "limitar los reintentos por número", "cambiar el idioma de la consola", "ver el log de accesos", "poner un mensaje de fuera de horario", "clonar un usuario") + r.pick("?", "", " desde la consola?", " en la versión actual?")
	}},
	// FUNCIONALIDAD: an idea for the product, often asked as a question.
	{name: "b_f_idea", kind: "funcionalidad", n: 80, make: func(r *rng) string {
		feat := r.pick("modo oscuro en el softphone", "notificaciones de escritorio cuando hay llamadas en espera", "un buscador en el historial del agente", "exportar cualquier reporte a PDF", "login con Google", "reconocimiento de voz en el IVR", "audios en el webchat", "una app para supervisores", "alertas cuando una pausa se pasa de tiempo", "atajos de teclado configurables", "etiquetas en las grabaciones", "un resumen automático de cada llamada")
		switch r.IntN(3) {
		case 0:
			return r.pick("sería bueno que la plataforma tenga ", "estaría bueno que el producto traiga ", "ojalá en una próxima versión venga ", "propuesta de mejora: ", "sugerencia para producto: ", "les dejo una idea: ", "sería bacán tener ") + feat + r.pick("", ", le serviría a todos los clientes", ", seguro otros clientes lo usan", ", lo piden mucho los agentes")
		case 1:
			return r.pick("tienen pensado agregar ", "para cuándo ", "está en el roadmap ", "no podrían sumar al producto ", "hay planes de incorporar ", "se podría agregar en la plataforma ") + feat + r.pick("?", "? sería una mejora para todos", "? lo venimos pidiendo", "? creo que a todos les sirve")
		default:
			return r.pick("why doesn't the product have ", "any plans to add ", "is it on the roadmap to add ", "it would be great to have ", "feature request: ", "idea for the platform: ", "would you consider adding ") + r.pick("dark mode", "desktop notifications", "SSO", "PDF export", "speech recognition in the IVR", "voice notes in webchat", "a supervisor mobile app", "pause time alerts", "custom shortcuts") + r.pick("", "?", " for all customers", ", I'm sure others want it too", " in a future release")
		}
	}},
	// REQUERIMIENTO: custom work for this client, quoted, often asked as
	// a question too.
	{name: "b_r_custom", kind: "requerimiento", n: 80, make: func(r *rng) string {
		work := r.pick("un reporte a medida de ventas por hora", "un monitor para nuestra campaña de retención", "agregar campos al CRM de cobranzas", "integrar nuestro CRM con el sistema de facturación", "automatizar la carga diaria de bases desde nuestro FTP", "una capacitación extra para los agentes nuevos", "horas de consultoría para revisar nuestra marcación", "un tablero para nuestra gerencia", "cambiar el formulario de nuestra campaña de seguros", "un proceso que nos mande el reporte por mail cada noche")
		switch r.IntN(3) {
		case 0:
			return r.pick("necesitamos ", "queremos ", "quisiéramos ", "solicitamos ", "pedido: ") + work + r.pick(", nos cotizan?", ". cuánto sale?", ", nos pasan presupuesto", ", favor enviar cotización", ", ¿qué costo tendría?")
		case 1:
			return r.pick("nos pueden armar ", "nos harían ", "podrían hacernos ", "se puede contratar ") + work + r.pick("? cuánto nos cobran", "? pasame el costo", "? necesitamos presupuesto", "? lo pagamos aparte")
		default:
			return r.pick("could you quote ", "we need ", "can you build us ", "we'd like to hire you for ", "please send a quote for ") + r.pick("a custom report for our sales floor", "a dashboard for our managers", "extra fields in our CRM form", "an integration with our billing system", "an automated daily upload from our FTP", "an extra training session for our new hires", "consulting hours on our dialing strategy") + r.pick("", "?", ", what would it cost?", ", send me the price")
		}
	}},
}
