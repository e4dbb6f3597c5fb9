package wording

// plurals are the texts whose wording follows a count, their first
// argument.
var plurals = map[string]Plural{
	// The service desk's Home: one client's counts.
	"home.desk.n_open":     {ESAR: Forms{"%d abierto", "%d abiertos"}, ESCL: Forms{"%d abierto", "%d abiertos"}, EN: Forms{"%d open", "%d open"}},
	"home.desk.n_breached": {ESAR: Forms{"%d incumplido", "%d incumplidos"}, ESCL: Forms{"%d incumplido", "%d incumplidos"}, EN: Forms{"%d breached", "%d breached"}},
	"duration.days": {
		ESAR: Forms{"%d día", "%d días"},
		ESCL: Forms{"%d día", "%d días"},
		EN:   Forms{"%d day", "%d days"},
	},
}
