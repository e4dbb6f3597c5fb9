package schedules

import (
	"math"
	"time"

	"github.com/rickar/cal/v2"
)

// chileWinterTime is mainland Chile's offset in June (standard time, -04).
// A fixed zone keeps the holiday rules independent of the tz database.
var chileWinterTime = time.FixedZone("-04", -4*60*60)

// calcChileWinterSolstice is the civil date in mainland Chile of the June
// solstice, the southern winter solstice Ley 21.357 makes a holiday.
func calcChileWinterSolstice(_ *cal.Holiday, year int) time.Time {
	y, m, d := juneSolstice(year).In(chileWinterTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// deltaT approximates TT−UT for the 2020s; its drift of a few seconds a
// decade is far below the solstice's margin from midnight in any year.
const deltaT = 69 * time.Second

// solsticeTerms are the periodic terms (A, B°, C°) of Meeus, Astronomical
// Algorithms, ch. 27, table 27.C.
var solsticeTerms = [24][3]float64{
	{485, 324.96, 1934.136}, {203, 337.23, 32964.467}, {199, 342.08, 20.186},
	{182, 27.85, 445267.112}, {156, 73.14, 45036.886}, {136, 171.52, 22518.443},
	{77, 222.54, 65928.934}, {74, 296.72, 3034.906}, {70, 243.58, 9037.513},
	{58, 119.81, 33718.147}, {52, 297.17, 150.678}, {50, 21.02, 2281.226},
	{45, 247.54, 29929.562}, {44, 325.15, 31555.956}, {29, 60.93, 4443.417},
	{18, 155.12, 67555.328}, {17, 288.79, 4562.452}, {16, 198.04, 62894.029},
	{14, 199.76, 31436.921}, {12, 95.39, 14577.848}, {12, 287.11, 31931.756},
	{12, 320.81, 34777.259}, {9, 227.73, 1222.114}, {8, 15.45, 16859.074},
}

// juneSolstice is the instant of the June solstice (Meeus ch. 27, valid for
// years 1000–3000, accurate to about a minute).
func juneSolstice(year int) time.Time {
	y := (float64(year) - 2000) / 1000
	jde0 := 2451716.56767 + 365241.62603*y + 0.00325*y*y + 0.00888*y*y*y - 0.00030*y*y*y*y
	t := (jde0 - 2451545.0) / 36525
	rad := math.Pi / 180
	w := (35999.373*t - 2.47) * rad
	dl := 1 + 0.0334*math.Cos(w) + 0.0007*math.Cos(2*w)
	var s float64
	for _, term := range solsticeTerms {
		s += term[0] * math.Cos((term[1]+term[2]*t)*rad)
	}
	jde := jde0 + 0.00001*s/dl
	unixSec := (jde - 2440587.5) * 86400
	return time.Unix(0, int64(unixSec*1e9)).UTC().Add(-deltaT)
}
