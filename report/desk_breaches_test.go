package report_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/report"
	"supportbot/ticketing"
)

// deskInput is three months of four clients, for the desk-wide breach
// list, the golden files and the browser: every client has first-response
// breaches answered late and never answered, and next-response breaches of
// both kinds, in November, the month reported.
func deskInput() report.Input {
	cl := append(clients(),
		ticketing.Client{ID: "boreal", Name: "Boreal Telecomunicaciones y Servicios de Cobranza Integral Sociedad Anónima", Country: ticketing.CountryAR,
			Location: ar, Plan: ticketing.PlanEstandar, Channel: "CBOREAL", FocalPoint: "UBETO"},
		ticketing.Client{ID: "delta", Name: "Delta Collections", Country: ticketing.CountryCL, Location: scl, Plan: ticketing.PlanExtendido,
			Channel: "CDELTA", FocalPoint: "UCARLA"},
	)
	in := report.Input{Month: november, Clients: cl, FirstBotReply: map[int64]time.Time{}, Hours: halfHours{}, Now: reportNow,
		Names: map[string]string{"UANA": "Ana Pérez", "UBETO": "Beto Gómez", "UCARLA": "Carla Núñez"}, Zone: ar}
	const h = time.Hour
	id := int64(100)
	for ci, c := range cl {
		for _, m := range []time.Month{time.September, time.October, time.November} {
			for j := range 5 {
				id++
				s := tk{id: id, client: c.ID, prio: ticketing.Priorities[(ci+j)%4], source: ticketing.SourceSlack,
					received: time.Date(2026, m, 3+j*5+ci, 13+j, 0, 0, 0, time.UTC), target: 4 * h, by: c.FocalPoint,
					bot: time.Duration(10+20*j) * time.Second}
				switch j {
				case 0:
					s.respond = h
				case 1:
					s.respond, s.by = 6*h, "UCARLA" // late, by someone else
				case 2: // never answered: breached
				case 3:
					s.respond, s.source = 2*h, ticketing.SourceWhatsApp
				case 4:
					s.respond, s.kind = 30*time.Minute, ticketing.KindConsulta
				}
				t := s.ticket()
				if ci == 2 && j == 2 {
					t.Subject = strings.Repeat("no-levanta-el-discador-", 6)
				}
				in.Tickets = append(in.Tickets, t)
				in.FirstBotReply[id] = s.received.Add(s.bot)
				if m != time.November {
					continue
				}
				since := s.received.Add(3 * h)
				n := ticketing.NextResponse{TicketID: id, ClientID: c.ID, Priority: s.prio, Since: since, ClockStart: since, DueAt: since.Add(4 * h)}
				switch j {
				case 0: // answered late
					n.AnsweredAt, n.AnsweredBy = since.Add(7*h), "UANA"
				case 3: // never answered: overdue at reportNow
				case 4: // answered in time
					n.AnsweredAt, n.AnsweredBy = since.Add(h), c.FocalPoint
				default:
					continue
				}
				in.NextResponses = append(in.NextResponses, n)
			}
		}
	}
	return in
}

func TestDeskBreachList(t *testing.T) {
	r := report.Build(deskInput())
	type row struct {
		clock  report.Clock
		ticket int64
		client string
	}
	var got []row
	for _, b := range r.Breaches {
		got = append(got, row{b.Clock, b.TicketID, b.ClientID})
	}
	if len(got) != 16 {
		t.Fatalf("desk-wide list has %d breaches, want 16: %v", len(got), got)
	}
	for i := 1; i < len(r.Breaches); i++ {
		if r.Breaches[i].Opened.After(r.Breaches[i-1].Opened) {
			t.Errorf("breach %d (#%d) opened after the one before it: not newest first", i, r.Breaches[i].TicketID)
		}
	}
	// Every client's breaches are in the desk-wide list, and every
	// first-response one there is in its client's list.
	perClient := 0
	for _, c := range r.Clients {
		perClient += len(c.Breaches)
		if c.Total.Breaches != len(c.Breaches) {
			t.Errorf("%s: %d breaches counted, %d listed", c.Client.ID, c.Total.Breaches, len(c.Breaches))
		}
	}
	var first, next int
	for _, b := range r.Breaches {
		switch b.Clock {
		case report.ClockFirst:
			first++
		case report.ClockNext:
			next++
		}
	}
	if first != perClient || first != r.Desk.Total.Breaches || next != r.Desk.Total.NextBreaches {
		t.Errorf("list has %d first and %d next; clients list %d, desk counts %d and %d", first, next, perClient, r.Desk.Total.Breaches, r.Desk.Total.NextBreaches)
	}
	// A next-response breach answered late: who answered, how late (half
	// the 3 h past due with halfHours), the ticket's thread.
	var late *report.Breach
	for i, b := range r.Breaches {
		if b.Clock == report.ClockNext && b.ClientID == "acme" && b.Answered() {
			late = &r.Breaches[i]
		}
	}
	if late == nil {
		t.Fatal("acme's late next response is not listed")
	}
	if late.ResponderName != "Ana Pérez" || late.Late != 90*time.Minute || late.FocalName != "Ana Pérez" ||
		!strings.HasPrefix(late.Link, "https://slack.com/archives/CACME/p") || late.ClientName != "ACME Cobranzas" || late.Kind != ticketing.KindIncidente {
		t.Errorf("late next response = %+v", *late)
	}
}
