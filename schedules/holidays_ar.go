package schedules

import (
	"time"

	"github.com/rickar/cal/v2"
)

// Argentina's national holidays, Ley 27.399 (2017).
//
// cal/v2/ar is not used: it puts Good Friday at Easter−3 (a Thursday) and
// never moves the movable holidays. Jueves Santo is left out on purpose: it
// is a "día no laborable", optional for private employers, not a feriado; a
// client that closes on it lists it in extra_holidays.

// ley27399Moves is article 6: a movable holiday on Tuesday or Wednesday moves
// to the Monday before, on Thursday or Friday to the Monday after. One on a
// weekend stays unless the executive decides otherwise (see arDecrees).
var ley27399Moves = []cal.AltDay{
	{Day: time.Tuesday, Offset: -1},
	{Day: time.Wednesday, Offset: -2},
	{Day: time.Thursday, Offset: 4},
	{Day: time.Friday, Offset: 3},
}

func arFixed(name string, m time.Month, d int) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Day: d, Func: calcDayOfMonth}
}

func arMovable(name string, m time.Month, d int, except ...int) *cal.Holiday {
	h := arFixed(name, m, d)
	h.Observed = ley27399Moves
	h.Except = except
	return h
}

func arEaster(name string, offset int) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Offset: offset, Func: calcEasterOffset}
}

var arLaw = &cal.Calendar{
	Name:        "AR",
	Description: "Argentina, feriados nacionales (Ley 27.399)",
	Holidays: []*cal.Holiday{
		arFixed("Año Nuevo", time.January, 1),
		arEaster("Carnaval", -48),
		arEaster("Carnaval", -47),
		arFixed("Día Nacional de la Memoria por la Verdad y la Justicia", time.March, 24),
		arFixed("Día del Veterano y de los Caídos en la Guerra de Malvinas", time.April, 2),
		arEaster("Viernes Santo", -2),
		arFixed("Día del Trabajador", time.May, 1),
		arFixed("Día de la Revolución de Mayo", time.May, 25),
		arMovable("Paso a la Inmortalidad del General Martín Miguel de Güemes", time.June, 17),
		arFixed("Paso a la Inmortalidad del General Manuel Belgrano", time.June, 20),
		arFixed("Día de la Independencia", time.July, 9),
		arMovable("Paso a la Inmortalidad del General José de San Martín", time.August, 17),
		// 2025: moved from Sunday 12 to Friday 10 by decision (arDecrees).
		arMovable("Día del Respeto a la Diversidad Cultural", time.October, 12, 2025),
		arMovable("Día de la Soberanía Nacional", time.November, 20),
		arFixed("Inmaculada Concepción de María", time.December, 8),
		arFixed("Navidad", time.December, 25),
	},
}

// arDecrees are Argentina's closed days fixed year by year by the executive.
//
// Bridge days: Ley 27.399 art. 7 lets the executive fix up to three "días no
// laborables con fines turísticos" a year, on Mondays or Fridays. They are
// national non-working days, so the national calendar closes on them.
//
// 2027: as of writing no bridge days have been decreed, and the Soberanía
// holiday falls on Saturday 20 November, which Decreto 614/2025 allows the
// Jefatura de Gabinete to move to Friday 19 or Monday 22; it stays on the
// Saturday here until that is decided. Add the 2027 decree here when it is
// published (argentina.gob.ar/interior/feriados-nacionales-2027); meanwhile
// extra_holidays covers a client.
var arDecrees = []decreed{
	// argentina.gob.ar/interior/feriados-nacionales-2025.
	{date(2025, time.May, 2), "Día no laborable con fines turísticos", "Decreto 1027/2024"},
	{date(2025, time.August, 15), "Día no laborable con fines turísticos", "Decreto 1027/2024"},
	{date(2025, time.November, 21), "Día no laborable con fines turísticos", "Decreto 1027/2024"},
	{date(2025, time.October, 10), "Día del Respeto a la Diversidad Cultural (trasladado del domingo 12/10)",
		"Decreto 614/2025 (traslado de feriados que caen en fin de semana) y decisión de la Jefatura de Gabinete, sept. 2025"},

	// argentina.gob.ar/interior/feriados-nacionales-2026; fixed under Decreto
	// 614/2025 by Resolución 164/2025 (Boletín Oficial, Dec. 2025).
	{date(2026, time.March, 23), "Día no laborable con fines turísticos", "Resolución 164/2025"},
	{date(2026, time.July, 10), "Día no laborable con fines turísticos", "Resolución 164/2025"},
	{date(2026, time.December, 7), "Día no laborable con fines turísticos", "Resolución 164/2025"},
}
