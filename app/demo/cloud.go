package demo

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/config"
)

// The demo playing WhatsApp through Meta's Cloud API: the bot's real
// connector against an in-process fake Graph API, contacts' messages as
// signed webhooks to the bot's real endpoint.

const demoPhoneNumberID = "100000000000001"

// playCloud points the demo's configuration at the fake Graph API.
func playCloud(cfg *config.Config, graph *graphfake.Server, secret string) {
	w := &cfg.WhatsApp
	w.Transport = config.TransportCloud
	w.Cloud.PhoneNumberID, w.Cloud.AccessToken, w.Cloud.APIURL = demoPhoneNumberID, graph.Token, graph.APIURL()
	w.Cloud.AppSecret, w.Cloud.VerifyToken = secret, "demo-verify"
	w.Cloud.Templates.Reopen = config.Template{Name: "ticket_update", Language: "es_AR"}
}

// cloudMessage posts a contact's message the way Meta's webhook does.
func (p *demoPlayer) cloudMessage(id string, w *demoWhatsApp) error {
	at := p.clock.Now().Unix()
	msg := graphfake.Text(id, w.From, w.Text, at)
	if f := w.File; f != nil {
		content := f.content()
		mediaID, sum := p.graph.AddMedia(content, f.Type)
		msg = graphfake.Media(id, w.From, cloudKind(f.Type), mediaID, sum, f.Type, w.Text, f.Name, at)
	}
	body := graphfake.Body(demoPhoneNumberID, []graphfake.Value{{Names: map[string]string{w.From: w.Name}, Messages: []map[string]any{msg}}})
	req := httptest.NewRequest(http.MethodPost, cloud.WebhookPath, bytes.NewReader(body))
	req.Header.Set(cloud.SignatureHeader, cloud.Sign(p.a.Config().WhatsApp.Cloud.AppSecret, body))
	rec := httptest.NewRecorder()
	p.http.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return fmt.Errorf("whatsapp webhook from %s: status %d", w.From, rec.Code)
	}
	return nil
}

// cloudKind is the Cloud API's message type for a file.
func cloudKind(mime string) string {
	switch k := kindOf(mime); k {
	case "voice":
		return "audio"
	case "image", "video", "audio":
		return k
	}
	return "document"
}

// cloudSentText shows in the transcript what the bot sent through the API.
func cloudSentText(m graphfake.Sent) string {
	switch m.Type {
	case "text":
		return m.Text
	case "template":
		return fmt.Sprintf("📋 template %q (the contact last wrote more than 24 h ago)", m.Template)
	}
	s := m.Text
	if s != "" {
		s += "\n"
	}
	return s + fmt.Sprintf("📎 %s %s (uploaded as %s)", m.Type, m.Filename, m.MediaID)
}
