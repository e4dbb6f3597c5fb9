package bot

import (
	"time"

	"supportbot/ticketing"
)

func locOf(c *ticketing.Client) *time.Location {
	if c == nil || c.Location == nil {
		return time.UTC
	}
	return c.Location
}
