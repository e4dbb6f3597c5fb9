package playground

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"supportbot/config"
)

// World is who and where the page offers: the clients' channels and their
// people, the approved WhatsApp contacts, one number nobody approved, the
// desk's people and channels.
type World struct {
	Clients []WorldClient `json:"clients"`
	Staff   []Person      `json:"staff"`
	Desk    []Place       `json:"desk"`
	Unknown string        `json:"unknown"`
	Zone    string        `json:"zone"`
	// Note says what of the configuration file the playground does not use.
	Note string `json:"note,omitempty"`
}

// WorldClient is a client: its channel, the people who write in it and its
// approved WhatsApp contacts.
type WorldClient struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Channel  string   `json:"channel"`
	Language string   `json:"language"`
	Users    []Person `json:"users"`
	Contacts []string `json:"contacts"`
}

// Person is someone the page can write as.
type Person struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// Place is a desk channel.
type Place struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func newWorld(cfg *config.Config, ignored []string, path string) World {
	w := World{Zone: firstLocation(cfg).String()}
	var contacts []string
	for _, c := range cfg.TicketingClients() {
		w.Clients = append(w.Clients, WorldClient{ID: c.ID, Name: c.Name, Channel: c.Channel, Language: string(c.Language),
			Users: []Person{{ID: clientUser(c.ID), Name: "Cliente · " + c.Name}}, Contacts: append([]string{}, c.Contacts...)})
		contacts = append(contacts, c.Contacts...)
	}
	for _, s := range cfg.TicketingStaff() {
		w.Staff = append(w.Staff, Person{ID: s.ID, Name: s.Name, Role: string(s.Role)})
	}
	w.Desk = append(w.Desk, Place{ID: cfg.ServiceDesk.Channel, Name: "Mesa de ayuda"})
	if tr := cfg.Triage(); tr != cfg.ServiceDesk.Channel {
		w.Desk = append(w.Desk, Place{ID: tr, Name: "Triage"})
	}
	if m := cfg.WhatsApp.MirrorChannel; m != "" && m != cfg.ServiceDesk.Channel && m != cfg.Triage() {
		w.Desk = append(w.Desk, Place{ID: m, Name: "Espejo de WhatsApp"})
	}
	w.Unknown = "+5491166660000"
	for n := 1; slices.Contains(contacts, w.Unknown); n++ {
		w.Unknown = fmt.Sprintf("+54911666600%02d", n)
	}
	if len(ignored) > 0 {
		w.Note = fmt.Sprintf("%s: %s ignored; Slack, WhatsApp and the store are played in-process, so no token or transport in the file is used",
			path, strings.Join(ignored, ", "))
	}
	return w
}

// clientUser is the Slack user id the page writes as for a client: the
// configuration lists clients' channels, not their people.
func clientUser(clientID string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(clientID) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return "U0" + b.String() + "USER"
}

// person finds who writes as id; client is the client whose user it is,
// empty for staff.
func (w World) person(id string) (p Person, client *WorldClient, ok bool) {
	for _, s := range w.Staff {
		if s.ID == id {
			return s, nil, true
		}
	}
	for i, c := range w.Clients {
		for _, u := range c.Users {
			if u.ID == id {
				return u, &w.Clients[i], true
			}
		}
	}
	return Person{}, nil, false
}

// clientOfChannel is the client whose channel id is.
func (w World) clientOfChannel(id string) (*WorldClient, bool) {
	for i, c := range w.Clients {
		if c.Channel == id {
			return &w.Clients[i], true
		}
	}
	return nil, false
}

// isPhone tells a number the page plays: an approved contact or the
// unknown one.
func (w World) isPhone(n string) bool {
	if n == w.Unknown {
		return true
	}
	for _, c := range w.Clients {
		if slices.Contains(c.Contacts, n) {
			return true
		}
	}
	return false
}

func (w World) isDesk(id string) bool {
	return slices.ContainsFunc(w.Desk, func(p Place) bool { return p.ID == id })
}
