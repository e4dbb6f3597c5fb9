package config

import "time"

// RetentionOff keeps every message for ever, the default.
const RetentionOff = "off"

// minRetention keeps a typo ("7d" for "730d") from emptying the texts of
// tickets still being worked on.
const minRetention = 30 * 24 * time.Hour

// Retention is how long personal data is kept.
type Retention struct {
	// Messages is the age after which message texts and file metadata are
	// removed ("730d"); "off" keeps them.
	Messages string `yaml:"messages"`
	messages time.Duration
}

// MessagesAge is the age past which message texts go; zero keeps them.
func (r *Retention) MessagesAge() time.Duration { return r.messages }

func (c *Config) validateRetention(v *validator) {
	r := &c.Retention
	if r.Messages == "" {
		r.Messages = RetentionOff
	}
	if r.Messages == RetentionOff {
		return
	}
	d, ok := calendarDuration(r.Messages)
	switch {
	case !ok:
		v.add("retention.messages", "bad duration %q: want off or whole days such as 730d", r.Messages)
	case d < minRetention:
		v.add("retention.messages", "%q is under 30 days: it would empty the texts of tickets still open", r.Messages)
	default:
		r.messages = d
	}
}
