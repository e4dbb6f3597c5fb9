package slackchannel

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

type contentSource []byte

func (c contentSource) FetchFile(_ context.Context, _ ticketing.Attachment, dst *os.File) error {
	_, err := dst.Write(c)
	return err
}

func TestSendFileAndFindItAfterACrash(t *testing.T) {
	api := slackfake.New(nil)
	defer api.Close()
	shot := []byte("\x89PNG captura del error")
	sum := sha256.Sum256(shot)
	s := NewSender(NewClient("xoxb-test", "", api.APIURL())).WithFiles(channels.FileSources{channels.WhatsApp: contentSource(shot)}, t.TempDir())
	file := ticketing.Attachment{Name: "imagen.png", MIME: "image/png", Kind: ticketing.FileImage, Size: int64(len(shot)), Source: ticketing.PlatformWhatsApp, Ref: "d"}
	item := ticketing.OutboxItem{ID: 7, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C0ACME", Thread: "1764000000.000001"},
		Mode: ticketing.ModePost, Text: "📱 Ana: este error", File: &file}

	// Nothing uploaded yet: an interrupted attempt is not found.
	item.InFlightAt = time.Unix(1764000000, 0)
	if _, found, err := s.FindSent(t.Context(), item); err != nil || found {
		t.Fatalf("FindSent before any upload = %v, %v; want not found", found, err)
	}
	ref, err := s.Send(t.Context(), item)
	if err != nil {
		t.Fatal(err)
	}
	ups := api.Uploads()
	want := slackfake.Upload{ID: ref, Name: "imagen.png", Size: int64(len(shot)), SHA256: hex.EncodeToString(sum[:]),
		Channel: "C0ACME", Thread: item.To.Thread, Comment: item.Text, Completed: true}
	if len(ups) != 1 || ups[0] != want {
		t.Fatalf("uploads = %+v, want %+v", ups, want)
	}
	got, found, err := s.FindSent(t.Context(), item)
	if err != nil || !found || got != ref {
		t.Errorf("FindSent after the upload = %q, %v, %v; want %q", got, found, err, ref)
	}
	other := item
	other.File = &ticketing.Attachment{Name: "otro.pdf", Size: 3, Source: ticketing.PlatformWhatsApp}
	if _, found, _ := s.FindSent(t.Context(), other); found {
		t.Error("FindSent found another file's upload")
	}

	// Only posts carry files.
	eph := item
	eph.Mode = ticketing.ModeEphemeral
	if _, err := s.Send(t.Context(), eph); err == nil {
		t.Error("ephemeral file: no error")
	}
}
