package bot_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

func slackEdit(eventID, ts, user, text string, at time.Time) channels.Inbound {
	return channels.Inbound{Platform: channels.Slack, Kind: channels.KindEdit, EventID: eventID, MessageID: ts,
		Channel: "CACME", UserID: user, Text: text, At: at}
}

func TestSlackEditOfTheFirstMessageReclassifies(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "el reporte sale vacío")
	h.flush()
	if tk := h.ticket(1); tk.Kind != ticketing.KindConsulta {
		t.Fatalf("kind %s, want consulta before the edit", tk.Kind)
	}
	editAt := t0.Add(time.Minute)
	h.clock.Set(editAt)
	edit := slackEdit("EvE1", "100.1", "UCLIENT", "el reporte sale vacío y el discador no anda", editAt)
	h.handle(edit)
	h.handle(edit) // redelivered
	slack, _ := h.flush()
	tk := h.ticket(1)
	if tk.Kind != ticketing.KindIncidente || tk.Priority != ticketing.PriorityAlta || !tk.DueAt.Equal(tk.ReceivedAt.Add(4*time.Hour)) {
		t.Errorf("after the edit: %s %s due %v, want incidente alta due 4 h after it came in", tk.Kind, tk.Priority, tk.DueAt)
	}
	if len(h.tickets("acme")) != 1 {
		t.Errorf("tickets = %d, want 1", len(h.tickets("acme")))
	}
	for _, it := range slack {
		if strings.Contains(it.Text, "ticket #1") && !strings.HasPrefix(it.Text, "🔁") {
			t.Errorf("an edit posted %q: a second «ticket opened»", it.Text)
		}
	}
	ms := h.messages(1)
	want := []ticketing.MessageRevision{{Text: "el reporte sale vacío", At: editAt}}
	if len(ms) != 1 || ms[0].Text != edit.Text || len(ms[0].Revisions) != 1 || ms[0].Revisions[0].Text != want[0].Text || !ms[0].Revisions[0].At.Equal(editAt) {
		t.Errorf("messages = %+v, want the new text with the old one as a revision", ms)
	}
	if got := len(h.audits(ticketing.AuditMessageEdited)); got != 1 {
		t.Errorf("edit audit lines = %d, want 1", got)
	}
	if got := len(h.audits(ticketing.AuditKindChanged)); got != 1 {
		t.Errorf("kind changes = %d, want 1", got)
	}
}

func TestSlackEditAfterStaffReplyKeepsTheKind(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "el reporte sale vacío")
	h.handle(threadReply("CACME", "UFOCAL", "100.1", "100.5", "lo vemos"))
	h.flush()
	h.handle(slackEdit("EvE1", "100.1", "UCLIENT", "el discador no anda", t0.Add(time.Minute)))
	if tk := h.ticket(1); tk.Kind != ticketing.KindConsulta {
		t.Errorf("kind %s, want consulta: staff answered already", tk.Kind)
	}
	if ms := h.messages(1); ms[0].Text != "el discador no anda" || len(ms[0].Revisions) != 1 {
		t.Errorf("first message %+v, want the edit recorded with its revision", ms[0])
	}
	// Someone else cannot edit the client's message.
	h.handle(slackEdit("EvE2", "100.1", "UOTHER", "otra cosa", t0.Add(2*time.Minute)))
	if ms := h.messages(1); ms[0].Text != "el discador no anda" {
		t.Errorf("first message %q after another person's edit event", ms[0].Text)
	}
}

func TestSlackDeleteMarksTheMessage(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "el discador no anda")
	h.flush()
	del := channels.Inbound{Platform: channels.Slack, Kind: channels.KindDelete, EventID: "EvD1", MessageID: "100.1",
		Channel: "CACME", UserID: "UCLIENT", At: t0.Add(time.Minute)}
	h.handle(del)
	slack, _ := h.flush()
	ms := h.messages(1)
	if len(ms) != 1 || ms[0].Text != "el discador no anda" || !ms[0].DeletedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("messages = %+v, want the text kept and marked deleted", ms)
	}
	if got := len(h.audits(ticketing.AuditMessageDeleted)); got != 1 {
		t.Errorf("deletion audit lines = %d, want 1", got)
	}
	if len(slack) != 0 || h.ticket(1).Kind != ticketing.KindIncidente {
		t.Errorf("after a deletion: posted\n%s\nkind %s; want nothing posted and the ticket as it was", texts(slack), h.ticket(1).Kind)
	}
	// A message the bot never kept is no error.
	del.EventID, del.MessageID = "EvD2", "999.9"
	h.handle(del)
}

