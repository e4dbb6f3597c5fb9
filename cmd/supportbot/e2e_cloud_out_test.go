package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/channels/whatsapp/cloud/graphfake"
)

// staffReply posts the focal point's answer in the ticket's thread.
func (c *cloudBot) staffReply(eventID, thread string, sec int, text string, files ...slackfake.File) {
	c.t.Helper()
	msg := slackfake.Message{EventID: eventID, Channel: acmeChannel, User: focalAR, TS: tsAt(sec), ThreadTS: thread, Text: text, Files: files}
	if got := c.event(msg); got != http.StatusOK {
		c.t.Fatalf("staff reply status = %d", got)
	}
}

// openTicket has the ACME contact write and waits for the bot's answer and
// the ticket's thread.
func (c *cloudBot) openTicket() string {
	c.t.Helper()
	c.deliver(c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
	c.waitSent(acmeContact, 1)
	return c.threadOf("acme")
}

func TestCloudStaffFilesUploadedThenSentById(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	guide := []byte("%PDF-1.4 guía para reinstalar el softphone")
	pdf := c.f.AddFileBytes("guia-softphone.pdf", "application/pdf", guide)
	shot := c.f.AddFileBytes("config.png", "image/png", pngBytes)
	c.staffReply("EvCLOUDFILE1", thread, 300, "Seguí esta guía, por favor", pdf, shot)
	c.waitSent(acmeContact, 2)
	sent := c.waitSent(acmeContact, 3)[1:]
	ups := c.graph.Uploads()
	if len(ups) != 2 {
		t.Fatalf("uploads = %d, want 2", len(ups))
	}
	if ups[0].Name != "guia-softphone.pdf" || ups[0].MIME != "application/pdf" || string(ups[0].Data) != string(guide) {
		t.Errorf("first upload = %s %s %d bytes", ups[0].Name, ups[0].MIME, len(ups[0].Data))
	}
	if sha(ups[1].Data) != sha(pngBytes) {
		t.Errorf("second upload is not the screenshot")
	}
	doc, img := sent[0], sent[1]
	if doc.Type != "document" || doc.MediaID != ups[0].ID || doc.Filename != "guia-softphone.pdf" || !strings.Contains(doc.Text, "Seguí esta guía") {
		t.Errorf("document message = %+v, want the upload's id, its file name and the caption", doc)
	}
	if img.Type != "image" || img.MediaID != ups[1].ID {
		t.Errorf("image message = %+v, want the screenshot's upload id", img)
	}
	// Uploaded before it was sent by id.
	calls := c.graph.Calls()
	upload, send := -1, -1
	for i, call := range calls {
		if call == "POST /v21.0/"+cloudPhoneID+"/media" && upload < 0 {
			upload = i
		}
		if call == "POST /v21.0/"+cloudPhoneID+"/messages" && upload >= 0 && send < 0 {
			send = i
		}
	}
	if upload < 0 || send < upload {
		t.Errorf("calls = %q, want the upload before the send", calls)
	}
}

func TestCloudLongAnswerSplit(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	long := strings.Repeat("Revisá la configuración del troncal y reiniciá el servicio. ", 100) // ~6000 characters
	c.staffReply("EvCLOUDLONG", thread, 300, long)
	sent := c.waitSent(acmeContact, 3)
	for _, m := range sent[1:] {
		if n := len([]rune(m.Text)); n > 4096 {
			t.Errorf("a part of %d characters went out, limit 4096", n)
		}
	}
}

func TestCloudWindowClosedSendsTemplateAndOwedAnswerWaits(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	c.clock.Advance(25 * time.Hour)
	c.staffReply("EvCLOUDLATE", thread, 25*3600, "Ya quedó resuelto el audio del interno 204")
	sent := c.waitSent(acmeContact, 2)
	if tmpl := sent[1]; tmpl.Type != "template" || tmpl.Template != "ticket_update" {
		t.Fatalf("second message = %+v, want the reopen template", tmpl)
	}
	c.f.waitFor("staff told that the answer waits", func() bool {
		for _, p := range c.f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "ticket_update") {
				return true
			}
		}
		return false
	})
	// The deliverer looks again; still closed, nothing more goes.
	c.waitHeld("interno 204")
	c.clock.Advance(time.Minute)
	eventually(t, "a second look at the waiting answer", func() bool {
		return c.queryString(`SELECT CAST(MAX(attempts) AS TEXT) FROM outbox WHERE target = ? AND sent_at IS NULL`, acmeContact) >= "2"
	})
	if got := c.sentTo(acmeContact); len(got) != 2 {
		t.Fatalf("while the window is closed: %d messages, want the ack and the template only: %+v", len(got), got)
	}

	// The contact writes back: the owed answer goes out.
	c.deliver(c.text(acmeContact, "Dale, contame"))
	c.clock.Advance(time.Minute)
	eventually(t, "the owed answer", func() bool {
		for _, m := range c.sentTo(acmeContact)[2:] {
			if strings.Contains(m.Text, "interno 204") {
				return true
			}
		}
		return false
	})
	if got := c.sentTo(acmeContact); got[2].Type != "text" || !strings.Contains(got[2].Text, "interno 204") {
		t.Errorf("first message after the contact wrote = %+v, want the owed answer", got[2])
	}
	templates := 0
	for _, m := range c.sentTo(acmeContact) {
		if m.Type == "template" {
			templates++
		}
	}
	if templates != 1 {
		t.Errorf("templates = %d, want 1", templates)
	}
}

