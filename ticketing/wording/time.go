package wording

import (
	"fmt"
	"time"
)

// When renders an instant on the client's clock the way people say it, in
// the desk's Spanish: "el lunes 30/11 a las 12:00", or "hoy a las 12:00" /
// "mañana sábado 28/11 a las 09:00" relative to now.
func When(t, now time.Time, loc *time.Location) string { return SpanishAR.When(t, now, loc) }

// Duration says how long is left in the desk's Spanish ("35 min",
// "2 h 10 min", "1 día 3 h").
func Duration(d time.Duration) string { return SpanishAR.Duration(d) }

// When renders an instant on loc's clock in l: "el lunes 30/11 a las
// 12:00" in Spanish, "Monday 30/11 at 12:00" in English, with today and
// tomorrow named.
func (l Language) When(t, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t, now = t.In(loc), now.In(loc)
	clock := t.Format("15:04")
	ty, tm, td := t.Date()
	ny, nm, nd := now.Date()
	today := time.Date(ny, nm, nd, 0, 0, 0, 0, loc)
	day := time.Date(ty, tm, td, 0, 0, 0, 0, loc)
	weekday := l.Say(fmt.Sprintf("weekday.%d", t.Weekday()))
	switch {
	case day.Equal(today):
		return l.Say("when.today", clock)
	case day.Equal(today.AddDate(0, 0, 1)):
		return l.Say("when.tomorrow", weekday, t.Format("02/01"), clock)
	}
	return l.Say("when.day", weekday, t.Format("02/01"), clock)
}

// Duration says how long is left in l ("35 min", "2 h 10 min", "1 día 3 h",
// "2 days").
func (l Language) Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%s %d h", l.Say("duration.days", days), hours)
	case days > 0:
		return l.Say("duration.days", days)
	case hours > 0 && mins > 0:
		return fmt.Sprintf("%d h %d min", hours, mins)
	case hours > 0:
		return fmt.Sprintf("%d h", hours)
	}
	return fmt.Sprintf("%d min", mins)
}
