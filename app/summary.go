package app

import (
	"fmt"
	"io"
	"strings"

	"supportbot/config"
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
	}
	fmt.Fprintf(w, "whatsapp:     %s\n", wa)
	fmt.Fprintf(w, "service desk: %s; alerts in %s\n", strings.Join(cfg.ServiceDesk.Phones, ", "), orNone(cfg.ServiceDesk.Channel))
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
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
