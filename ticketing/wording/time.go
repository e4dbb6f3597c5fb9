// Package wording renders times and durations the way the desk writes them
// to clients, in Spanish, on the client's clock.
package wording

import (
	"fmt"
	"time"
)

var weekdays = [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}

// When renders an instant on the client's clock the way people say it:
// "el lunes 30/11 a las 12:00", or "hoy a las 12:00" / "mañana a las 09:00"
// relative to now.
func When(t, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t, now = t.In(loc), now.In(loc)
	clock := t.Format("15:04")
	ty, tm, td := t.Date()
	ny, nm, nd := now.Date()
	today := time.Date(ny, nm, nd, 0, 0, 0, 0, loc)
	day := time.Date(ty, tm, td, 0, 0, 0, 0, loc)
	switch {
	case day.Equal(today):
		return "hoy a las " + clock
	case day.Equal(today.AddDate(0, 0, 1)):
		return fmt.Sprintf("mañana %s %s a las %s", weekdays[t.Weekday()], t.Format("02/01"), clock)
	}
	return fmt.Sprintf("el %s %s a las %s", weekdays[t.Weekday()], t.Format("02/01"), clock)
}

// Duration says how long is left ("35 min", "2 h 10 min", "1 día 3 h").
func Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%d %s %d h", days, plural(days, "día", "días"), hours)
	case days > 0:
		return fmt.Sprintf("%d %s", days, plural(days, "día", "días"))
	case hours > 0 && mins > 0:
		return fmt.Sprintf("%d h %d min", hours, mins)
	case hours > 0:
		return fmt.Sprintf("%d h", hours)
	}
	return fmt.Sprintf("%d min", mins)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
