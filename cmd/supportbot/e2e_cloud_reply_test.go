package main

import (
	"strings"
	"testing"

	"supportbot/channels/whatsapp/cloud/graphfake"
)

// An answer to a contact's message that quoted an earlier one goes out as
// a reply to it (context.message_id): the bot's own answer, and the desk's
// while that message is the contact's latest; once the contact writes
// plainly, answers are plain again.
func TestCloudAnswersToAQuotedMessageCarryItsContext(t *testing.T) {
	c := startCloudBot(t)
	thread := c.openTicket()
	ack := c.sentTo(acmeContact)[0]
	eventually(t, "the ack recorded", func() bool {
		return c.queryString(`SELECT external_ref FROM outbox WHERE target = ?`, acmeContact) == ack.ID
	})
	inThread := func(what, sub string) {
		t.Helper()
		c.f.waitFor(what, func() bool {
			for _, p := range c.f.Posts(acmeChannel) {
				if p.Form.Get("thread_ts") == thread && strings.Contains(p.Form.Get("text"), sub) {
					return true
				}
			}
			return false
		})
	}

	// The contact quotes the ack to ask how things stand: the bot answers.
	asked := c.nextID()
	c.deliver(graphfake.Replying(graphfake.Text(asked, acmeContact, "estado", c.clock.Now().Unix()), ack.ID))
	status := c.waitSent(acmeContact, 2)[1]

	// The contact quotes it again with news; the desk answers with a file.
	news := c.nextID()
	c.deliver(graphfake.Replying(graphfake.Text(news, acmeContact, "Sigue igual después de reiniciar", c.clock.Now().Unix()), ack.ID))
	inThread("the quoting message in the thread", "Sigue igual")
	guide := c.f.AddFileBytes("guia-softphone.pdf", "application/pdf", []byte("%PDF-1.4 guía"))
	c.staffReply("EvCLOUDCTX1", thread, 300, "Seguí esta guía, por favor", guide)
	doc := c.waitSent(acmeContact, 3)[2]

	// A plain message after it: the desk's next answer replies to nothing.
	c.deliver(c.text(acmeContact, "Listo, la instalé"))
	inThread("the plain message in the thread", "Listo, la instalé")
	c.staffReply("EvCLOUDCTX2", thread, 400, "Perfecto, quedamos atentos")
	plain := c.waitSent(acmeContact, 4)[3]

	// A quote of a message the bot never kept is a reply all the same.
	blind := c.nextID()
	c.deliver(graphfake.Replying(graphfake.Text(blind, acmeContact, "estado", c.clock.Now().Unix()), "wamid.NEVERKEPT"))
	again := c.waitSent(acmeContact, 5)[4]

	// A long answer to a quoting message: its first part is the reply.
	longQ := c.nextID()
	c.deliver(graphfake.Replying(graphfake.Text(longQ, acmeContact, "¿Y el troncal?", c.clock.Now().Unix()), ack.ID))
	inThread("the question about the trunk in the thread", "el troncal")
	c.staffReply("EvCLOUDCTX3", thread, 500, strings.Repeat("Revisá la configuración del troncal y reiniciá el servicio. ", 100))
	parts := c.waitSent(acmeContact, 7)[5:]

	for _, tc := range []struct {
		what string
		got  graphfake.Sent
		want string
	}{
		{"the ack of a message that quoted nothing", ack, ""},
		{"the bot's answer to a quoting message", status, asked},
		{"the desk's file answer while the quoting message is the latest", doc, news},
		{"the desk's answer after a plain message", plain, ""},
		{"the bot's answer to a quote of an unknown message", again, blind},
		{"the first part of a long answer", parts[0], longQ},
		{"the second part of a long answer", parts[1], ""},
	} {
		if tc.got.ReplyTo != tc.want {
			t.Errorf("%s (%s %q): context.message_id = %q, want %q", tc.what, tc.got.Type, tc.got.Text, tc.got.ReplyTo, tc.want)
		}
	}
	if doc.Type != "document" {
		t.Errorf("the desk's file answer went as %q, want a document", doc.Type)
	}
}
