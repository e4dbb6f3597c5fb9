package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

// pngBytes stands for a screenshot: its content matters only as the hash
// that must arrive intact.
var pngBytes = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte("captura del error "), 400)...)

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// waFile feeds a contact's file to the adapter's real event handler.
func (w *waBot) waFile(id string, f whatsappchannel.IncomingFile) {
	w.t.Helper()
	if !w.receive(w.phone.FileMessage(id, acmeContact, "Ana Gómez", f, e2eStart.Add(time.Minute))) {
		w.t.Fatal("adapter did not acknowledge the file")
	}
}

func messagesOf(r *running, ticketID int64) []ticketing.Message {
	var out []ticketing.Message
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		out, err = tx.Messages(ctx, ticketID)
		return err
	})
	return out
}

func TestWhatsAppImageReachesSlackThreadAsUpload(t *testing.T) {
	w := startWhatsAppBot(t)
	w.waFile("3EB0F11E1", whatsappchannel.IncomingFile{Kind: ticketing.FileImage, MIME: "image/png", Size: int64(len(pngBytes)),
		Caption: "El discador muestra este error al iniciar sesión", Open: func() io.Reader { return bytes.NewReader(pngBytes) }})

	w.f.waitFor("the file in the thread", func() bool {
		for _, u := range w.f.Uploads() {
			if u.Completed {
				return true
			}
		}
		return false
	})
	eventually(t, "the ticket's thread", func() bool { return w.tickets("acme")[0].Desk.Thread != "" })
	tk := w.tickets("acme")[0]
	up := w.f.Uploads()[0]
	if up.Channel != acmeChannel || up.Thread != tk.Desk.Thread {
		t.Errorf("upload shared in %s/%s, want the ticket's thread %s/%s", up.Channel, up.Thread, acmeChannel, tk.Desk.Thread)
	}
	if up.Size != int64(len(pngBytes)) || up.SHA256 != sha(pngBytes) {
		t.Errorf("upload = %d bytes sha %s, want %d bytes sha %s", up.Size, up.SHA256, len(pngBytes), sha(pngBytes))
	}
	if len(w.f.CallsOf("files.getUploadURLExternal")) != 1 || len(w.f.CallsOf("files.completeUploadExternal")) != 1 {
		t.Errorf("external upload calls: %s", w.f.Dump())
	}
	root := w.f.Posts(acmeChannel)[0].Form.Get("text")
	if !strings.Contains(root, "El discador muestra este error") {
		t.Errorf("mirror root %q lacks the caption", root)
	}
	// The contact is told the ticket, not asked to retype a captioned image.
	answer := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(answer.Text, "#1") {
		t.Errorf("answer %q does not name the ticket", answer.Text)
	}
	ms := messagesOf(w.running, tk.ID)
	if len(ms) != 1 || len(ms[0].Files) != 1 {
		t.Fatalf("messages = %+v, want one with the file", ms)
	}
	if f := ms[0].Files[0]; f.Kind != ticketing.FileImage || f.Size != int64(len(pngBytes)) || f.SHA256 != sha(pngBytes) || f.Source != ticketing.PlatformWhatsApp {
		t.Errorf("recorded file = %+v", f)
	}
}

func TestStaffFileReachesWhatsAppWithCaption(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0F11E2", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
	w.waitWhatsApp(acmeContact, 1)
	eventually(t, "the ticket's thread", func() bool {
		tks := w.tickets("acme")
		return len(tks) == 1 && tks[0].Desk.Thread != ""
	})
	tk := w.tickets("acme")[0]

	guide := []byte("%PDF-1.4 guía para reinstalar el softphone")
	pdf := w.f.AddFileBytes("guia-softphone.pdf", "application/pdf", guide)
	shot := w.f.AddFileBytes("config.png", "image/png", pngBytes)
	reply := slackfake.Message{EventID: "EvFILE1", Channel: acmeChannel, User: focalAR, TS: tsAt(300), ThreadTS: tk.Desk.Thread,
		Text: "Seguí esta guía, por favor", Files: []slackfake.File{pdf, shot}}
	if got := w.event(reply); got != http.StatusOK {
		t.Fatalf("staff reply status = %d", got)
	}
	w.waitWhatsApp(acmeContact, 2) // each after the pacing gap
	sent := w.waitWhatsApp(acmeContact, 3)[1:]
	wantDoc := whatsappchannel.SentMessage{Kind: ticketing.FileDocument, FileName: "guia-softphone.pdf", MIME: "application/pdf",
		Size: int64(len(guide)), SHA256: sha(guide)}
	got := sent[0]
	if got.Kind != wantDoc.Kind || got.FileName != wantDoc.FileName || got.MIME != wantDoc.MIME || got.Size != wantDoc.Size || got.SHA256 != wantDoc.SHA256 {
		t.Errorf("first relay = %+v, want the PDF as a document %+v", got, wantDoc)
	}
	if !strings.Contains(got.Text, "Seguí esta guía") {
		t.Errorf("document caption = %q, want the focal point's words", got.Text)
	}
	if img := sent[1]; img.Kind != ticketing.FileImage || img.SHA256 != sha(pngBytes) || img.Text != "" {
		t.Errorf("second relay = %+v, want the screenshot as an image without caption", img)
	}
	if tk := w.tickets("acme")[0]; tk.FirstResponder != focalAR {
		t.Errorf("first responder = %q, want %s", tk.FirstResponder, focalAR)
	}
}

