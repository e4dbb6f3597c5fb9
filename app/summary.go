package app

import (
	"fmt"
	"io"
	"strings"

	"supportbot/config"
	"supportbot/ticketing"
)

// Summary prints what `supportbot check-config` shows of a valid
// configuration: the store, transports, Service Desk, staff, each client
// and the SLA targets.
func Summary(w io.Writer, cfg *config.Config) {
	fmt.Fprintln(w, "configuration OK")
	fmt.Fprintf(w, "store:        %s\n", StoreName(cfg))
	fmt.Fprintf(w, "http:         %s\n", cfg.HTTP.Listen)
	fmt.Fprintf(w, "slack:        %s\n", cfg.Slack.Mode)
	wa := "off"
	if cfg.WhatsApp.Enabled {
		wa = "on (device store " + cfg.WhatsApp.StorePath + ")"
		if cfg.WhatsApp.UsesCloud() {
			c := cfg.WhatsApp.Cloud
			wa = "on (Cloud API, number id " + c.PhoneNumberID + ", " + c.APIURL + ", template " + c.Templates.Reopen.Name + "/" + c.Templates.Reopen.Language + ")"
		}
	}
	fmt.Fprintf(w, "whatsapp:     %s\n", wa)
	fmt.Fprintf(w, "service desk: %s; alerts in %s\n", strings.Join(cfg.ServiceDesk.Phones, ", "), orNone(cfg.ServiceDesk.Channel))
	fmt.Fprintf(w, "triage:       ticket cards and internal notes in %s\n", orNone(cfg.Triage()))
	staff := cfg.TicketingStaff()
	fmt.Fprintf(w, "staff:        %d\n", len(staff))
	clients := cfg.TicketingClients()
	fmt.Fprintf(w, "clients:      %d\n", len(clients))
	for _, c := range clients {
		fmt.Fprintf(w, "  %-12s %-28s %s %-10s plan=%-9s contract=%-9s channel=%-12s focal=%s whatsapp=%d\n",
			c.ID, c.Name, c.Country, c.TimeZone(), c.Plan, c.Contract, orNone(c.Channel), c.FocalPoint, len(c.Contacts))
	}
	targets := cfg.SLA.TargetMap()
	fmt.Fprintf(w, "sla targets:  critica=%s alta=%s media=%s baja=%s; pings at %v\n",
		targets["critica"], targets["alta"], targets["media"], targets["baja"], cfg.SLA.WarnAt)
	next := "as the targets"
	switch off, by := cfg.SLA.NextResponsePolicy(); {
	case off:
		next = "off"
	case len(by) > 0:
		next = priorityList(by)
	}
	resolution := "none"
	if goals := cfg.SLA.ResolutionTargetMap(); len(goals) > 0 {
		hours := map[ticketing.Priority]ticketing.Target{}
		for p, d := range goals {
			hours[p] = ticketing.Target{OpenTime: d}
		}
		resolution = priorityList(hours)
	}
	fmt.Fprintf(w, "sla next:     %s; resolution goals: %s\n", next, resolution)
	knowledgeSummary(w, cfg)
}

// priorityList writes a value per priority, most urgent first, leaving out
// the priorities without one.
func priorityList(m map[ticketing.Priority]ticketing.Target) string {
	var parts []string
	for _, p := range ticketing.Priorities {
		if v, ok := m[p]; ok {
			parts = append(parts, string(p)+"="+v.String())
		}
	}
	return strings.Join(parts, " ")
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
