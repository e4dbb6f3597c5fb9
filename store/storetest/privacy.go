package storetest

import (
	"bytes"
	"testing"
	"time"

	"supportbot/ticketing"
)

// Privacy is what the personal-data contract needs beyond ticketing.Store:
// the backend's export and erase of one WhatsApp contact, and everything
// the backend holds (its files, or every row of every table) as bytes.
type Privacy struct {
	Export func(t *testing.T, s ticketing.Store, phone string) []byte
	Erase  func(t *testing.T, s ticketing.Store, phone string)
	Dump   func(t *testing.T, s ticketing.Store) []byte
}

// erasedPhone is the person the contract erases; keptPhone another
// contact of the same client, whose words must stay.
const (
	erasedPhone = "+5491100000077"
	keptPhone   = "+5491100000088"
)

// personWords are the person's distinctive words, one per place the store
// keeps what a person wrote.
var personWords = []struct{ path, words string }{
	{"message (now a revision)", "zorzal-mensaje-7731"},
	{"edit (the message's text)", "zorzal-edicion-7732"},
	{"edit of a message not come yet", "zorzal-pendiente-7733"},
	{"burst", "zorzal-rafaga-7734"},
	{"file name", "zorzal-archivo-7735.png"},
	{"file link", "zorzal-enlace-7736"},
	{"doubtful question", "zorzal-pregunta-7737"},
	{"held file", "zorzal-retenido-7738.pdf"},
	{"correction", "zorzal-correccion-7739"},
	{"csat comment", "zorzal-comentario-7740"},
	{"esperando quote", "zorzal-esperando-7741"},
	{"audit", "zorzal-auditoria-7742"},
	{"desk alert", "zorzal-alerta-7743"},
	{"relayed file", "zorzal-relevo-7744.jpg"},
}

// keptWords are the other contact's, in the same kinds of rows.
const keptWords = "calandria-mensaje-9901"

// RunPrivacy writes a person's words through every path that stores text,
// finds each in the export, erases the person and finds none of them, nor
// their number, anywhere the backend keeps data; the other contact stays.
func RunPrivacy(t *testing.T, open Open, p Privacy) {
	s := open(t)
	seed(t, s)
	w := map[string]string{}
	for _, pw := range personWords {
		w[pw.path] = pw.words
	}
	update(t, s, func(tx ticketing.Tx) error { return writePerson(t, tx, erasedPhone, w) })
	update(t, s, func(tx ticketing.Tx) error {
		return writePerson(t, tx, keptPhone, map[string]string{"message (now a revision)": keptWords})
	})
	export := p.Export(t, s, erasedPhone)
	for _, pw := range personWords {
		if !bytes.Contains(export, []byte(pw.words)) {
			t.Errorf("export lacks the %s: %q", pw.path, pw.words)
		}
	}
	if bytes.Contains(export, []byte(keptWords)) {
		t.Errorf("export of %s holds the other contact's %q", erasedPhone, keptWords)
	}
	p.Erase(t, s, erasedPhone)
	dump := p.Dump(t, s)
	for _, pw := range personWords {
		if n := bytes.Count(dump, []byte(pw.words)); n != 0 {
			t.Errorf("after the erase the store still holds the %s %d times: %q", pw.path, n, pw.words)
		}
	}
	if bytes.Contains(dump, []byte(erasedPhone[1:])) {
		t.Errorf("after the erase the store still holds the number %s", erasedPhone)
	}
	// The check above can fail: the other contact's words are found.
	if !bytes.Contains(dump, []byte(keptWords)) {
		t.Errorf("the erase took the other contact's %q too", keptWords)
	}
	if export := p.Export(t, s, erasedPhone); bytes.Contains(export, []byte("zorzal")) {
		t.Errorf("export after the erase still finds the person: %s", export)
	}
}

