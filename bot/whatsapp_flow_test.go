package bot_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestWhatsAppContactOpensTicketMirroredToSlack(t *testing.T) {
	h := newHarness(t)
	h.handle(waMsg("+5491155550101", "WA1", "el discador no anda desde las 9"))
	h.handle(waMsg("+5491155550101", "WA1", "el discador no anda desde las 9")) // redelivery
	ts := h.tickets("acme")
	if len(ts) != 1 {
		t.Fatalf("tickets = %d, want 1", len(ts))
	}
	slack, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "ticket #1") || wa[0].To.Address != "+5491155550101" {
		t.Errorf("WhatsApp answers:\n%s", texts(wa))
	}
	if strings.Contains(wa[0].Text, "<@") {
		t.Errorf("Slack markup leaked to WhatsApp: %s", wa[0].Text)
	}
	if len(slack) != 1 || slack[0].To.Address != "CACME" || !strings.Contains(slack[0].Text, "Juan (+5491155550101)") {
		t.Fatalf("mirror:\n%s", texts(slack))
	}
	thread := h.ticket(1).Desk.Thread
	if thread == "" {
		t.Fatal("mirrored root did not become the ticket's thread")
	}

	// A staff reply in the mirrored thread reaches the contact.
	h.handle(threadReply("CACME", "UFOCAL", thread, "300.1", "Hola Juan, ya lo reiniciamos"))
	_, wa = h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "Hola Juan, ya lo reiniciamos") || !strings.Contains(wa[0].Text, "Lucía") {
		t.Errorf("relay to WhatsApp:\n%s", texts(wa))
	}
	if tk := h.ticket(1); !tk.Responded() || tk.FirstResponder != "UFOCAL" {
		t.Errorf("first response not recorded: %+v", tk)
	}

	// A follow-up continues the same ticket and lands in the thread.
	h.handle(waMsg("+5491155550101", "WA2", "gracias, ahora anda"))
	if got := len(h.tickets("acme")); got != 1 {
		t.Errorf("follow-up opened a new ticket: %d", got)
	}
	slack, _ = h.flush()
	if len(slack) != 1 || slack[0].To.Thread != thread {
		t.Errorf("follow-up mirror:\n%s", texts(slack))
	}
}

func TestUnknownNumberGetsOneAnswerADay(t *testing.T) {
	h := newHarness(t)
	for i, id := range []string{"X1", "X2", "X3"} {
		h.handle(waMsg("+5491100000000", id, "hola necesito ayuda"))
		h.clock.Advance(time.Duration(i+1) * time.Hour)
	}
	_, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "focal point") {
		t.Errorf("refusals = %d, want 1:\n%s", len(wa), texts(wa))
	}
	h.clock.Advance(24 * time.Hour)
	h.handle(waMsg("+5491100000000", "X4", "hola?"))
	if _, wa = h.flush(); len(wa) != 1 {
		t.Errorf("refusals the next day = %d, want 1", len(wa))
	}
	if got := len(h.tickets("")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
}

func TestInviteAndRevokeChangeWhoGetsIn(t *testing.T) {
	h := newHarness(t)
	phone := "+5491177778888"
	if r := h.handle(command("CACME", "UCLIENT", "whatsapp invitar acme "+phone)); !strings.Contains(r.Text, "equipo de soporte") {
		t.Errorf("client inviting: %q", r.Text)
	}
	r := h.handle(command("CDESK", "UFOCAL", "whatsapp invitar acme +54 9 11 7777-8888"))
	if !strings.Contains(r.Text, phone) {
		t.Fatalf("invite reply: %q", r.Text)
	}
	_, wa := h.flush()
	if len(wa) != 1 || wa[0].To.Address != phone || !strings.Contains(wa[0].Text, "ACME") {
		t.Errorf("welcome:\n%s", texts(wa))
	}
	if r := h.handle(command("CDESK", "UFOCAL", "whatsapp invitar beta "+phone)); !strings.Contains(r.Text, "otro cliente") {
		t.Errorf("inviting ACME's number for Beta: %q", r.Text)
	}
	h.handle(waMsg(phone, "W1", "consulta: cómo exporto un reporte"))
	if got := len(h.tickets("acme")); got != 1 {
		t.Errorf("invited contact tickets = %d, want 1", got)
	}
	if got := len(h.tickets("beta")); got != 0 {
		t.Errorf("invited contact reached Beta: %d tickets", got)
	}
	if r := h.handle(command("CDESK", "UFOCAL", "whatsapp lista acme")); !strings.Contains(r.Text, phone) || !strings.Contains(r.Text, "+5491155550101") {
		t.Errorf("lista: %q", r.Text)
	}
	h.handle(command("CDESK", "UFOCAL", "whatsapp revocar "+phone))
	h.handle(command("CDESK", "UFOCAL", "resolver #1 listo"))
	h.handle(waMsg(phone, "W2", "otra consulta"))
	if got := len(h.tickets("acme")); got != 1 {
		t.Errorf("revoked contact still opens tickets: %d", got)
	}
}

func TestWhatsAppCriticalAndCommands(t *testing.T) {
	h := newHarness(t)
	h.handle(waMsg("+5491155550202", "C1", "está todo caído, nadie puede llamar"))
	if got := len(h.tickets("beta")); got != 0 {
		t.Errorf("critical opened %d tickets", got)
	}
	slack, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, phones[0]) || !strings.Contains(wa[0].Text, phones[1]) {
		t.Errorf("WhatsApp refusal:\n%s", texts(wa))
	}
	if !strings.Contains(texts(slack), "CDESK") {
		t.Errorf("no service desk alert:\n%s", texts(slack))
	}

	h.handle(waMsg("+5491155550202", "C2", "el discador no anda"))
	h.handle(command("CDESK", "UFOCAL", "resolver #1 reiniciado"))
	h.flush()
	h.handle(waMsg("+5491155550202", "C3", "estado"))
	_, wa = h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "#1") {
		t.Errorf("estado:\n%s", texts(wa))
	}
	// Conformity for a ticket of another client's contact is not found.
	h.handle(waMsg("+5491155550101", "C4", "conforme 1"))
	if got := h.ticket(1).Status; got != ticketing.StatusResuelto {
		t.Errorf("ACME's contact closed Beta's ticket: status %s", got)
	}
	h.handle(waMsg("+5491155550202", "C5", "conforme 1"))
	if got := h.ticket(1).Status; got != ticketing.StatusCerrado {
		t.Errorf("status after conforme = %s, want cerrado", got)
	}
}

func TestWhatsAppMenuChoice(t *testing.T) {
	h := newHarness(t)
	h.handle(waMsg("+5491155550101", "M1", "hmm"))
	_, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "1 Consulta") || !strings.Contains(wa[0].Text, "4 Funcionalidad") {
		t.Fatalf("menu:\n%s", texts(wa))
	}
	h.handle(waMsg("+5491155550101", "M2", "3"))
	if tk := h.ticket(1); tk.AwaitingChoice || tk.Kind != ticketing.KindRequerimiento {
		t.Errorf("after choosing 3: %+v", tk)
	}
}
