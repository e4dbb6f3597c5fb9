package wording

// plurals are the texts whose wording follows a count, their first
// argument.
var plurals = map[string]Plural{
	"duration.days": {
		ESAR: Forms{"%d día", "%d días"},
		ESCL: Forms{"%d día", "%d días"},
		EN:   Forms{"%d day", "%d days"},
	},
}