func TestCloudPairRateLimitPacesOneContactOnly(t *testing.T) {
	c := startCloudBot(t, "whatsapp_contacts: []", `whatsapp_contacts: ["`+andesContact+`"]`)
	c.deliver(c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
	c.deliver(graphfake.Text(c.nextID(), andesContact, "Necesitamos saber cómo exportar el reporte de llamadas del mes", c.clock.Now().Unix()))
	c.waitSent(acmeContact, 1)
	c.waitSent(andesContact, 1)
	acmeThread := c.threadOf("acme")
	eventually(t, "andes' thread", func() bool { ts := c.tickets("andes"); return len(ts) == 1 && ts[0].Desk.Thread != "" })
	andesThread := c.tickets("andes")[0].Desk.Thread

	c.graph.FailNext(acmeContact, graphfake.Failure{Code: 131056, Message: "(#131056) Pair rate limit hit"})
	c.staffReply("EvPAIR1", acmeThread, 300, "Probá reiniciar el softphone del interno 204")
	andesReply := slackfake.Message{EventID: "EvPAIR2", Channel: andesChannel, User: focalCL, TS: tsAt(301), ThreadTS: andesThread,
		Text: "Te paso el instructivo del reporte"}
	if got := c.event(andesReply); got != http.StatusOK {
		t.Fatalf("andes reply = %d", got)
	}
	eventually(t, "acme's answer refused once", func() bool {
		return c.queryString(`SELECT last_error FROM outbox WHERE target = ? AND sent_at IS NULL`, acmeContact) != ""
	})
	c.waitSent(andesContact, 2)
	if got := len(c.sentTo(acmeContact)); got != 1 {
		t.Errorf("acme got %d messages while paced, want only the first", got)
	}
	c.clock.Advance(7 * time.Second)
	if got := c.waitSent(acmeContact, 2)[1]; !strings.Contains(got.Text, "interno 204") {
		t.Errorf("acme's answer after the pause = %q", got.Text)
	}
}

func TestCloudRateLimitBacksOffTheWholeNumber(t *testing.T) {
	c := startCloudBot(t, "whatsapp_contacts: []", `whatsapp_contacts: ["`+andesContact+`"]`)
	thread := c.openTicket()
	c.graph.FailNext("", graphfake.Failure{Code: 130429, Message: "(#130429) Rate limit hit"})
	c.staffReply("EvRATE1", thread, 300, "Probá reiniciar el softphone del interno 204")
	eventually(t, "the answer refused", func() bool {
		return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE target = ? AND sent_at IS NULL`, acmeContact), "130429")
	})
	// Another contact writes meanwhile: its answer waits for the number too.
	c.deliver(graphfake.Text(c.nextID(), andesContact, "Necesitamos saber cómo exportar el reporte de llamadas del mes", c.clock.Now().Unix()))
	eventually(t, "andes' answer held back", func() bool {
		return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE target = ? AND sent_at IS NULL`, andesContact), "backing off")
	})
	if got, acme := len(c.sentTo(andesContact)), len(c.sentTo(acmeContact)); got != 0 || acme != 1 {
		t.Errorf("during the backoff: andes %d, acme %d messages; want 0 and 1", got, acme)
	}
	c.clock.Advance(31 * time.Second)
	c.waitSent(andesContact, 1)
	c.waitSent(acmeContact, 2)
}

func TestCloudStatusesRecordedAndFailureShownToStaff(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	ack := c.sentTo(acmeContact)[0]
	eventually(t, "the ack recorded as sent", func() bool {
		return c.queryString(`SELECT external_ref FROM outbox WHERE target = ?`, acmeContact) == ack.ID
	})
	at := c.clock.Now().Unix()
	body := graphfake.Body(cloudPhoneID, []graphfake.Value{{Statuses: []map[string]any{
		graphfake.Status(ack, "sent", at, 0), graphfake.Status(ack, "read", at+2, 0), graphfake.Status(ack, "delivered", at+1, 0)}}})
	if got := c.webhook(body); got != http.StatusOK {
		t.Fatalf("status webhook = %d", got)
	}
	if got := c.queryString(`SELECT platform_status FROM outbox WHERE external_ref = ?`, ack.ID); got != "read" {
		t.Errorf("status after sent, read, delivered = %q, want read (a late delivered does not hide it)", got)
	}

	c.staffReply("EvSTATUS1", thread, 300, "Probá reiniciar el softphone del interno 204")
	answer := c.waitSent(acmeContact, 2)[1]
	failed := graphfake.Body(cloudPhoneID, []graphfake.Value{{Statuses: []map[string]any{graphfake.Status(answer, "failed", at+10, 131026)}}})
	for range 2 { // Meta may deliver it twice: staff hear it once
		if got := c.webhook(failed); got != http.StatusOK {
			t.Fatalf("failed status webhook = %d", got)
		}
	}
	c.f.waitFor("the failure shown in the ticket card's thread", func() bool {
		for _, p := range c.f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "131026") {
				return true
			}
		}
		return false
	})
	eventually(t, "the outbox to drain", func() bool { return backlog(t, c.dbPath) == 0 })
	n := 0
	for _, p := range c.f.Posts(deskChannel) {
		if strings.Contains(p.Form.Get("text"), "131026") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("failure notes = %d, want 1", n)
	}
	if leaked := postsContaining(c.f.Posts(acmeChannel), "131026"); leaked != 0 {
		t.Errorf("the failure reached the client's channel %d times", leaked)
	}
	if got := c.queryString(fmt.Sprintf(`SELECT platform_status || ' ' || platform_error FROM outbox WHERE id = %s`, strings.TrimPrefix(answer.Callback, "outbox:"))); !strings.HasPrefix(got, "failed 131026") {
		t.Errorf("recorded status = %q, want failed with the reason", got)
	}
}
