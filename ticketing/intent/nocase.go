package intent

// A message that is only a greeting, thanks, "ok", an emoji or "adjunto
// captura" is no case at all: the client's real message is still coming,
// or the case is already closed. It is told by its words, not by a low
// score, because "hola" is certain to be nothing while a terse "no anda"
// is certainly something.

// courtesy are the words such messages are made of, normalized.
var courtesy = map[string]bool{
	// greetings and farewells
	"hola": true, "holis": true, "buenas": true, "buen": true, "buenos": true, "buena": true, "dia": true, "dias": true,
	"tardes": true, "noches": true, "wena": true, "wenas": true, "hi": true, "hello": true, "hey": true,
	"good": true, "morning": true, "afternoon": true, "evening": true, "chau": true, "adios": true, "bye": true,
	"saludos": true, "slds": true, "abrazo": true, "abrazos": true, "cordiales": true, "atte": true,
	"que": true, "tal": true, "como": true, "estan": true, "estas": true, "va": true, "how": true, "are": true, "you": true,
	// thanks and acknowledgements
	"gracias": true, "muchas": true, "mil": true, "muchisimas": true, "graciass": true, "thanks": true, "thank": true,
	"thx": true, "ty": true, "ok": true, "oka": true, "okey": true, "okay": true, "okis": true, "dale": true, "listo": true,
	"genial": true, "perfecto": true, "joya": true, "barbaro": true, "excelente": true, "bueno": true, "buenisimo": true,
	"entendido": true, "recibido": true, "si": true, "sip": true, "ya": true, "vale": true, "great": true, "cool": true,
	"perfect": true, "got": true, "it": true, "noted": true, "sure": true, "yes": true, "bien": true, "super": true,
	// forms of address
	"equipo": true, "team": true, "chicos": true, "chicas": true, "gente": true, "soporte": true, "support": true,
	"all": true, "todos": true, "a": true, "amigos": true, "estimados": true, "estimado": true, "estimada": true,
	"por": true, "el": true, "la": true, "de": true, "lo": true, "to": true,
	// an attachment announced on its own
	"adjunto": true, "adjunta": true, "adjuntamos": true, "adjunte": true, "adjuntos": true, "captura": true, "capturas": true,
	"foto": true, "fotos": true, "imagen": true, "imagenes": true, "pantallazo": true, "screenshot": true, "attached": true,
	"attachment": true, "here": true, "is": true, "the": true, "te": true, "les": true, "envio": true, "mando": true,
	"paso": true, "aca": true, "aqui": true, "pantalla": true, "una": true, "un": true, "y": true,
}

// noCase reports whether t holds nothing but courtesy. One unknown word
// after a greeting is taken for a name ("hola Nico"), as long as no cue
// of the lexicon matched it.
func noCase(t *text, a *analysis, lex *compiled) bool {
	if len(t.tags) > 0 {
		return false
	}
	for _, m := range a.ms {
		switch lex.cues[m.id].cat {
		case catTotal, catParcial, catGrupo:
			// "hola a todos", "hi team": an audience, not a case.
		default:
			return false
		}
	}
	other := 0
	for _, w := range t.words {
		if !courtesy[w] {
			other++
		}
	}
	return other == 0 || other == 1 && len(t.words) > 1 && len(t.words) <= 4 && greetings[t.words[0]]
}

// greetings may be followed by a name.
var greetings = map[string]bool{
	"hola": true, "holis": true, "buenas": true, "wena": true, "wenas": true, "hi": true, "hello": true, "hey": true,
	"gracias": true, "thanks": true, "chau": true, "estimado": true, "estimada": true,
}
