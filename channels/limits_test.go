package channels

import (
	"testing"

	"supportbot/ticketing"
)

func TestDeliveryOn(t *testing.T) {
	f := func(kind, mime string, size int64) ticketing.Attachment {
		return ticketing.Attachment{Name: "x", Kind: kind, MIME: mime, Size: size}
	}
	tests := []struct {
		name string
		on   Platform
		file ticketing.Attachment
		want Delivery
	}{
		{"png image", WhatsApp, f(ticketing.FileImage, "image/png", 4*MB), Delivery{ticketing.FileImage, WhatsAppImageLimit}},
		{"image over 5 MB goes as a document", WhatsApp, f(ticketing.FileImage, "image/jpeg", 6*MB), Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}},
		{"gif is no WhatsApp image", WhatsApp, f(ticketing.FileImage, "image/gif", MB), Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}},
		{"mp4 video", WhatsApp, f(ticketing.FileVideo, "video/mp4", 16*MB), Delivery{ticketing.FileVideo, WhatsAppVideoLimit}},
		{"quicktime video as a document", WhatsApp, f(ticketing.FileVideo, "video/quicktime", MB), Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}},
		{"voice note", WhatsApp, f(ticketing.FileVoice, "audio/ogg; codecs=opus", MB), Delivery{ticketing.FileAudio, WhatsAppAudioLimit}},
		{"wav audio as a document", WhatsApp, f(ticketing.FileAudio, "audio/wav", MB), Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}},
		{"document at the limit", WhatsApp, f(ticketing.FileDocument, "application/pdf", 100*MB), Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}},
		{"document over the limit", WhatsApp, f(ticketing.FileDocument, "application/zip", 100*MB+1), Delivery{Limit: WhatsAppDocumentLimit}},
		{"video over every limit", WhatsApp, f(ticketing.FileVideo, "video/mp4", 200*MB), Delivery{Limit: WhatsAppDocumentLimit}},
		{"slack takes a 900 MB video", Slack, f(ticketing.FileVideo, "video/mp4", 900*MB), Delivery{ticketing.FileVideo, SlackFileLimit}},
		{"slack over 1 GB", Slack, f(ticketing.FileDocument, "", SlackFileLimit+1), Delivery{Limit: SlackFileLimit}},
	}
	for _, tt := range tests {
		if got := DeliveryOn(tt.on, tt.file); got != tt.want {
			t.Errorf("%s: DeliveryOn = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{
		512: "512 B", 2048: "2 KB", 5 * MB: "5 MB", 100*MB + 1: "100,1 MB", 4*MB + MB/5: "4,2 MB",
	} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
}
