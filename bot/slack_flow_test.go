package bot_test

import (
	"strings"
	"testing"

	"supportbot/ticketing"
)

func TestClientMessageOpensTicketAndAnswersInThread(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	ts := h.tickets("acme")
	if len(ts) != 1 {
		t.Fatalf("tickets = %d, want 1", len(ts))
	}
	tk := ts[0]
	if tk.Kind != ticketing.KindIncidente || tk.Priority != ticketing.PriorityAlta || tk.Status != ticketing.StatusNuevo || tk.Desk.Thread != "100.1" {
		t.Errorf("ticket = %+v", tk)
	}
	slack, _ := h.flush()
	if len(slack) != 1 {
		t.Fatalf("slack sends = %d, want 1:\n%s", len(slack), texts(slack))
	}
	got := slack[0]
	for _, want := range []string{"ticket #1", "Incidente", "ALTA", "vence hoy a las 14:00", "<@UFOCAL>"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("answer lacks %q: %s", want, got.Text)
		}
	}
	var ids []string
	for _, b := range got.Buttons {
		ids = append(ids, b.ActionID)
	}
	// Staff buttons are on the card, never on a post client users see; an
	// ALTA incident's answer carries only the client's way out.
	if got.To.Address != "CACME" || got.To.Thread != "100.1" || strings.Join(ids, " ") != "impact_critical" {
		t.Errorf("answer goes to %s/%s with buttons %v, want CACME/100.1 with impact_critical alone", got.To.Address, got.To.Thread, ids)
	}
	cards := h.takeTriaged()
	if len(cards) != 1 || len(cards[0].Buttons) != 3 || cards[0].To.Thread != "" {
		t.Fatalf("triage posts:\n%s\nwant one card with Tomar/Resolver/Escalar", texts(cards))
	}
	for _, want := range []string{"Ticket #1", "ACME", "Incidente · prioridad ALTA", "Vence:", "hora de Buenos Aires", "nadie todavía", "<@UFOCAL>", "no anda"} {
		if !strings.Contains(cards[0].Text, want) {
			t.Errorf("card lacks %q: %s", want, cards[0].Text)
		}
	}
}

func TestRetriesAndTwinEventsNeverOpenASecondTicket(t *testing.T) {
	h := newHarness(t)
	in := slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda")
	h.handle(in)
	h.handle(in) // Slack retry: same event id
	twin := in
	twin.EventID = "EvMention" // app_mention twin: same ts, other event id
	h.handle(twin)
	if got := len(h.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1", got)
	}
	if slack, _ := h.flush(); len(slack) != 1 {
		t.Errorf("answers = %d, want 1:\n%s", len(slack), texts(slack))
	}
}

func TestCriticalMessageIsRefusedToThePhone(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "URGENTE está todo caído"))
	if got := len(h.tickets("acme")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
	slack, _ := h.flush()
	var answer, alert, dm bool
	for _, it := range slack {
		switch {
		case it.To.Address == "CACME" && it.To.Thread == "100.1":
			answer = true
			for _, p := range phones {
				if !strings.Contains(it.Text, p) {
					t.Errorf("refusal lacks phone %s: %s", p, it.Text)
				}
			}
		case it.To.Address == "CDESK":
			alert = strings.Contains(it.Text, "está todo caído")
		case it.Route() == slackDM && it.To.Address == "UFOCAL":
			dm = true
		}
	}
	if !answer || !alert || !dm {
		t.Errorf("answer=%v desk alert=%v focal DM=%v, want all:\n%s", answer, alert, dm, texts(slack))
	}
	if got := len(h.audits("critical_refused")); got != 1 {
		t.Errorf("critical_refused audit lines = %d, want 1", got)
	}
}

