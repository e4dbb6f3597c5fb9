package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// method says how the figures are computed, in the text and on the page:
// a reader comparing with another tool needs to know which median and
// which rounding.
var method = []string{
	"Mediana y P90 por rango más cercano: con los tiempos ordenados, la mediana es el valor en la posición ⌈n/2⌉ (con un número par, el menor de los dos centrales) y el P90 el de la posición ⌈0,9·n⌉, así cada cifra es un tiempo que algún ticket tuvo.",
	"Los tiempos son horas de atención del calendario de cada ticket (días hábiles y horario del plan), desde el mensaje del cliente.",
	"Los porcentajes se redondean hacia abajo: 79,8 % se muestra 79 % y no alcanza la meta del 80 %. El % en objetivo es sobre los tickets decididos (en objetivo más incumplidos).",
	"Satisfacción (CSAT): al cerrar un ticket con su conformidad, el cliente califica la ayuda de 1 a 5; el CSAT es la parte de las calificaciones con 4 o 5, redondeada hacia abajo como los demás porcentajes, y se muestra junto al promedio y al número de calificaciones. Cada calificación cuenta en el mes en que llegó su ticket, con su cliente y su punto focal.",
	"El tiempo de resolución son horas de atención desde el inicio del reloj del ticket hasta que se marca resuelto, sin contar el tiempo en que esperó al cliente (resuelto a la espera de su conformidad, o esperando_cliente); si el cliente lo reabre, cuenta la última resolución. La respuesta siguiente se mide como la primera, desde el primer mensaje del cliente que quedó sin respuesta.",
	"Las cifras pendientes son provisorias: cada pendiente pasará a en objetivo o a incumplido cuando se responda o venza su plazo.",
}

// wrap breaks s into lines of at most width runes at spaces; a word longer
// than the width gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// plain makes client-written text safe for a terminal: control characters
// (escape sequences, carriage returns) become spaces.
func plain(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, s)), " ")
}
