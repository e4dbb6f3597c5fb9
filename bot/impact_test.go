package bot_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// tieredCalendar is open around the clock with a target per priority, so a
// change of priority changes the deadline.
type tieredCalendar struct{ fakeCalendar }

var tierTargets = map[ticketing.Priority]time.Duration{
	ticketing.PriorityCritica: 2 * time.Hour, ticketing.PriorityAlta: 4 * time.Hour,
	ticketing.PriorityMedia: 24 * time.Hour, ticketing.PriorityBaja: 96 * time.Hour,
}

func (tieredCalendar) Deadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, at time.Time) (time.Time, time.Time) {
	return at, at.Add(tierTargets[p])
}

func (tieredCalendar) NextResponseDeadline(c ticketing.Client, k ticketing.Kind, p ticketing.Priority, at time.Time) (time.Time, time.Time, bool) {
	return at, at.Add(tierTargets[p]), true
}

// impactClassifier adds a MEDIA ("lento") and a BAJA ("el color") incident
// to the tests' keywords.
func impactClassifier(text string) bot.Classification {
	switch l := strings.ToLower(text); {
	case strings.Contains(l, "lento"):
		return bot.Classification{Kind: ticketing.KindIncidente, Priority: ticketing.PriorityMedia, Confidence: 0.8, Cues: []string{"lento"}}
	case strings.Contains(l, "el color"):
		return bot.Classification{Kind: ticketing.KindIncidente, Priority: ticketing.PriorityBaja, Confidence: 0.8, Cues: []string{"color"}}
	}
	return keywordClassifier(text)
}

func newImpactHarness(t *testing.T, adjust ...func(*bot.Config)) *harness {
	t.Helper()
	return newHarnessWith(t, func(cfg *bot.Config) {
		cfg.Classifier = bot.ClassifierFunc(impactClassifier)
		cfg.Calendar = tieredCalendar{}
		cfg.ThreadLink = func(c ticketing.Conversation) string {
			return "https://example.slack.com/archives/" + c.Address + "/p" + strings.ReplaceAll(c.Thread, ".", "")
		}
		for _, a := range adjust {
			a(cfg)
		}
	})
}

