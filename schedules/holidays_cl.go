package schedules

import (
	"time"

	"github.com/rickar/cal/v2"
)

// Chile's national holidays ("feriados legales"); cal/v2 has no Chile
// package. Regional holidays (Arica, Chillán) are not national and left out.

// ley19668Moves: San Pedro y San Pablo and Encuentro de Dos Mundos on a
// Tuesday, Wednesday or Thursday move to the Monday of that week, on a
// Friday to the Monday after.
var ley19668Moves = []cal.AltDay{
	{Day: time.Tuesday, Offset: -1},
	{Day: time.Wednesday, Offset: -2},
	{Day: time.Thursday, Offset: -3},
	{Day: time.Friday, Offset: 3},
}

// ley20299Moves: Día de las Iglesias Evangélicas on a Tuesday moves to the
// Friday before, on a Wednesday to the Friday after.
var ley20299Moves = []cal.AltDay{
	{Day: time.Tuesday, Offset: -4},
	{Day: time.Wednesday, Offset: 2},
}

func clFixed(name string, m time.Month, d int) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Day: d, Func: calcDayOfMonth}
}

func clIfWeekday(name string, m time.Month, d int, wd time.Weekday) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Day: d, Weekday: wd, Func: calcDayIfWeekday}
}

func clMoved(name string, m time.Month, d int, moves []cal.AltDay) *cal.Holiday {
	h := clFixed(name, m, d)
	h.Observed = moves
	return h
}

var clLaw = &cal.Calendar{
	Name:        "CL",
	Description: "Chile, feriados legales nacionales",
	Holidays: []*cal.Holiday{
		clFixed("Año Nuevo", time.January, 1),
		// Ley 20.983: 2 January is a holiday when 1 January is a Sunday.
		clIfWeekday("Feriado adicional de Año Nuevo", time.January, 2, time.Monday),
		{Name: "Viernes Santo", Type: cal.ObservancePublic, Offset: -2, Func: calcEasterOffset},
		{Name: "Sábado Santo", Type: cal.ObservancePublic, Offset: -1, Func: calcEasterOffset},
		clFixed("Día Nacional del Trabajo", time.May, 1),
		clFixed("Día de las Glorias Navales", time.May, 21),
		// Ley 21.357: the day of the southern winter solstice.
		{Name: "Día Nacional de los Pueblos Indígenas", Type: cal.ObservancePublic, StartYear: 2021, Func: calcChileWinterSolstice},
		clMoved("San Pedro y San Pablo", time.June, 29, ley19668Moves),
		clFixed("Día de la Virgen del Carmen", time.July, 16),
		clFixed("Asunción de la Virgen", time.August, 15),
		// Ley 20.215: the 17th when it is a Monday, the 20th when it is a
		// Friday, so Fiestas Patrias never leave a lone working day.
		clIfWeekday("Feriado adicional de Fiestas Patrias", time.September, 17, time.Monday),
		// Ley 20.983: the 17th when the 18th and 19th are Saturday and Sunday.
		clIfWeekday("Feriado adicional de Fiestas Patrias", time.September, 17, time.Friday),
		clFixed("Independencia Nacional", time.September, 18),
		clFixed("Día de las Glorias del Ejército", time.September, 19),
		clIfWeekday("Feriado adicional de Fiestas Patrias", time.September, 20, time.Friday),
		clMoved("Encuentro de Dos Mundos", time.October, 12, ley19668Moves),
		clMoved("Día de las Iglesias Evangélicas y Protestantes", time.October, 31, ley20299Moves),
		clFixed("Día de Todos los Santos", time.November, 1),
		clFixed("Inmaculada Concepción", time.December, 8),
		clFixed("Navidad", time.December, 25),
	},
}

// clDecrees are Chile's election days: Ley 18.700 makes every national
// election day a feriado legal. Dates from Servel's electoral calendar; all
// fall on Sundays. No national election is scheduled for 2026 or 2027.
var clDecrees = []decreed{
	{date(2025, time.June, 29), "Elecciones primarias", "Ley 18.700; Servel"},
	{date(2025, time.November, 16), "Elecciones presidenciales y parlamentarias", "Ley 18.700; Servel"},
	{date(2025, time.December, 14), "Segunda vuelta presidencial", "Ley 18.700; Servel"},
}
