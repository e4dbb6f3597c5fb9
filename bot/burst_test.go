package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/ticketing"
)

func (h *harness) tick() {
	h.t.Helper()
	if err := h.bot.Tick(context.Background()); err != nil {
		h.t.Fatalf("Tick: %v", err)
	}
}

func messageTexts(ms []ticketing.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

// at is a client's top-level message sec seconds after t0.
func (h *harness) slackAt(sec int, ts, text string) {
	h.t.Helper()
	in := slackMsg("CACME", "UCLIENT", ts, text)
	in.At = t0.Add(time.Duration(sec) * time.Second)
	h.clock.Set(in.At)
	h.handle(in)
}

func TestBurstIsOneCase(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "Hola")
	h.slackAt(40, "100.2", "tenemos un problema, el discador no anda")
	h.slackAt(90, "100.3", "no marca en ninguna campaña")
	slack, _ := h.flush()
	tks := h.tickets("acme")
	if len(tks) != 1 {
		t.Fatalf("tickets = %d, want 1 for the burst", len(tks))
	}
	tk := tks[0]
	if len(slack) != 1 || slack[0].To.Thread != "100.2" || !strings.Contains(slack[0].Text, "#1") {
		t.Errorf("answers:\n%s\nwant one, ticket #1's, in the thread of the first real message (100.2)", texts(slack))
	}
	if want := t0.Add(40 * time.Second); !tk.ReceivedAt.Equal(want) || tk.Kind != ticketing.KindIncidente {
		t.Errorf("ticket received %v kind %s, want %v (the first real message) and incidente", tk.ReceivedAt, tk.Kind, want)
	}
	if got, want := strings.Join(messageTexts(h.messages(tk.ID)), " | "), "Hola | tenemos un problema, el discador no anda | no marca en ninguna campaña"; got != want {
		t.Errorf("ticket messages = %q, want %q", got, want)
	}
	// Staff answering under a later message of the burst answer the ticket.
	h.handle(threadReply("CACME", "UFOCAL", "100.3", "200.1", "lo miramos"))
	if tk := h.ticket(tk.ID); !tk.Responded() {
		t.Error("a staff reply under the burst's third message did not reach the ticket")
	}
	// The window passes: a burst that opened a case owes no greeting.
	h.clock.Advance(5 * time.Minute)
	h.tick()
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Errorf("after the window:\n%s\nwant nothing", texts(slack))
	}
	// A message past the window is a new case.
	h.slackAt(600, "100.4", "¿cómo exporto el reporte?")
	if got := len(h.tickets("acme")); got != 2 {
		t.Errorf("tickets after a message past the window = %d, want 2", got)
	}
}

func TestLoneGreetingOpensNothing(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "Hola")
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Errorf("right after the greeting:\n%s\nwant nothing yet", texts(slack))
	}
	h.clock.Set(t0.Add(time.Minute))
	h.tick()
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Errorf("inside the window:\n%s\nwant nothing yet", texts(slack))
	}
	h.clock.Set(t0.Add(2 * time.Minute))
	h.tick()
	h.tick()
	slack, _ := h.flush()
	if len(slack) != 1 || slack[0].Text != "¿En qué te podemos ayudar?" || slack[0].To.Thread != "100.1" {
		t.Errorf("after the window:\n%s\nwant one «¿En qué te podemos ayudar?» in the greeting's thread", texts(slack))
	}
	if got := len(h.tickets("acme")); got != 0 {
		t.Errorf("tickets = %d, want none for a greeting", got)
	}
	// Their answer to the question is the case, and the greeting is on it.
	h.slackAt(150, "100.2", "el discador no anda")
	tks := h.tickets("acme")
	if len(tks) != 1 {
		t.Fatalf("tickets = %d, want 1", len(tks))
	}
	if got := messageTexts(h.messages(tks[0].ID)); len(got) != 2 || got[0] != "Hola" {
		t.Errorf("ticket messages = %q, want the greeting then the problem", got)
	}
}

