package knowledge

import (
	"strings"
	"unicode"

	"supportbot/ticketing/intent"
)

// terms turns text into the index's terms: folded like the classifier folds
// a message (case, accents, Slack markup, links), split into words, stop
// words dropped, each word stemmed and mapped to its synonym group. The
// same function reads articles and questions, so both meet in one form.
func terms(text string) []string {
	words := strings.FieldsFunc(intent.Normalize(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := words[:0]
	for _, w := range words {
		if len([]rune(w)) < 2 || stopWords[w] {
			continue
		}
		s := stem(w)
		if g, ok := synonyms[s]; ok {
			s = g
		}
		out = append(out, s)
	}
	return out
}

// suffixes are the inflections the stemmer strips, Spanish and English in
// one list since a question does not say its language. It is a light
// stemmer: one suffix off, the first of the list that fits (a longer
// ending comes before the shorter one it contains), never leaving fewer
// than three letters, so "grabación", "grabaciones", "grabar" and "grabado" meet at
// "grab", and "agentes" meets "agents" at "agent".
var suffixes = []string{
	// Spanish nouns and adjectives.
	"aciones", "iciones", "amientos", "imientos", "amiento", "imiento", "idades", "mente", "acion", "icion", "idad",
	// Spanish verbs.
	"ieron", "aron", "ando", "iendo", "adas", "ados", "idas", "idos", "amos", "emos", "imos", "aban", "ada", "ado", "ida", "ido", "ar", "er", "ir",
	// English.
	"ations", "ation", "ings", "ing", "ies", "ed", "ly",
	// Plurals and word-final vowels of both.
	"es", "as", "os", "s", "a", "e", "o", "y",
}

func stem(w string) string {
	if !isWord(w) {
		return w
	}
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 3 {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// isWord leaves numbers and codes (a version "5.2", an error "503") whole.
func isWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// synonyms maps a stem to its group's stem: the everyday words people use
// for the same thing in this trade, within a language ("clave" for
// "contraseña") and across the two ("password"), so a question need not
// use the article's word. Groups are written as words and stemmed here.
var synonyms = func() map[string]string {
	groups := [][]string{
		{"contraseña", "clave", "password", "passwd", "pin"},
		{"usuario", "user", "login", "cuenta", "account", "username"},
		{"agente", "operador", "operator", "ejecutivo", "teleoperador", "representative", "rep"},
		{"cola", "queue", "fila"},
		{"grabación", "grabar", "recording", "record", "audio"},
		{"campaña", "campaign"},
		{"reporte", "informe", "estadística", "statistic", "metric", "métrica"},
		{"llamada", "llamar", "call", "phone"},
		{"discador", "dialer", "marcador", "predictive"},
		{"whatsapp", "wsp", "whats", "wpp"},
		{"desbloquear", "unlock"},
		{"bloquear", "lock", "locked", "lockout"},
		{"olvidar", "forgot", "forgotten", "forget"},
		{"cambiar", "cambio", "change", "modificar", "modify", "edit", "editar"},
		{"descargar", "download", "exportar", "export", "bajar"},
		{"ivr", "menu", "contestador", "attendant"},
		{"horario", "schedule", "hour", "hora"},
		{"pausa", "break", "descanso"},
		{"ingresar", "entrar", "acceder", "acceso", "access", "signin", "iniciar"},
		{"crear", "create", "agregar", "add", "nuevo", "new"},
		{"borrar", "eliminar", "delete", "remove", "erase"},
		{"lento", "slow", "lag", "demora", "tarda"},
		{"plantilla", "template"},
		{"contacto", "contact", "lead", "registro"},
		{"supervisor", "supervisar", "monitor", "monitorear", "monitoreo"},
		{"error", "fallo", "falla", "fail", "failure"},
		{"navegador", "browser", "chrome", "firefox"},
		{"auricular", "headset", "vincha", "headphone", "microphone", "micrófono", "micro"},
		{"cliente", "customer", "client"},
		{"planilla", "excel", "spreadsheet", "xlsx", "sheet"},
		{"correo", "mail", "email"},
		{"escuchar", "listen", "oír", "hear"},
		{"buzón", "voicemail", "mailbox"},
		{"conectar", "integrar", "vincular", "connect", "integrate", "link"},
		{"configurar", "configure", "setup", "configuración", "setting", "ajustar", "adjust"},
		{"crear", "sumar"},
	}
	m := map[string]string{}
	for _, g := range groups {
		root := stem(intent.Normalize(g[0]))
		for _, w := range g[1:] {
			if s := stem(intent.Normalize(w)); s != root {
				if _, taken := m[s]; !taken {
					m[s] = root
				}
			}
		}
	}
	return m
}()

// stopWords carry no subject: articles, pronouns, auxiliaries, greetings
// and the words of asking itself ("cómo", "how", "necesito", "please").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		a al algo alguien algun alguna alguno ante antes aqui asi aun bien buen buena buenas buenos buendia cada casi como con contra cual cuales cuando cuanto de del desde donde dos el ella ellos en entre era es esa ese eso esta estan estar este esto estoy fue gracias ha hace hacer hago hay hola la las le les lo los mas me mi mis mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque puede pueden puedo pude que quien se sea segun ser si sin sobre solo son su sus tambien tan tanto te tenemos tener tengo ti tiene tienen todo todos tu tus un una uno unos unas usted ustedes vez y ya yo
		consulta consultar consulto queria quiero quisiera necesito necesitamos saber favor porfa saludos tardes dias noches ayuda ayudar ayudan alguna manera forma hacemos podemos hola che
		nuestro nuestra nuestros nuestras vuestro despues varias varios veces vez ayer hoy manana siempre nunca ahora recien todavia sale salio pasa paso
		uno dos tres cuatro cinco seis siete ocho nueve diez hs hrs
		a about after all am an and any are as at be been but by can cant could did do does doesnt dont for from get got had has have how i if in into is it its me my no not of on or our please should so some that the their them then there these they this to too us was we were what when where which who why will with would you your yours hi hello thanks thank team need want help way know one two three four five ten out up many much last also just still any every yesterday today tomorrow specific set
	`) {
		m[w] = true
	}
	return m
}()
