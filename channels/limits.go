package channels

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"supportbot/ticketing"
)

// Limits of what each platform accepts, in bytes. WhatsApp takes images
// (JPEG, PNG) up to 5 MB, video (MP4, 3GPP) and audio up to 16 MB, and any
// document up to 100 MB; Slack takes any file up to 1 GB through its
// external upload.
const (
	MB = 1 << 20

	SlackFileLimit        = 1024 * MB
	WhatsAppImageLimit    = 5 * MB
	WhatsAppVideoLimit    = 16 * MB
	WhatsAppAudioLimit    = 16 * MB
	WhatsAppDocumentLimit = 100 * MB
)

// Delivery is how a file goes out on a platform: as which kind of message,
// and the limit that kind has. A zero Kind means the platform cannot take it.
type Delivery struct {
	Kind  string
	Limit int64
}

// DeliveryOn decides how a file is sent on platform p. A file too big or of
// a type WhatsApp cannot show as what it was sent as goes as a document
// when a document can carry it; one above every limit gets no Kind.
func DeliveryOn(p Platform, f ticketing.Attachment) Delivery {
	if p != WhatsApp {
		if f.Size > SlackFileLimit {
			return Delivery{Limit: SlackFileLimit}
		}
		return Delivery{Kind: f.Kind, Limit: SlackFileLimit}
	}
	mime := strings.ToLower(f.MIME)
	var d Delivery
	switch kind := f.Kind; {
	case kind == ticketing.FileImage && (mime == "image/jpeg" || mime == "image/png"):
		d = Delivery{ticketing.FileImage, WhatsAppImageLimit}
	case kind == ticketing.FileVideo && (mime == "video/mp4" || mime == "video/3gpp"):
		d = Delivery{ticketing.FileVideo, WhatsAppVideoLimit}
	case (kind == ticketing.FileAudio || kind == ticketing.FileVoice) && whatsAppAudio(mime):
		d = Delivery{ticketing.FileAudio, WhatsAppAudioLimit}
	}
	if d.Kind != "" && f.Size <= d.Limit {
		return d
	}
	if f.Size <= WhatsAppDocumentLimit {
		return Delivery{ticketing.FileDocument, WhatsAppDocumentLimit}
	}
	return Delivery{Limit: WhatsAppDocumentLimit}
}

func whatsAppAudio(mime string) bool {
	base, _, _ := strings.Cut(mime, ";")
	switch strings.TrimSpace(base) {
	case "audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg":
		return true
	}
	return false
}

// SizeText writes a size for people: "4,2 MB", "100 MB", "830 KB". It
// rounds up, so a file just over a limit never reads as the limit.
func SizeText(n int64) string {
	switch {
	case n >= MB:
		s := strconv.FormatFloat(math.Ceil(float64(n)*10/MB)/10, 'f', 1, 64)
		return strings.Replace(strings.TrimSuffix(s, ".0"), ".", ",", 1) + " MB"
	case n >= 1024:
		return fmt.Sprintf("%d KB", n/1024)
	}
	return fmt.Sprintf("%d B", n)
}