// pressImpact is a press of an impact button; each press is a delivery of
// its own.
func pressImpact(h *harness, channel, user, action string, ticket int64, delivery string) channels.Reply {
	h.t.Helper()
	return h.handle(channels.Inbound{Platform: channels.Slack, Kind: channels.KindAction, EventID: "act:" + delivery,
		Channel: channel, UserID: user, ActionID: action, ActionValue: itoa(ticket), MessageID: "200.1"})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func actionIDs(it ticketing.OutboxItem) []string {
	var ids []string
	for _, b := range it.Buttons {
		ids = append(ids, b.ActionID)
	}
	return ids
}

func hasAction(it ticketing.OutboxItem, id string) bool {
	for _, b := range it.Buttons {
		if b.ActionID == id {
			return true
		}
	}
	return false
}

// split sorts what went out: posts to the client's channel, the desk's
// channel, DMs and ephemerals.
type sent struct{ client, desk, dms, ephemeral []ticketing.OutboxItem }

func sortSent(items []ticketing.OutboxItem, clientChannel string) sent {
	var s sent
	for _, it := range items {
		switch {
		case it.Mode == ticketing.ModeEphemeral:
			s.ephemeral = append(s.ephemeral, it)
		case it.Mode == ticketing.ModeDirect:
			s.dms = append(s.dms, it)
		case it.To.Address == "CDESK":
			s.desk = append(s.desk, it)
		case it.To.Address == clientChannel:
			s.client = append(s.client, it)
		}
	}
	return s
}

func (h *harness) corrections() []ticketing.Correction {
	h.t.Helper()
	var got []ticketing.Correction
	if err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		got, err = tx.Corrections(context.Background(), "", time.Time{})
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return got
}

// TestImpactButtonsOnIncidentAnswers: every incident answer in a client's
// thread carries "the whole operation has stopped", and MEDIA/BAJA ones
// "it stops us from working", in the client's language; other kinds and
// the WhatsApp answer carry none (the contact is told of CRITICO instead).
func TestImpactButtonsOnIncidentAnswers(t *testing.T) {
	tests := []struct {
		text string
		lang wording.Language
		want []string // the impact buttons' labels
	}{
		{"el sistema está lento", wording.SpanishAR, []string{"🚨 Está detenida toda la operación", "Nos impide trabajar"}},
		{"cambió el color del botón", wording.SpanishCL, []string{"🚨 Está detenida toda la operación", "Nos impide trabajar"}},
		{"el sistema está lento", wording.English, []string{"🚨 The whole operation has stopped", "It stops us from working"}},
		{"el discador no anda", wording.SpanishAR, []string{"🚨 Está detenida toda la operación"}},
		{"cómo exporto un reporte", wording.SpanishAR, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.text, func(t *testing.T) {
			h := newImpactHarness(t, func(cfg *bot.Config) {
				for i := range cfg.Clients {
					cfg.Clients[i].Language = tt.lang
				}
			})
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", tt.text))
			s := sortSent(h.flushed(), "CACME")
			if len(s.client) != 1 {
				t.Fatalf("answers in the client's channel:\n%s", dumpItems(s.client))
			}
			var got []string
			for _, b := range s.client[0].Buttons {
				if strings.HasPrefix(b.ActionID, "impact_") {
					got = append(got, b.Label)
					if b.Value != "1" {
						t.Errorf("%s carries %q, want the ticket number", b.ActionID, b.Value)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("impact buttons %q, want %q (all: %v)", got, tt.want, actionIDs(s.client[0]))
			}
		})
	}

	t.Run("whatsapp", func(t *testing.T) {
		h := newImpactHarness(t)
		h.handle(waMsg("+5491155550101", "WA1", "el sistema está lento"))
		slack, wa := h.flush()
		if len(wa) != 1 || !strings.Contains(wa[0].Text, "*CRITICO*") || len(wa[0].Buttons) != 0 {
			t.Errorf("WhatsApp answer:\n%s", texts(wa))
		}
		for _, it := range slack {
			if hasAction(it, "impact_critical") || hasAction(it, "impact_alta") {
				t.Errorf("the desk's mirror carries the client's buttons: %s", it.Text)
			}
		}
	})
}

// flushed is flush for a test that reads Slack only.
func (h *harness) flushed() []ticketing.OutboxItem {
	h.t.Helper()
	slack, _ := h.flush()
	return slack
}

// TestImpactCriticalPress: the client's "the whole operation has stopped"
// takes the ticket to the Service Desk as /soporte critico #N does, with
// the clock from the press: the phones in the thread, the desk and the
// focal point paged with the thread's link, a labelled example, an audit
// line, no second ticket. A second press pages nobody again.
func TestImpactCriticalPress(t *testing.T) {
	h := newImpactHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el sistema está lento"))
	h.flush()
	h.clock.Advance(40 * time.Minute)
	pressed := h.clock.Now()
	if r := pressImpact(h, "CACME", "UCLIENT", "impact_critical", 1, "p1"); r.Text != "" {
		t.Errorf("press answered %q, want the thread to answer", r.Text)
	}
	tks := h.tickets("acme")
	if len(tks) != 1 {
		t.Fatalf("tickets = %d, want 1", len(tks))
	}
	tk := tks[0]
	if tk.Kind != ticketing.KindIncidenteCritico || tk.Priority != ticketing.PriorityCritica {
		t.Errorf("ticket is %s %s, want incidente_critico critica", tk.Kind, tk.Priority)
	}
	if !tk.ClockStart.Equal(pressed) || !tk.DueAt.Equal(pressed.Add(2*time.Hour)) {
		t.Errorf("clock %v due %v, want from the press %v, 2 h", tk.ClockStart, tk.DueAt, pressed)
	}
	s := sortSent(h.flushed(), "CACME")
	if len(s.client) != 1 || s.client[0].To.Thread != "100.1" || !strings.Contains(s.client[0].Text, phones[0]) || !strings.Contains(s.client[0].Text, "llamá ahora") {
		t.Errorf("the thread was not sent to the phone:\n%s", dumpItems(s.client))
	}
	link := "https://example.slack.com/archives/CACME/p1001"
	if len(s.desk) != 1 || !strings.Contains(s.desk[0].Text, link) || !strings.Contains(s.desk[0].Text, "#1") {
		t.Errorf("desk alert:\n%s", dumpItems(s.desk))
	}
	if len(s.dms) != 1 || s.dms[0].To.Address != "UFOCAL" || !strings.Contains(s.dms[0].Text, link) {
		t.Errorf("focal point's page:\n%s", dumpItems(s.dms))
	}
	for _, it := range append(s.desk, s.dms...) {
		if !strings.Contains(it.Text, "UCLIENT") {
			t.Errorf("the page does not say who pressed: %s", it.Text)
		}
	}
	got := h.corrections()
	if len(got) != 1 || got[0].Source != ticketing.CorrectionCritical || got[0].Kind != ticketing.KindIncidenteCritico || got[0].By != "UCLIENT" || got[0].Text != "el sistema está lento" {
		t.Errorf("corrections = %+v, want one critico example by the client", got)
	}
	if a := h.audits(ticketing.AuditKindChanged); len(a) != 1 || a[0].Actor != "UCLIENT" || !strings.Contains(a[0].Detail, "cliente") {
		t.Errorf("audit = %+v", a)
	}

	// A second press, and the other button after it: polite notes only.
	h.clock.Advance(time.Minute)
	for i, action := range []string{"impact_critical", "impact_alta"} {
		r := pressImpact(h, "CACME", "UCLIENT", action, 1, "again"+itoa(int64(i)))
		if !strings.Contains(r.Text, "ya") {
			t.Errorf("%s again: reply %q, want a polite note", action, r.Text)
		}
	}
	s = sortSent(h.flushed(), "CACME")
	if len(s.desk)+len(s.dms)+len(s.client) != 0 || len(s.ephemeral) != 2 {
		t.Errorf("second presses paged or posted:\n%s", dumpItems(append(append(s.desk, s.dms...), s.client...)))
	}
	if tk := h.ticket(1); !tk.DueAt.Equal(pressed.Add(2 * time.Hour)) {
		t.Errorf("a second press moved the deadline to %v", tk.DueAt)
	}
	if n := len(h.corrections()); n != 1 {
		t.Errorf("corrections = %d after a second press, want 1", n)
	}
}

// TestImpactAltaPress: "it stops us from working" raises a MEDIA incident
// to ALTA with its deadline from the press, tells the focal point and
// keeps a labelled example, once.
func TestImpactAltaPress(t *testing.T) {
	h := newImpactHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el sistema está lento"))
	h.flush()
	h.clock.Advance(time.Hour)
	pressed := h.clock.Now()
	pressImpact(h, "CACME", "UCLIENT", "impact_alta", 1, "p1")
	tk := h.ticket(1)
	if tk.Kind != ticketing.KindIncidente || tk.Priority != ticketing.PriorityAlta || !tk.DueAt.Equal(pressed.Add(4*time.Hour)) {
		t.Errorf("ticket %s %s due %v, want incidente alta due %v", tk.Kind, tk.Priority, tk.DueAt, pressed.Add(4*time.Hour))
	}
	s := sortSent(h.flushed(), "CACME")
	if len(s.client) != 1 || !strings.Contains(s.client[0].Text, "ALTA") || !strings.Contains(s.client[0].Text, "vence") {
		t.Errorf("the thread was not told:\n%s", dumpItems(s.client))
	}
	if len(s.dms) != 1 || s.dms[0].To.Address != "UFOCAL" || !strings.Contains(s.dms[0].Text, "ALTA") || !strings.Contains(s.dms[0].Text, "/p1001") {
		t.Errorf("focal point:\n%s", dumpItems(s.dms))
	}
	if len(s.desk) != 0 {
		t.Errorf("the desk was paged for an ALTA:\n%s", dumpItems(s.desk))
	}
	got := h.corrections()
	if len(got) != 1 || got[0].Source != ticketing.CorrectionPriority || got[0].Priority != ticketing.PriorityAlta || got[0].By != "UCLIENT" {
		t.Errorf("corrections = %+v, want one prioridad alta example by the client", got)
	}
	if a := h.audits(ticketing.AuditPriorityChanged); len(a) != 1 || a[0].Detail != "media → alta (cliente)" {
		t.Errorf("audit = %+v", a)
	}

	h.clock.Advance(time.Minute)
	if r := pressImpact(h, "CACME", "UCLIENT", "impact_alta", 1, "p2"); !strings.Contains(r.Text, "ya tiene prioridad ALTA") {
		t.Errorf("second press: %q", r.Text)
	}
	if s := sortSent(h.flushed(), "CACME"); len(s.dms)+len(s.client) != 0 {
		t.Errorf("a second press told someone:\n%s", dumpItems(append(s.dms, s.client...)))
	}
	if n := len(h.corrections()); n != 1 {
		t.Errorf("corrections = %d, want 1", n)
	}

	// Raised to ALTA, the operation may still stop altogether.
	pressImpact(h, "CACME", "UCLIENT", "impact_critical", 1, "p3")
	if tk := h.ticket(1); tk.Kind != ticketing.KindIncidenteCritico {
		t.Errorf("critical after alta: ticket is %s", tk.Kind)
	}
}

// TestImpactAltaDeadlines: the deadline counts from the press but never
// moves later (a late press neither buys time nor forgives a breach), and
// a next-response clock that runs is re-dated the same way.
func TestImpactAltaDeadlines(t *testing.T) {
	t.Run("late press keeps the earlier deadline", func(t *testing.T) {
		h := newImpactHarness(t)
		received := h.clock.Now()
		h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el sistema está lento"))
		h.clock.Advance(22 * time.Hour)
		pressImpact(h, "CACME", "UCLIENT", "impact_alta", 1, "p1")
		if tk := h.ticket(1); tk.Priority != ticketing.PriorityAlta || !tk.DueAt.Equal(received.Add(24*time.Hour)) {
			t.Errorf("ticket %s due %v, want alta still due %v", tk.Priority, tk.DueAt, received.Add(24*time.Hour))
		}
	})
	t.Run("next response", func(t *testing.T) {
		h := newImpactHarness(t)
		h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el sistema está lento"))
		h.clock.Advance(10 * time.Minute)
		h.handle(threadReply("CACME", "UFOCAL", "100.1", "100.2", "lo estamos mirando"))
		h.clock.Advance(10 * time.Minute)
		h.handle(threadReply("CACME", "UCLIENT", "100.1", "100.3", "sigue igual de lento"))
		tk := h.ticket(1)
		if !tk.AwaitingAnswer() {
			t.Fatalf("no next-response clock runs: %+v", tk)
		}
		firstDue := tk.DueAt
		h.clock.Advance(time.Hour)
		pressed := h.clock.Now()
		pressImpact(h, "CACME", "UCLIENT", "impact_alta", 1, "p1")
		tk = h.ticket(1)
		if !tk.NextDueAt.Equal(pressed.Add(4*time.Hour)) || !tk.DueAt.Equal(firstDue) {
			t.Errorf("next due %v (want %v), first due %v (want %v, already met)", tk.NextDueAt, pressed.Add(4*time.Hour), tk.DueAt, firstDue)
		}
		s := sortSent(h.flushed(), "CACME")
		if len(s.dms) != 1 || !strings.Contains(s.dms[0].Text, "Vence") {
			t.Errorf("focal point not told the next deadline:\n%s", dumpItems(s.dms))
		}
	})
}

// TestImpactPressedByOthers: staff get a polite pointer to their own
// commands, another client's people are refused as if the ticket were not
// there; nothing changes either way.
func TestImpactPressedByOthers(t *testing.T) {
	tests := []struct {
		name          string
		channel, user string
		reply         string
	}{
		{"focal point", "CACME", "UFOCAL", "/soporte critico #1"},
		{"service desk on the home tab", "", "UDESK", "/soporte critico #1"},
		{"another client's channel", "CBETA", "UBETAUSER", "No encontramos el ticket #1"},
		{"another client's person in this channel", "CACME", "UBETAUSER", "No encontramos el ticket #1"},
		{"outside any client channel", "CDESK", "USTRANGER", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newImpactHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el sistema está lento"))
			h.handle(slackMsg("CBETA", "UBETAUSER", "100.2", "cómo exporto un reporte"))
			h.flush()
			before := *h.ticket(1)
			for i, action := range []string{"impact_critical", "impact_alta"} {
				r := pressImpact(h, tt.channel, tt.user, action, 1, tt.name+itoa(int64(i)))
				if tt.reply == "" && r.Text != "" || !strings.Contains(r.Text, tt.reply) {
					t.Errorf("%s: reply %q, want %q", action, r.Text, tt.reply)
				}
			}
			after := *h.ticket(1)
			if after.Kind != before.Kind || after.Priority != before.Priority || !after.DueAt.Equal(before.DueAt) {
				t.Errorf("ticket changed: %s %s due %v → %s %s due %v", before.Kind, before.Priority, before.DueAt, after.Kind, after.Priority, after.DueAt)
			}
			s := sortSent(h.flushed(), "CACME")
			var told []ticketing.OutboxItem
			for _, dm := range s.dms {
				// A press on the Home tab is answered in the presser's DM.
				if dm.To.Address != tt.user {
					told = append(told, dm)
				}
			}
			if told = append(append(told, s.desk...), s.client...); len(told) != 0 {
				t.Errorf("a refused press told someone:\n%s", dumpItems(told))
			}
			if n := len(h.corrections()); n != 0 {
				t.Errorf("corrections = %d, want none", n)
			}
		})
	}
}

// TestWhatsAppCritico: a contact's CRITICO, however spelt, does what the
// first button does on their open incident, once.
func TestWhatsAppCritico(t *testing.T) {
	const phone = "+5491155550101"
	for _, word := range []string{"CRITICO", "crítico", "Crítico", "CRÍTICO", "critico!", " *Critico* ", "Cri\u0301tico"} {
		t.Run(word, func(t *testing.T) {
			h := newImpactHarness(t)
			h.handle(waMsg(phone, "WA1", "el sistema está lento"))
			h.flush()
			h.clock.Advance(30 * time.Minute)
			pressed := h.clock.Now()
			h.handle(waMsg(phone, "WA2", word))
			tks := h.tickets("acme")
			if len(tks) != 1 || tks[0].Kind != ticketing.KindIncidenteCritico || !tks[0].ClockStart.Equal(pressed) {
				t.Fatalf("tickets = %+v, want the one ticket critical from %v", tks, pressed)
			}
			slack, wa := h.flush()
			if len(wa) != 1 || !strings.Contains(wa[0].Text, phones[0]) {
				t.Errorf("contact was not sent to the phone:\n%s", texts(wa))
			}
			s := sortSent(slack, "CACME")
			if len(s.desk) != 1 || len(s.dms) != 1 || !strings.Contains(s.desk[0].Text, phone) {
				t.Errorf("desk and focal point:\n%s", dumpItems(slack))
			}
			if got := h.corrections(); len(got) != 1 || got[0].By != phone || got[0].Source != ticketing.CorrectionCritical {
				t.Errorf("corrections = %+v", got)
			}

			h.handle(waMsg(phone, "WA3", "CRITICO"))
			slack, wa = h.flush()
			if s := sortSent(slack, "CACME"); len(s.desk)+len(s.dms) != 0 {
				t.Errorf("second CRITICO paged again:\n%s", dumpItems(slack))
			}
			if len(wa) != 1 || !strings.Contains(wa[0].Text, "ya está en la Mesa de Ayuda") {
				t.Errorf("second CRITICO answer:\n%s", texts(wa))
			}
		})
	}
}

// TestWhatsAppCriticoIsOnlyTheWord: a sentence that says critico is a
// message on the ticket, not the one-word reply.
func TestWhatsAppCriticoIsOnlyTheWord(t *testing.T) {
	h := newImpactHarness(t)
	h.handle(waMsg("+5491155550101", "WA1", "el sistema está lento"))
	h.handle(waMsg("+5491155550101", "WA2", "no es critico igual"))
	if tk := h.ticket(1); tk.Kind != ticketing.KindIncidente || tk.Priority != ticketing.PriorityMedia {
		t.Errorf("ticket %s %s, want untouched", tk.Kind, tk.Priority)
	}
	if n := len(h.messages(1)); n != 2 {
		t.Errorf("messages = %d, want the sentence kept on the ticket", n)
	}
}

// TestWhatsAppCriticoWithoutIncident: CRITICO from a contact with no open
// incident is the client saying their operation stopped: the critical rule
// answers (the phones, the desk alerted), and no ticket opens or changes.
func TestWhatsAppCriticoWithoutIncident(t *testing.T) {
	const phone = "+5491155550101"
	for _, open := range []string{"", "cómo exporto un reporte"} {
		t.Run("open "+open, func(t *testing.T) {
			h := newImpactHarness(t)
			if open != "" {
				h.handle(waMsg(phone, "WA0", open))
			}
			h.flush()
			h.handle(waMsg(phone, "WA1", "CRÍTICO"))
			slack, wa := h.flush()
			if len(wa) != 1 || !strings.Contains(wa[0].Text, phones[0]) {
				t.Errorf("answer:\n%s", texts(wa))
			}
			if s := sortSent(slack, "CACME"); len(s.desk) != 1 {
				t.Errorf("desk alert:\n%s", dumpItems(slack))
			}
			want := 0
			if open != "" {
				want = 1
			}
			tks := h.tickets("acme")
			if len(tks) != want || (want == 1 && tks[0].Kind != ticketing.KindConsulta) {
				t.Errorf("tickets = %+v", tks)
			}
			if n := len(h.audits(ticketing.AuditCriticalRefused)); n != 1 {
				t.Errorf("critical_refused audit lines = %d, want 1", n)
			}
		})
	}
}

// TestWhatsAppCriticoAnswersTheQuestion: CRITICO while the bot asks
// whether the whole operation stopped is a yes.
func TestWhatsAppCriticoAnswersTheQuestion(t *testing.T) {
	const phone = "+5491155550101"
	h := newImpactHarness(t)
	h.handle(waMsg(phone, "WA1", "el discador no marca"))
	h.flush()
	h.handle(waMsg(phone, "WA2", "Crítico"))
	_, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, phones[0]) {
		t.Errorf("answer:\n%s", texts(wa))
	}
	if a := h.audits(ticketing.AuditCriticalAnswered); len(a) != 1 || a[0].Detail != ticketing.QuestionYes {
		t.Errorf("answers = %+v, want one yes", a)
	}
	if n := len(h.tickets("acme")); n != 0 {
		t.Errorf("tickets = %d, want none", n)
	}
}