func TestEditOfAPendingGreeting(t *testing.T) {
	h := newHarness(t)
	h.slackAt(0, "100.1", "Hola")
	h.handle(slackEdit("EvE1", "100.1", "UCLIENT", "Hola, buen día", t0.Add(10*time.Second)))
	h.slackAt(30, "100.2", "el discador no anda")
	ms := h.messages(1)
	if len(ms) != 2 || ms[0].Text != "Hola, buen día" || len(ms[0].Revisions) != 1 || ms[0].Revisions[0].Text != "Hola" {
		t.Errorf("messages = %+v, want the edited greeting with its revision, then the problem", ms)
	}
}

func TestWhatsAppEditAndRevoke(t *testing.T) {
	h := newHarness(t)
	phone := "+5491155550101"
	h.handle(waMsg(phone, "WA1", "el reporte sale vacío"))
	h.flush()
	edit := channels.Inbound{Platform: channels.WhatsApp, Kind: channels.KindEdit, EventID: "WA2", MessageID: "WA1",
		Channel: phone, UserID: phone, Text: "el reporte sale vacío y el discador no anda", At: t0.Add(time.Minute)}
	h.handle(edit)
	h.clock.Advance(3 * time.Minute)
	h.handle(waMsg(phone, "WA3", "me equivoqué de chat"))
	h.handle(channels.Inbound{Platform: channels.WhatsApp, Kind: channels.KindDelete, EventID: "WA4", MessageID: "WA3",
		Channel: phone, UserID: phone, At: t0.Add(4 * time.Minute)})
	_, wa := h.flush()
	tk := h.ticket(1)
	if tk.Kind != ticketing.KindIncidente || len(h.tickets("acme")) != 1 {
		t.Errorf("kind %s, %d tickets; want the edit to re-classify the one ticket as incidente", tk.Kind, len(h.tickets("acme")))
	}
	for _, it := range wa {
		if strings.Contains(it.Text, "Registramos tu caso") {
			t.Errorf("an edit posted a second «ticket opened»: %q", it.Text)
		}
	}
	ms := h.messages(1)
	if len(ms) != 2 || ms[0].Text != edit.Text || len(ms[0].Revisions) != 1 || ms[1].DeletedAt.IsZero() || ms[1].Text != "me equivoqué de chat" {
		t.Errorf("messages = %+v, want the edit with its revision and the revoked message kept, marked", ms)
	}
	if len(h.audits(ticketing.AuditMessageEdited)) != 1 || len(h.audits(ticketing.AuditMessageDeleted)) != 1 {
		t.Errorf("audit: %d edits, %d deletions; want 1 each", len(h.audits(ticketing.AuditMessageEdited)), len(h.audits(ticketing.AuditMessageDeleted)))
	}
}

func TestWhatsAppQuoteOfAClosedTicketIsANewCase(t *testing.T) {
	h := newHarness(t)
	phone := "+5491155550101"
	h.handle(waMsg(phone, "WA1", "el discador no anda"))
	h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))
	h.handle(waMsg(phone, "WA2", "conforme 1"))
	h.flush()
	if tk := h.ticket(1); tk.Status != ticketing.StatusCerrado {
		t.Fatalf("ticket #1 %s, want cerrado", tk.Status)
	}
	h.clock.Advance(time.Hour)
	reply := waMsg(phone, "WA3", "volvió a pasar, no anda")
	reply.Quote = "el discador no anda"
	h.handle(reply)
	slack, _ := h.flush()
	if got := len(h.tickets("acme")); got != 2 || h.ticket(1).Status != ticketing.StatusCerrado {
		t.Fatalf("tickets = %d, #1 %s; want a new ticket and #1 still closed", got, h.ticket(1).Status)
	}
	var root string
	for _, it := range slack {
		if strings.Contains(it.Text, "Ticket #2") {
			root = it.Text
		}
	}
	if !strings.Contains(root, "En respuesta a") || !strings.Contains(root, "> el discador no anda") {
		t.Errorf("mirror root = %q, want the quote shown", root)
	}
}
