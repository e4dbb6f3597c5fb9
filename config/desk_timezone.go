package config

import (
	"time"
)

// validateDeskTimezone checks desk.timezone. "Local" is refused: under
// systemd the process has no TZ, and the report would say "Local" to a
// reader who cannot tell which zone that was.
func (c *Config) validateDeskTimezone(v *validator) {
	if c.Desk.Timezone == "" {
		return
	}
	loc, err := time.LoadLocation(c.Desk.Timezone)
	if err != nil || c.Desk.Timezone == "Local" {
		v.add("desk.timezone", "unknown IANA time zone %q, e.g. America/Argentina/Buenos_Aires", c.Desk.Timezone)
		return
	}
	c.Desk.location = loc
}

// DeskZone is the zone the desk reads times in: desk.timezone, else the
// first client's zone, else UTC.
func (c *Config) DeskZone() *time.Location {
	if c.Desk.location != nil {
		return c.Desk.location
	}
	for _, cl := range c.TicketingClients() {
		if cl.Location != nil {
			return cl.Location
		}
	}
	return time.UTC
}
