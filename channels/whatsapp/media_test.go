package whatsappchannel

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// contentSource serves one content for every file.
type contentSource []byte

func (c contentSource) FetchFile(_ context.Context, _ ticketing.Attachment, dst *os.File) error {
	_, err := dst.Write(c)
	return err
}

func TestFileMessageConvertedAndFetched(t *testing.T) {
	phone := NewStandIn()
	a := NewAdapter(phone, &recorder{}, Options{Log: quiet})
	shot := []byte("\x89PNG captura")
	sum := sha256.Sum256(shot)
	evt := phone.FileMessage("3EB0IMG", "+5491155550101", "Ana", IncomingFile{Kind: ticketing.FileImage, MIME: "image/png",
		Caption: "este error", Size: int64(len(shot)), Open: func() io.Reader { return bytes.NewReader(shot) }}, time.Now())
	in, ok := FromMessage(evt, nil)
	if !ok || in.Text != "este error" || in.Media != "image" || len(in.Files) != 1 {
		t.Fatalf("FromMessage = %+v, %v; want the caption and one file", in, ok)
	}
	f := in.Files[0]
	want := ticketing.Attachment{Name: "imagen.png", MIME: "image/png", Kind: ticketing.FileImage, Size: int64(len(shot)),
		SHA256: hex.EncodeToString(sum[:]), Source: ticketing.PlatformWhatsApp, Ref: f.Ref}
	if f != want || f.Ref == "" {
		t.Errorf("file = %+v, want %+v with a descriptor", f, want)
	}
	sp, err := channels.FileSources{channels.WhatsApp: a}.Spool(t.Context(), f, t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	if sp.SHA256 != f.SHA256 {
		t.Errorf("fetched sha %s, want %s", sp.SHA256, f.SHA256)
	}

	if err := a.FetchFile(t.Context(), ticketing.Attachment{Name: "x", Ref: "not base64!"}, sp.File); !isPermanent(err) {
		t.Errorf("broken descriptor: err = %v, want permanent", err)
	}
}

func isPermanent(err error) bool {
	var p *channels.PermanentError
	return errors.As(err, &p)
}

func TestSendFile(t *testing.T) {
	guide := []byte("%PDF guía")
	sum := sha256.Sum256(guide)
	tests := []struct {
		name     string
		file     ticketing.Attachment
		caption  string
		want     SentMessage
		wantPerm bool
	}{
		{"pdf as a document with caption", ticketing.Attachment{Name: "guia.pdf", MIME: "application/pdf", Kind: ticketing.FileDocument, Size: int64(len(guide))},
			"la guía", SentMessage{Kind: ticketing.FileDocument, Text: "la guía", FileName: "guia.pdf", MIME: "application/pdf", Size: int64(len(guide)), SHA256: hex.EncodeToString(sum[:])}, false},
		{"png as an image", ticketing.Attachment{Name: "a.png", MIME: "image/png", Kind: ticketing.FileImage, Size: int64(len(guide))},
			"mirá", SentMessage{Kind: ticketing.FileImage, Text: "mirá", MIME: "image/png", Size: int64(len(guide)), SHA256: hex.EncodeToString(sum[:])}, false},
		{"over 100 MB", ticketing.Attachment{Name: "big.zip", Kind: ticketing.FileDocument, Size: channels.WhatsAppDocumentLimit + 1}, "", SentMessage{}, true},
	}
	for _, tt := range tests {
		phone := NewStandIn()
		a := NewAdapter(phone, &recorder{}, Options{Log: quiet}).WithFiles(channels.FileSources{channels.Slack: contentSource(guide)}, t.TempDir())
		tt.file.Source = ticketing.PlatformSlack
		item := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491155550101"},
			Mode: ticketing.ModePost, Text: tt.caption, File: &tt.file}
		_, err := a.Send(t.Context(), item)
		if tt.wantPerm {
			if !isPermanent(err) || !errors.Is(err, channels.ErrFileTooLarge) || len(phone.Sent()) != 0 {
				t.Errorf("%s: err = %v, sent %d; want a permanent too-large error and nothing sent", tt.name, err, len(phone.Sent()))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := phone.Sent()
		if len(got) != 1 {
			t.Fatalf("%s: sent %d messages", tt.name, len(got))
		}
		got[0].To, got[0].ID = "", ""
		if got[0] != tt.want {
			t.Errorf("%s: sent %+v, want %+v", tt.name, got[0], tt.want)
		}
	}
}
