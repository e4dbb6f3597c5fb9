package schedules

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"

	"supportbot/ticketing"
)

// Official calendars, day by day: feriados.cl and the Gobierno de Chile's
// yearly list (gob.cl), under Ley 2.977 and its amendments, Ley 19.668
// (moves of San Pedro y San Pablo and Encuentro de Dos Mundos), Ley 20.299
// (Iglesias Evangélicas), Ley 20.215 and Ley 20.983 (extra Fiestas Patrias
// days), Ley 21.357 (Pueblos Indígenas on the solstice) and Ley 18.700
// (election days, from Servel's calendar).
var clOfficial = map[int][]string{
	2025: {
		"2025-01-01", // Año Nuevo (mié)
		"2025-04-18", // Viernes Santo
		"2025-04-19", // Sábado Santo
		"2025-05-01", // Día del Trabajo (jue)
		"2025-05-21", // Glorias Navales (mié)
		"2025-06-20", // Pueblos Indígenas: solsticio 20/6 22:42 hora de Chile (vie)
		"2025-06-29", // San Pedro y San Pablo (dom, no se traslada) y elecciones primarias
		"2025-07-16", // Virgen del Carmen (mié)
		"2025-08-15", // Asunción (vie)
		"2025-09-18", // Independencia (jue)
		"2025-09-19", // Glorias del Ejército (vie)
		"2025-10-12", // Encuentro de Dos Mundos (dom)
		"2025-10-31", // Iglesias Evangélicas (vie)
		"2025-11-01", // Todos los Santos (sáb)
		"2025-11-16", // elecciones presidenciales y parlamentarias (dom)
		"2025-12-08", // Inmaculada Concepción (lun)
		"2025-12-14", // segunda vuelta presidencial (dom)
		"2025-12-25", // Navidad (jue)
	},
	// Some 2026 press calendars put Pueblos Indígenas on Saturday 20 June;
	// the solstice is 21 June 04:24 in Chile (08:24 UTC), a Sunday, which is
	// what the law and the government's list say.
	2026: {
		"2026-01-01", // Año Nuevo (jue)
		"2026-04-03", // Viernes Santo
		"2026-04-04", // Sábado Santo
		"2026-05-01", // Día del Trabajo (vie)
		"2026-05-21", // Glorias Navales (jue)
		"2026-06-21", // Pueblos Indígenas (dom)
		"2026-06-29", // San Pedro y San Pablo (lun)
		"2026-07-16", // Virgen del Carmen (jue)
		"2026-08-15", // Asunción (sáb)
		"2026-09-18", // Independencia (vie)
		"2026-09-19", // Glorias del Ejército (sáb)
		"2026-10-12", // Encuentro de Dos Mundos (lun)
		"2026-10-31", // Iglesias Evangélicas (sáb)
		"2026-11-01", // Todos los Santos (dom)
		"2026-12-08", // Inmaculada Concepción (mar)
		"2026-12-25", // Navidad (vie)
	},
	// 2027 by law alone: no national election is scheduled.
	2027: {
		"2027-01-01", // Año Nuevo (vie)
		"2027-03-26", // Viernes Santo
		"2027-03-27", // Sábado Santo
		"2027-05-01", // Día del Trabajo (sáb)
		"2027-05-21", // Glorias Navales (vie)
		"2027-06-21", // Pueblos Indígenas: solsticio 21/6 10:11 hora de Chile (lun)
		"2027-06-28", // San Pedro y San Pablo, trasladado del martes 29
		"2027-07-16", // Virgen del Carmen (vie)
		"2027-08-15", // Asunción (dom)
		"2027-09-17", // feriado adicional, Ley 20.983: 18 y 19 caen sábado y domingo
		"2027-09-18", // Independencia (sáb)
		"2027-09-19", // Glorias del Ejército (dom)
		"2027-10-11", // Encuentro de Dos Mundos, trasladado del martes 12
		"2027-10-31", // Iglesias Evangélicas (dom)
		"2027-11-01", // Todos los Santos (lun)
		"2027-12-08", // Inmaculada Concepción (mié)
		"2027-12-25", // Navidad (sáb)
	},
}

func TestHolidaysCLOfficial(t *testing.T) {
	for year, want := range clOfficial {
		checkHolidays(t, ticketing.CountryCL, year, want)
	}
}

