package bot

import (
	"supportbot/ticketing"
)

// directory answers "who is this?" from the configuration: which client owns
// a channel, who is support staff. Anyone else in a client channel is that
// client's staff.
type directory struct {
	clients   []ticketing.Client
	byID      map[string]*ticketing.Client
	byChannel map[string]*ticketing.Client
	staff     map[string]ticketing.Staff
	// agents take a client's urgent work when no backup is available (the
	// seed: any support agent may take over).
	agents []string
}

func newDirectory(clients []ticketing.Client, staff []ticketing.Staff) *directory {
	d := &directory{
		clients:   clients,
		byID:      map[string]*ticketing.Client{},
		byChannel: map[string]*ticketing.Client{},
		staff:     map[string]ticketing.Staff{},
		agents:    ticketing.AgentIDs(staff),
	}
	for i := range d.clients {
		c := &d.clients[i]
		d.byID[c.ID] = c
		if c.Channel != "" {
			d.byChannel[c.Channel] = c
		}
	}
	for _, s := range staff {
		d.staff[s.ID] = s
	}
	return d
}

func (d *directory) client(id string) (*ticketing.Client, bool) {
	c, ok := d.byID[id]
	return c, ok
}

func (d *directory) clientOfChannel(channel string) (*ticketing.Client, bool) {
	c, ok := d.byChannel[channel]
	return c, ok
}

func (d *directory) isStaff(userID string) bool {
	_, ok := d.staff[userID]
	return ok
}

func (d *directory) staffMember(userID string) (ticketing.Staff, bool) {
	s, ok := d.staff[userID]
	return s, ok
}

func (d *directory) staffName(userID string) string {
	if s, ok := d.staff[userID]; ok {
		return s.Name
	}
	return userID
}