func TestThanksAfterResolutionOpensNothing(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "el discador no anda")
	h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))
	h.flush()
	thanksAt := t0.Add(3 * time.Hour)
	for _, at := range []time.Time{t0.Add(30 * time.Second), thanksAt} {
		in := slackMsg("CACME", "UCLIENT", "100."+at.Format("150405"), "gracias!!")
		in.At = at
		h.clock.Set(at)
		h.handle(in)
	}
	if got := len(h.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1: thanks are no new case", got)
	}
	tk := h.ticket(1)
	if tk.Status != ticketing.StatusResuelto || !tk.LastClientMessageAt.Equal(thanksAt) {
		t.Errorf("status %s last client message %v, want resuelto and %v", tk.Status, tk.LastClientMessageAt, thanksAt)
	}
	if want := thanksAt.Add(ticketing.DefaultNoticeAfter); !tk.NextActionAt.Equal(want) {
		t.Errorf("next action %v, want the notice counted again from the thanks (%v)", tk.NextActionAt, want)
	}
	h.clock.Advance(5 * time.Minute)
	h.tick()
	if slack, _ := h.flush(); len(slack) != 0 {
		t.Errorf("answers to the thanks:\n%s\nwant none", texts(slack))
	}
}

func TestCriticalLaterInTheBurst(t *testing.T) {
	tests := []struct {
		name        string
		first       string
		wantTickets int
		wantThread  string
	}{
		{"after a greeting", "Hola", 0, "100.2"},
		{"after the problem", "el discador no anda", 1, "100.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.slackAt(0, "100.1", tt.first)
			h.flush()
			h.slackAt(30, "100.2", "ahora está todo caído")
			slack, _ := h.flush()
			var toClient []ticketing.OutboxItem
			for _, it := range slack {
				if it.To.Address == "CACME" {
					toClient = append(toClient, it)
				}
			}
			if len(toClient) != 1 || !strings.Contains(toClient[0].Text, "Mesa de Ayuda") || toClient[0].To.Thread != tt.wantThread {
				t.Errorf("to the client:\n%s\nwant the Service Desk answer in thread %s", texts(toClient), tt.wantThread)
			}
			if got := len(h.tickets("acme")); got != tt.wantTickets {
				t.Errorf("tickets = %d, want %d", got, tt.wantTickets)
			}
			if got := len(h.audits(ticketing.AuditCriticalRefused)); got != 1 {
				t.Errorf("critical refusals = %d, want 1", got)
			}
		})
	}
}

func TestWhatsAppBurstIsOneCase(t *testing.T) {
	h := newHarness(t)
	phone := "+5491155550101"
	hola := waMsg(phone, "WA1", "Hola")
	hola.At = t0
	h.handle(hola)
	problem := waMsg(phone, "WA2", "el discador no anda")
	problem.At = t0.Add(30 * time.Second)
	h.clock.Set(problem.At)
	h.handle(problem)
	_, wa := h.flush()
	tks := h.tickets("acme")
	if len(tks) != 1 || len(wa) != 1 || !strings.Contains(wa[0].Text, "#1") {
		t.Fatalf("tickets %d, answers:\n%s\nwant one ticket and one answer", len(tks), texts(wa))
	}
	if got := messageTexts(h.messages(1)); len(got) != 2 {
		t.Errorf("ticket messages = %q, want the greeting and the problem", got)
	}
	h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))
	h.flush()
	h.clock.Advance(time.Hour)
	h.handle(waMsg(phone, "WA3", "gracias"))
	if tk := h.ticket(1); tk.Status != ticketing.StatusResuelto || len(h.tickets("acme")) != 1 {
		t.Errorf("after thanks: status %s, %d tickets; want resuelto and 1", tk.Status, len(h.tickets("acme")))
	}
	h.clock.Advance(5 * time.Minute)
	h.tick()
	if _, wa := h.flush(); len(wa) != 0 {
		t.Errorf("answers to the thanks:\n%s\nwant none", texts(wa))
	}
}

func TestLoneGreetingSurvivesARestart(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "Hola")
	restarted, err := bot.New(bot.Config{Store: h.db, Classifier: bot.ClassifierFunc(keywordClassifier), Calendar: fakeCalendar{},
		Clock: h.clock, Clients: []ticketing.Client{acme, beta, gamma}, Staff: staff})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Set(t0.Add(3 * time.Minute))
	if err := restarted.Tick(context.Background()); err != nil {
		t.Fatal(err)
	}
	if slack, _ := h.flush(); len(slack) != 1 || slack[0].Text != "¿En qué te podemos ayudar?" {
		t.Errorf("after a restart:\n%s\nwant the greeting's answer, once", texts(slack))
	}
}