func TestHolidaysCLMoveRules(t *testing.T) {
	// The laws' moves in years outside the official tables above, checked
	// against those years' published calendars.
	tests := []struct {
		name string
		want ticketing.Date
	}{
		{"2022 San Pedro y San Pablo (miércoles 29 → lunes 27)", date(2022, time.June, 27)},
		{"2022 Pueblos Indígenas (solsticio martes 21)", date(2022, time.June, 21)},
		{"2022 Encuentro de Dos Mundos (miércoles 12 → lunes 10)", date(2022, time.October, 10)},
		{"2023 San Pedro y San Pablo (jueves 29 → lunes 26)", date(2023, time.June, 26)},
		{"2023 Encuentro de Dos Mundos (jueves 12 → lunes 9)", date(2023, time.October, 9)},
		{"2023 Iglesias Evangélicas (martes 31 → viernes 27)", date(2023, time.October, 27)},
		{"2024 Pueblos Indígenas (solsticio jueves 20)", date(2024, time.June, 20)},
		{"2024 Fiestas Patrias (viernes 20, Ley 20.215)", date(2024, time.September, 20)},
		{"2018 Fiestas Patrias (lunes 17, Ley 20.215)", date(2018, time.September, 17)},
		{"2021 Fiestas Patrias (viernes 17, Ley 20.983)", date(2021, time.September, 17)},
		{"2023 Año Nuevo (lunes 2, Ley 20.983)", date(2023, time.January, 2)},
		{"2024 Iglesias Evangélicas (jueves 31, sin traslado)", date(2024, time.October, 31)},
		{"2029 Iglesias Evangélicas (miércoles 31 → viernes 2/11)", date(2029, time.November, 2)},
	}
	for _, tt := range tests {
		found := false
		for _, h := range Holidays(ticketing.CountryCL, tt.want.Year) {
			found = found || h.Date == tt.want
		}
		if !found {
			t.Errorf("%s: %s is not a holiday", tt.name, tt.want)
		}
	}
	notHolidays := []struct {
		name string
		d    ticketing.Date
	}{
		{"2022 San Pedro y San Pablo's legal date (moved away)", date(2022, time.June, 29)},
		{"2023 Iglesias Evangélicas' legal date (moved away)", date(2023, time.October, 31)},
		{"2024 Año Nuevo adicional (1/1 was a Monday)", date(2024, time.January, 2)},
		{"2025 Fiestas Patrias: 20/9 is a Saturday", date(2025, time.September, 20)},
	}
	for _, tt := range notHolidays {
		for _, h := range Holidays(ticketing.CountryCL, tt.d.Year) {
			if h.Date == tt.d {
				t.Errorf("%s: %s is a holiday (%s)", tt.name, tt.d, h.Name)
			}
		}
	}
}

func TestJuneSolstice(t *testing.T) {
	// Instants published by the US Naval Observatory (UTC, to the minute).
	tests := []struct {
		year int
		want time.Time
	}{
		{2021, time.Date(2021, 6, 21, 3, 32, 0, 0, time.UTC)},
		{2024, time.Date(2024, 6, 20, 20, 51, 0, 0, time.UTC)},
		{2025, time.Date(2025, 6, 21, 2, 42, 0, 0, time.UTC)},
		{2026, time.Date(2026, 6, 21, 8, 24, 0, 0, time.UTC)},
		{2027, time.Date(2027, 6, 21, 14, 11, 0, 0, time.UTC)},
		{2028, time.Date(2028, 6, 20, 20, 2, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got := juneSolstice(tt.year)
		if d := got.Sub(tt.want); d < -2*time.Minute || d > 2*time.Minute {
			t.Errorf("juneSolstice(%d) = %s, want %s ± 2m", tt.year, got, tt.want)
		}
	}
}

func TestInUTCSurvivesMidnightGap(t *testing.T) {
	// Midnight of 6 September 2026 does not exist in Santiago; Go yields
	// 23:00 on the 5th, and the date must still read as the 6th.
	slipped := func(*cal.Holiday, int) time.Time { return time.Date(2026, 9, 6, 0, 0, 0, 0, santiago) }
	got := inUTC(slipped)(nil, 2026)
	if want := time.Date(2026, 9, 6, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("inUTC = %s, want %s", got, want)
	}
}
