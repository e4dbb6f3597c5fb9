package main

import (
	"context"
	"fmt"

	"supportbot/ticketing"
)

// summary prints the tickets the scenario produced and how their first
// responses went.
func (p *demoPlayer) summary(ctx context.Context) error {
	var tickets []*ticketing.Ticket
	err := p.a.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		tickets, err = tx.FindTickets(ctx, ticketing.TicketFilter{})
		return err
	})
	if err != nil {
		return err
	}
	p.tr.narrate("Resumen de SLA")
	met := 0
	for _, t := range tickets {
		outcome := "sin respuesta"
		switch {
		case t.SLAMet():
			outcome, met = "respondido a tiempo", met+1
		case t.Responded():
			outcome = "respondido tarde"
		}
		fmt.Fprintf(p.tr.w, "  #%-3d %-10s %-13s %-16s %s\n", t.ID, t.ClientID, t.Kind, t.Status, outcome)
	}
	fmt.Fprintf(p.tr.w, "  %d tickets, %d con primera respuesta dentro del objetivo\n", len(tickets), met)
	return nil
}