func TestSlackClientFileListedOnTicket(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	log := f.AddFileBytes("discador.log", "text/plain", []byte("ERROR sip 503\n"))
	msg := slackfake.Message{EventID: "EvCF1", Channel: acmeChannel, User: acmeClient, TS: tsAt(10),
		Text: "El discador se corta, adjunto el log", Files: []slackfake.File{log}}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
	ms := messagesOf(r, r.tickets("acme")[0].ID)
	if len(ms) != 1 || len(ms[0].Files) != 1 {
		t.Fatalf("messages = %+v, want one with the file", ms)
	}
	want := ticketing.Attachment{Name: "discador.log", MIME: "text/plain", Kind: ticketing.FileDocument, Size: int64(len("ERROR sip 503\n")),
		Source: ticketing.PlatformSlack, Ref: log.ID, Link: log.Permalink}
	if got := ms[0].Files[0]; got != want {
		t.Errorf("file = %+v, want %+v", got, want)
	}
}

func TestOversizedStaffFileGetsTheNote(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0F11E3", acmeContact, "Necesitamos el instalador nuevo del softphone"))
	w.waitWhatsApp(acmeContact, 1)
	eventually(t, "the ticket's thread", func() bool {
		tks := w.tickets("acme")
		return len(tks) == 1 && tks[0].Desk.Thread != ""
	})
	tk := w.tickets("acme")[0]
	size := channels.WhatsAppDocumentLimit + 1
	huge := w.f.AddFile("instalador.zip", "application/zip", size, func() io.Reader {
		t.Error("an oversized file was downloaded")
		return strings.NewReader("")
	})
	w.event(slackfake.Message{EventID: "EvBIG1", Channel: acmeChannel, User: focalAR, TS: tsAt(300), ThreadTS: tk.Desk.Thread,
		Text: "Acá va el instalador", Files: []slackfake.File{huge}})
	w.waitWhatsApp(acmeContact, 2)
	sent := w.waitWhatsApp(acmeContact, 3)[1:]
	if sent[0].Kind != "" || !strings.Contains(sent[0].Text, "instalador.zip") || !strings.Contains(sent[0].Text, "(100,1 MB)") ||
		!strings.Contains(sent[0].Text, "(100 MB)") {
		t.Errorf("contact told %+v, want a note naming the file and the limit", sent[0])
	}
	if !strings.Contains(sent[1].Text, "Acá va el instalador") {
		t.Errorf("then %+v, want the focal point's words as text", sent[1])
	}
	w.f.waitFor("the note to staff", func() bool {
		// Told on the desk's side: the card's thread.
		for _, p := range w.f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "no se envió") {
				return true
			}
		}
		return false
	})
}

func TestVoiceNoteOpensCaseWithMenu(t *testing.T) {
	w := startWhatsAppBot(t)
	voice := []byte("OggS nota de voz")
	w.waFile("3EB0F11E4", whatsappchannel.IncomingFile{Kind: ticketing.FileVoice, MIME: "audio/ogg; codecs=opus", Size: int64(len(voice)),
		Open: func() io.Reader { return bytes.NewReader(voice) }})
	ask := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(ask.Text, "1 Consulta") {
		t.Errorf("contact told %q, want the kind menu", ask.Text)
	}
	w.f.waitFor("the voice note in the thread", func() bool {
		ups := w.f.Uploads()
		return len(ups) == 1 && ups[0].Completed && ups[0].SHA256 == sha(voice) && strings.HasSuffix(ups[0].Name, ".ogg")
	})
}

func TestFileTooLargeOnceFetchedToldInThread(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0F11E5", acmeContact, "Necesitamos ver cómo queda la pantalla de configuración"))
	w.waitWhatsApp(acmeContact, 1)
	eventually(t, "the ticket's thread", func() bool {
		tks := w.tickets("acme")
		return len(tks) == 1 && tks[0].Desk.Thread != ""
	})
	tk := w.tickets("acme")[0]
	// Slack announced 1 KB; the bytes are 6 MB, over WhatsApp's 5 MB for images.
	liar := w.f.AddFile("pantalla.png", "image/png", 1024, func() io.Reader {
		return io.LimitReader(strings.NewReader(strings.Repeat("x", 6*channels.MB)), 6*channels.MB)
	})
	w.event(slackfake.Message{EventID: "EvLIAR1", Channel: acmeChannel, User: focalAR, TS: tsAt(300), ThreadTS: tk.Desk.Thread,
		Files: []slackfake.File{liar}})
	w.f.waitFor("the note to staff", func() bool {
		// Told on the desk's side: the card's thread.
		for _, p := range w.f.Posts(deskChannel) {
			if p.Form.Get("thread_ts") != "" && strings.Contains(p.Form.Get("text"), "no llegó a destino") &&
				strings.Contains(p.Form.Get("text"), "pantalla.png") {
				return true
			}
		}
		return false
	})
	for _, m := range w.phone.Sent() {
		if m.Kind != "" {
			t.Errorf("a file reached the contact: %+v", m)
		}
	}
}