// writePerson stores what a contact's conversation leaves behind: any
// path missing from words is skipped.
func writePerson(t *testing.T, tx ticketing.Tx, phone string, words map[string]string) error {
	ctx := t.Context()
	chat := ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone}
	if err := tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: acme, Name: "Contacto", InvitedBy: "UF", InvitedAt: t0}); err != nil {
		return err
	}
	tk := newTicket(acme)
	tk.Source, tk.Client, tk.OpenedBy, tk.Subject = ticketing.SourceWhatsApp, chat, phone, words["message (now a revision)"]
	if err := tx.CreateTicket(ctx, tk); err != nil {
		return err
	}
	m := &ticketing.Message{TicketID: tk.ID, ExternalID: "whatsapp:" + phone + ":1", AuthorID: phone, AuthorKind: ticketing.AuthorClient,
		Channel: ticketing.SourceWhatsApp, Text: words["message (now a revision)"], At: t0}
	if name := words["file name"]; name != "" {
		m.Files = []ticketing.Attachment{{Name: name, MIME: "image/png", Kind: ticketing.FileImage, Size: 10,
			Source: ticketing.PlatformWhatsApp, Ref: "media-1", Link: "https://files.example/" + words["file link"]}}
	}
	if err := tx.AddMessage(ctx, m); err != nil {
		return err
	}
	if text := words["edit (the message's text)"]; text != "" {
		if err := tx.EditMessage(ctx, m.ID, text, t0.Add(time.Minute)); err != nil {
			return err
		}
	}
	if text := words["edit of a message not come yet"]; text != "" {
		e := &ticketing.PendingEdit{ExternalID: "whatsapp:" + phone + ":2", AuthorID: phone, Text: text, At: t0, ReceivedAt: t0}
		if err := tx.HoldEdit(ctx, e, t0.Add(-time.Hour), 0); err != nil {
			return err
		}
	}
	if text := words["burst"]; text != "" {
		b := ticketing.Burst{Key: "whatsapp:" + phone + ":" + phone, ClientID: acme, Where: chat, LastAt: t0,
			Pending: []ticketing.Message{{ExternalID: "whatsapp:" + phone + ":3", AuthorID: phone, Text: text, At: t0}}}
		if err := tx.PutBurst(ctx, b); err != nil {
			return err
		}
	}
	if text := words["doubtful question"]; text != "" {
		q := &ticketing.CriticalQuestion{ClientID: acme, Author: phone, AuthorName: "Contacto", Where: chat, Text: text,
			ExternalID: "whatsapp:" + phone + ":4", ReceivedAt: t0, AskedAt: t0, Kind: ticketing.KindIncidente,
			Files: []ticketing.Attachment{{Name: words["held file"], Kind: ticketing.FileDocument, Source: ticketing.PlatformWhatsApp, Ref: "media-2"}}}
		if err := tx.AskCritical(ctx, q); err != nil {
			return err
		}
	}
	if text := words["correction"]; text != "" {
		c := &ticketing.Correction{ClientID: acme, TicketID: tk.ID, Text: text, Kind: ticketing.KindIncidente,
			Source: ticketing.CorrectionNotCritical, By: "UF", At: t0}
		if err := tx.AddCorrection(ctx, c); err != nil {
			return err
		}
	}
	if text := words["esperando quote"]; text != "" {
		if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: "waiting:" + phone, AuthorID: "UF",
			AuthorKind: ticketing.AuthorStaff, Channel: ticketing.SourceSlack, Text: text, At: t0.Add(2 * time.Minute)}); err != nil {
			return err
		}
		if err := tx.Audit(ctx, ticketing.AuditEntry{At: t0, Actor: "UF", ClientID: acme, TicketID: tk.ID, Action: ticketing.AuditWaiting, Detail: text}); err != nil {
			return err
		}
	}
	if text := words["audit"]; text != "" {
		if err := tx.Audit(ctx, ticketing.AuditEntry{At: t0, Actor: phone, ClientID: acme, Action: ticketing.AuditCriticalAsked, Detail: text}); err != nil {
			return err
		}
	}
	if text := words["desk alert"]; text != "" {
		alert := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CDESK"}, Mode: ticketing.ModePost,
			Text: "Contacto (" + phone + ") escribió: " + text}
		if err := tx.Enqueue(ctx, alert); err != nil {
			return err
		}
	}
	if name := words["relayed file"]; name != "" {
		relay := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost,
			TicketID: tk.ID, InDeskThread: true, File: &ticketing.Attachment{Name: name, Kind: ticketing.FileImage, Source: ticketing.PlatformWhatsApp, Ref: "media-3"}}
		if err := tx.Enqueue(ctx, relay); err != nil {
			return err
		}
	}
	if text := words["csat comment"]; text != "" {
		closed := newTicket(acme)
		closed.Source, closed.Client, closed.OpenedBy, closed.Status, closed.ClosedAt = ticketing.SourceWhatsApp, chat, phone, ticketing.StatusCerrado, t0
		if err := tx.CreateTicket(ctx, closed); err != nil {
			return err
		}
		if err := tx.AskCSAT(ctx, &ticketing.CSAT{TicketID: closed.ID, ClientID: acme, Where: chat, AskedAt: t0, OpenUntil: t0.Add(time.Hour)}); err != nil {
			return err
		}
		if _, err := tx.RateCSAT(ctx, closed.ID, 4, phone, t0.Add(time.Minute), t0.Add(time.Hour)); err != nil {
			return err
		}
		if ok, err := tx.CommentCSAT(ctx, closed.ID, text, t0.Add(2*time.Minute)); err != nil || !ok {
			t.Errorf("csat comment not taken: %v", err)
			return err
		}
	}
	return nil
}
