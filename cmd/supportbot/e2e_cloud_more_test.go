package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"supportbot/channels/whatsapp/cloud/graphfake"
)

func TestCloudReactionQuoteAndUnsupportedKept(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	ack := c.sentTo(acmeContact)[0]
	eventually(t, "the ack recorded", func() bool {
		return c.queryString(`SELECT external_ref FROM outbox WHERE target = ?`, acmeContact) == ack.ID
	})
	now := c.clock.Now().Unix()
	c.deliver(graphfake.Replying(graphfake.Text(c.nextID(), acmeContact, "Sigue igual después de reiniciar", now), ack.ID))
	c.deliver(graphfake.Reaction(c.nextID(), acmeContact, ack.ID, "👍", now+1))
	c.deliver(graphfake.Unsupported(c.nextID(), acmeContact, now+2))
	posted := func(sub string) bool {
		for _, p := range c.f.Posts(acmeChannel) {
			if p.Form.Get("thread_ts") == thread && strings.Contains(p.Form.Get("text"), sub) {
				return true
			}
		}
		return false
	}
	c.f.waitFor("the quoted reply in the thread", func() bool { return posted("Sigue igual") })
	for _, p := range c.f.Posts(acmeChannel) {
		if text := p.Form.Get("text"); strings.Contains(text, "Sigue igual") && (!strings.Contains(text, "En respuesta a") || !strings.Contains(text, "ticket #1")) {
			t.Errorf("mirrored reply %q does not show the bot's message it quotes", text)
		}
	}
	c.f.waitFor("the reaction in the thread", func() bool { return posted("👍") })
	tk := c.tickets("acme")[0]
	var media []string
	for _, m := range messagesOf(c.running, tk.ID) {
		media = append(media, m.Media)
	}
	if strings.Join(media, ",") != ",,reaction,unsupported" {
		t.Errorf("ticket messages' media = %q, want the text, the quoted reply, the reaction and the unsupported one kept", media)
	}
	// The contact is asked, politely, for words instead.
	got := c.waitSent(acmeContact, 2)
	if last := got[len(got)-1]; !strings.Contains(last.Text, "no nos deja ver") || strings.Contains(last.Text, "unsupported") {
		t.Errorf("answer to the unsupported message = %q", last.Text)
	}
}

func TestCloudWindowClosedByMetaAndPermanentErrors(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	// Meta says the window is closed though the store thinks it open.
	c.graph.FailNext(acmeContact, graphfake.Failure{Code: 131047, Message: "(#131047) Re-engagement message"})
	c.staffReply("EvMETA1", thread, 300, "Probá reiniciar el softphone del interno 204")
	sent := c.waitSent(acmeContact, 2)
	if sent[1].Type != "template" {
		t.Fatalf("after 131047: %+v, want the reopen template", sent[1])
	}
	c.waitHeld("interno 204")
	c.deliver(c.text(acmeContact, "Hola, ¿qué pasó?"))
	c.clock.Advance(2 * time.Minute)
	eventually(t, "the owed answer", func() bool {
		for _, m := range c.sentTo(acmeContact) {
			if strings.Contains(m.Text, "interno 204") {
				return true
			}
		}
		return false
	})

	// A number that cannot get WhatsApp: the item dies with the reason and
	// staff hear it.
	c.graph.FailNext(acmeContact, graphfake.Failure{Code: 131026, Message: "(#131026) Message undeliverable"})
	c.staffReply("EvDEAD1", thread, 400, "¿Pudiste probar?")
	c.clock.Advance(3 * time.Second) // the pause between two messages to one number
	eventually(t, "the dead item", func() bool {
		return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE target = ? AND dead_at IS NOT NULL`, acmeContact), "131026")
	})
	c.f.waitFor("staff told", func() bool {
		for _, p := range c.f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "131026") {
				return true
			}
		}
		return false
	})
}

// Meta often accepts a message and reports 131047 later, in a failed
// status: the message is owed again and waits for the contact like any
// other outside the window.
func TestCloudLateWindowFailureQueuesTheMessageAgain(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	c.staffReply("EvLATE1", thread, 300, "Probá reiniciar el softphone del interno 204")
	answer := c.waitSent(acmeContact, 2)[1]
	eventually(t, "the answer recorded as sent", func() bool {
		return c.queryString(`SELECT external_ref FROM outbox WHERE external_ref = ?`, answer.ID) == answer.ID
	})
	failed := graphfake.Body(cloudPhoneID, []graphfake.Value{{Statuses: []map[string]any{
		graphfake.Status(answer, "failed", c.clock.Now().Unix(), 131047)}}})
	if got := c.webhook(failed); got != 200 {
		t.Fatalf("status webhook = %d", got)
	}
	if tmpl := c.waitSent(acmeContact, 3)[2]; tmpl.Type != "template" {
		t.Fatalf("after the late 131047: %+v, want the template", tmpl)
	}
	c.waitHeld("interno 204")
	c.deliver(c.text(acmeContact, "Acá estoy"))
	c.clock.Advance(time.Minute)
	again := c.waitSent(acmeContact, 4)[3]
	if !strings.Contains(again.Text, "interno 204") || again.Callback != answer.Callback {
		t.Errorf("after the contact wrote: %+v, want the same answer again", again)
	}
}

// Meta's error codes, each as the outbox sees it: a rate limit postpones
// the answer (never counted toward giving up), a permanent refusal kills it
// with the reason.
func TestCloudErrorCodesTable(t *testing.T) {
	tests := []struct {
		code int
		http int
		dead bool
	}{
		{4, 400, false},
		{80007, 400, false},
		{130429, 400, false},
		{131026, 400, true},
		{131051, 400, true},
		{132001, 400, true},
		{190, 401, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			c := startCloudBot(t)
			thread := c.openTicket()
			c.graph.FailNext(acmeContact, graphfake.Failure{HTTPStatus: tt.http, Code: tt.code})
			c.staffReply("EvCODE", thread, 300, "Probá reiniciar el softphone del interno 204")
			c.clock.Advance(3 * time.Second)
			eventually(t, "the refusal recorded", func() bool {
				return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE target = ? AND sent_at IS NULL`, acmeContact), fmt.Sprint(tt.code))
			})
			row := c.queryString(`SELECT CASE WHEN dead_at IS NULL THEN 'owed' ELSE 'dead' END || ' ' || failures FROM outbox WHERE target = ? AND sent_at IS NULL`, acmeContact)
			want := "owed 0"
			if tt.dead {
				want = "dead 0"
			}
			if row != want {
				t.Errorf("code %d: item %q, want %q", tt.code, row, want)
			}
		})
	}
}