func TestSuspendedClientGetsNoTicket(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CGAMMA", "UCLIENT", "100.1", "el discador no anda"))
	if got := len(h.tickets("gamma")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
	slack, _ := h.flush()
	if !strings.Contains(texts(slack), "suspendido") || !strings.Contains(texts(slack), "slack_dm UFOCAL") {
		t.Errorf("want a contract answer and a DM to the focal point:\n%s", texts(slack))
	}
}

func TestStaffThreadReplyIsTheFirstResponse(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.clock.Advance(30 * 60e9)
	h.handle(threadReply("CACME", "UCLIENT", "100.1", "100.2", "sigue sin andar"))
	if tk := h.ticket(1); tk.Responded() {
		t.Fatal("a client reply counted as the first response")
	}
	h.handle(threadReply("CACME", "UFOCAL", "100.1", "100.3", "Lo estoy viendo"))
	tk := h.ticket(1)
	if !tk.Responded() || tk.FirstResponder != "UFOCAL" || tk.Status != ticketing.StatusEnCurso || !tk.SLAMet() {
		t.Errorf("after staff reply: responded=%v by %s status=%s met=%v", tk.Responded(), tk.FirstResponder, tk.Status, tk.SLAMet())
	}
	if got := len(h.audits("first_response")); got != 1 {
		t.Errorf("first_response audits = %d, want 1", got)
	}
	h.handle(threadReply("CACME", "UBACKUP", "100.1", "100.4", "Sumo info"))
	if got := h.ticket(1).FirstResponder; got != "UFOCAL" {
		t.Errorf("first responder changed to %s", got)
	}
}

func TestTenantIsolation(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENTA", "100.1", "el discador no anda"))
	h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))

	tests := []struct {
		name string
		text string
		want string
	}{
		{"close another client's ticket", "conforme #1", "No encontramos el ticket #1"},
		{"list shows only own tickets", "estado", "No hay tickets abiertos"},
		{"staff verbs refused", "resolver #1 listo", "comando del equipo de soporte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.handle(command("CBETA", "UCLIENTB", tt.text))
			if !strings.Contains(r.Text, tt.want) || strings.Contains(r.Text, "discador") {
				t.Errorf("reply = %q, want it to contain %q and nothing of ACME's ticket", r.Text, tt.want)
			}
		})
	}
	// A forged button press from Beta's channel for ACME's ticket.
	h.handle(channelsAction("CBETA", "UCLIENTB", "ticket_kind", "1:consulta"))
	if got := h.ticket(1); got.Status != ticketing.StatusResuelto || got.Kind != ticketing.KindIncidente {
		t.Errorf("ACME's ticket changed from Beta's channel: %+v", got)
	}
	if r := h.handle(command("CACME", "UCLIENTA", "conforme #1")); !strings.Contains(r.Text, "cerrado") {
		t.Errorf("ACME's own conformity: %q", r.Text)
	}
	if got := h.ticket(1).Status; got != ticketing.StatusCerrado {
		t.Errorf("status after conformity = %s, want cerrado", got)
	}
}

func TestLowConfidenceAsksWithButtons(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "hmm tengo algo raro"))
	tk := h.ticket(1)
	if !tk.AwaitingChoice {
		t.Fatal("ticket not waiting for a choice")
	}
	slack, _ := h.flush()
	if len(slack) != 1 || len(slack[0].Buttons) != 4 {
		t.Fatalf("want one question with 4 buttons:\n%s", texts(slack))
	}
	h.handle(channelsAction("CACME", "UCLIENT", "ticket_kind", slack[0].Buttons[1].Value))
	tk = h.ticket(1)
	if tk.AwaitingChoice || tk.Kind != ticketing.KindIncidente {
		t.Errorf("after choice: awaiting=%v kind=%s", tk.AwaitingChoice, tk.Kind)
	}
	slack, _ = h.flush()
	var updated, answered bool
	for _, it := range slack {
		updated = updated || it.Route() == slackUpdate
		answered = answered || strings.Contains(it.Text, "Respuesta comprometida")
	}
	if !updated || !answered {
		t.Errorf("want the question updated and the deadline answered:\n%s", texts(slack))
	}
}

func TestServiceDeskOpensCriticalTickets(t *testing.T) {
	h := newHarness(t)
	if r := h.handle(command("CDESK", "UFOCAL", "critico acme cayó todo")); !strings.Contains(r.Text, "Solo la Mesa de Ayuda") {
		t.Errorf("focal point opening a critical: %q", r.Text)
	}
	r := h.handle(command("CDESK", "UDESK", "critico acme cayó todo el discador"))
	if !strings.Contains(r.Text, "#1") {
		t.Fatalf("reply = %q", r.Text)
	}
	tk := h.ticket(1)
	if tk.Kind != ticketing.KindIncidenteCritico || tk.Priority != ticketing.PriorityCritica || tk.Source != ticketing.SourceServiceDesk {
		t.Errorf("ticket = %+v", tk)
	}
	slack, _ := h.flush()
	if !strings.Contains(texts(slack), "slack_dm UFOCAL") {
		t.Errorf("focal point not paged:\n%s", texts(slack))
	}
	if got := h.ticket(1).Desk.Thread; got == "" {
		t.Error("the root post in the client channel did not become the ticket's thread")
	}
	if r := h.handle(command("CACME", "UCLIENT", "critico acme x")); !strings.Contains(r.Text, "equipo de soporte") {
		t.Errorf("client using critico: %q", r.Text)
	}
}

func TestAbsentFocalPointIsNotPaged(t *testing.T) {
	h := newHarness(t)
	h.handle(command("CDESK", "UFOCAL", "ausente"))
	h.handle(command("CDESK", "UDESK", "critico acme cayó todo"))
	slack, _ := h.flush()
	all := texts(slack)
	if strings.Contains(all, "slack_dm UFOCAL") || !strings.Contains(all, "slack_dm UBACKUP") {
		t.Errorf("want the backup paged instead of the absent focal point:\n%s", all)
	}
}
