package main

import (
	"net/http"
	"strings"
	"testing"

	"supportbot/channels/whatsapp/cloud/graphfake"
)

const andesContact = "+56911112222"

func TestCloudTwoEntriesThreeMessagesAndRedelivery(t *testing.T) {
	c := startCloudBot(t, "whatsapp_contacts: []", `whatsapp_contacts: ["`+andesContact+`"]`)
	at := c.clock.Now().Unix()
	body := graphfake.Body(cloudPhoneID,
		[]graphfake.Value{{Names: map[string]string{acmeContact: "Ana Gómez"}, Messages: []map[string]any{
			graphfake.Text("wamid.E1M1", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer", at)}}},
		[]graphfake.Value{
			{Messages: []map[string]any{graphfake.Text("wamid.E2M1", acmeContact, "Es el interno 204 del piso 3", at+5)}},
			{Names: map[string]string{andesContact: "Pedro Soto"}, Messages: []map[string]any{
				graphfake.Text("wamid.E2M2", andesContact, "Necesitamos saber cómo exportar el reporte de llamadas del mes", at+6)}},
		},
	)
	if got := c.webhook(body); got != http.StatusOK {
		t.Fatalf("webhook = %d\n%s", got, c.logs)
	}
	c.waitSent(acmeContact, 1)
	c.waitSent(andesContact, 1)
	acme, andes := c.tickets("acme"), c.tickets("andes")
	if len(acme) != 1 || len(andes) != 1 {
		t.Fatalf("tickets acme %d andes %d, want one each (the second entry must not be dropped)", len(acme), len(andes))
	}
	texts := func(id int64) []string {
		var out []string
		for _, m := range messagesOf(c.running, id) {
			out = append(out, m.Text)
		}
		return out
	}
	if got := texts(acme[0].ID); len(got) != 2 || !strings.Contains(got[1], "interno 204") {
		t.Errorf("acme's ticket messages = %q, want both of Ana's", got)
	}

	// Meta delivers the same payload again: nothing new.
	eventually(t, "the outbox to drain", func() bool { return backlog(t, c.dbPath) == 0 })
	before := len(c.graph.Sent())
	if got := c.webhook(body); got != http.StatusOK {
		t.Fatalf("re-delivery = %d", got)
	}
	if a, b := c.tickets("acme"), c.tickets("andes"); len(a) != 1 || len(b) != 1 {
		t.Errorf("after re-delivery: tickets acme %d andes %d, want one each", len(a), len(b))
	}
	if got := texts(acme[0].ID); len(got) != 2 {
		t.Errorf("after re-delivery: acme's messages = %q, want 2", got)
	}
	eventually(t, "the outbox to drain", func() bool { return backlog(t, c.dbPath) == 0 })
	if after := len(c.graph.Sent()); after != before {
		t.Errorf("re-delivery made the bot send %d more messages", after-before)
	}
}

func TestCloudMediaInFetchedInTwoStepsAndRelayed(t *testing.T) {
	tests := []struct {
		kind, mime, filename, caption string
		data                          []byte
		wantName                      string
	}{
		{"image", "image/png", "", "El discador muestra este error al iniciar sesión", pngBytes, "imagen.png"},
		{"document", "application/pdf", "error-troncal.pdf", "Adjunto el log del error de la troncal", []byte("%PDF-1.4 log"), "error-troncal.pdf"},
		{"audio", "audio/ogg", "", "", []byte("OggS voice note"), "audio.ogg"},
		{"video", "video/mp4", "", "Así se corta la llamada", []byte("\x00\x00\x00\x18ftypmp42"), "video.mp4"},
		{"sticker", "image/webp", "", "", []byte("RIFF....WEBPVP8 "), "sticker.webp"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			c := startCloudBot(t)
			c.deliver(c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
			c.waitSent(acmeContact, 1)
			thread := c.threadOf("acme")

			id, sum := c.graph.AddMedia(tt.data, tt.mime)
			c.deliver(graphfake.Media(c.nextID(), acmeContact, tt.kind, id, sum, tt.mime, tt.caption, tt.filename, c.clock.Now().Unix()))
			c.f.waitFor("the file in the thread", func() bool {
				for _, u := range c.f.Uploads() {
					if u.Completed {
						return true
					}
				}
				return false
			})
			up := c.f.Uploads()[0]
			if up.Thread != thread || up.Name != tt.wantName || up.SHA256 != sha(tt.data) {
				t.Errorf("upload = %+v, want %s in thread %s with sha %s", up, tt.wantName, thread, sha(tt.data))
			}
			calls := strings.Join(c.graph.Calls(), "\n")
			if !strings.Contains(calls, "GET /v21.0/"+id) || !strings.Contains(calls, "GET /download/"+id) {
				t.Errorf("graph calls lack the two-step download of %s:\n%s", id, calls)
			}
			if tt.caption != "" {
				found := false
				for _, p := range c.f.Posts(acmeChannel) {
					found = found || strings.Contains(p.Form.Get("text"), tt.caption) || strings.Contains(up.Comment, tt.caption)
				}
				if !found && !strings.Contains(up.Comment, tt.caption) {
					t.Errorf("caption %q not shown in the thread", tt.caption)
				}
			}
		})
	}
}

func TestCloudMediaHashMismatchRefused(t *testing.T) {
	c := startCloudBot(t)
	c.deliver(c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
	c.waitSent(acmeContact, 1)
	c.threadOf("acme")
	id, _ := c.graph.AddMedia(pngBytes, "image/png")
	_, otherSum := c.graph.AddMedia([]byte("something else entirely"), "image/png")
	c.deliver(graphfake.Media(c.nextID(), acmeContact, "image", id, otherSum, "image/png", "", "", c.clock.Now().Unix()))
	// A file that did not get through is the desk's business: the note is in
	// the ticket card's thread.
	c.f.waitFor("the note that the file did not get through", func() bool {
		for _, p := range c.f.Posts(deskChannel) {
			if strings.Contains(p.Form.Get("text"), "imagen.png") && p.Form.Get("thread_ts") != "" {
				return true
			}
		}
		return false
	})
	for _, u := range c.f.Uploads() {
		if u.Completed {
			t.Errorf("a file whose sha256 differs from the webhook's was relayed: %+v", u)
		}
	}
	reason := c.queryString(`SELECT last_error FROM outbox WHERE file <> '' AND dead_at IS NOT NULL`)
	if !strings.Contains(reason, "sha256") {
		t.Errorf("dead file item reason = %q, want the sha256 mismatch", reason)
	}
}
