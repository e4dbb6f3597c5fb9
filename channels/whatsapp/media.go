package whatsappchannel

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"os"
	"strings"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"google.golang.org/protobuf/proto"

	"supportbot/channels"
	"supportbot/ticketing"
)

// media is what a downloadable part of a message has in common; every
// whatsmeow media message has these getters.
type media interface {
	whatsmeow.DownloadableMessage
	GetURL() string
	GetMimetype() string
	GetFileLength() uint64
}

// attachments lists the files a message carries. Its Ref is the media
// descriptor (where the encrypted bytes are and their key), serialized, so
// the file can be downloaded again whenever it is relayed. Stickers are not
// among them: the bot names them in words.
func attachments(m *waE2E.Message) []ticketing.Attachment {
	if doc := m.GetDocumentWithCaptionMessage().GetMessage().GetDocumentMessage(); doc != nil && m.DocumentMessage == nil {
		m = &waE2E.Message{DocumentMessage: doc}
	}
	var kind, name string
	var part media
	var desc *waE2E.Message
	switch {
	case m.GetImageMessage() != nil:
		img := m.GetImageMessage()
		kind, part = ticketing.FileImage, img
		desc = &waE2E.Message{ImageMessage: &waE2E.ImageMessage{URL: img.URL, DirectPath: img.DirectPath, MediaKey: img.MediaKey,
			FileSHA256: img.FileSHA256, FileEncSHA256: img.FileEncSHA256, FileLength: img.FileLength, Mimetype: img.Mimetype}}
	case m.GetVideoMessage() != nil || m.GetPtvMessage() != nil:
		v := m.GetVideoMessage()
		if v == nil {
			v = m.GetPtvMessage()
		}
		kind, part = ticketing.FileVideo, v
		desc = &waE2E.Message{VideoMessage: &waE2E.VideoMessage{URL: v.URL, DirectPath: v.DirectPath, MediaKey: v.MediaKey,
			FileSHA256: v.FileSHA256, FileEncSHA256: v.FileEncSHA256, FileLength: v.FileLength, Mimetype: v.Mimetype}}
	case m.GetAudioMessage() != nil:
		a := m.GetAudioMessage()
		kind, part = ticketing.FileAudio, a
		if a.GetPTT() {
			kind = ticketing.FileVoice
		}
		desc = &waE2E.Message{AudioMessage: &waE2E.AudioMessage{URL: a.URL, DirectPath: a.DirectPath, MediaKey: a.MediaKey,
			FileSHA256: a.FileSHA256, FileEncSHA256: a.FileEncSHA256, FileLength: a.FileLength, Mimetype: a.Mimetype, PTT: a.PTT}}
	case m.GetDocumentMessage() != nil:
		d := m.GetDocumentMessage()
		kind, part, name = ticketing.FileDocument, d, d.GetFileName()
		desc = &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{URL: d.URL, DirectPath: d.DirectPath, MediaKey: d.MediaKey,
			FileSHA256: d.FileSHA256, FileEncSHA256: d.FileEncSHA256, FileLength: d.FileLength, Mimetype: d.Mimetype}}
	default:
		return nil
	}
	if part.GetDirectPath() == "" && part.GetURL() == "" {
		return nil
	}
	raw, err := proto.Marshal(desc)
	if err != nil {
		return nil
	}
	name, _ = channels.CleanText(name, 255)
	if name == "" {
		name = defaultName(kind, part.GetMimetype())
	}
	return []ticketing.Attachment{{Name: name, MIME: part.GetMimetype(), Kind: kind, Size: int64(part.GetFileLength()),
		SHA256: hex.EncodeToString(part.GetFileSHA256()), Source: ticketing.PlatformWhatsApp, Ref: base64.StdEncoding.EncodeToString(raw)}}
}

// defaultName names a file WhatsApp sent without one ("imagen.jpg").
func defaultName(kind, mimeType string) string {
	base := map[string]string{ticketing.FileImage: "imagen", ticketing.FileVideo: "video", ticketing.FileAudio: "audio",
		ticketing.FileVoice: "nota-de-voz", ticketing.FileDocument: "documento"}[kind]
	mt, _, _ := strings.Cut(mimeType, ";")
	ext := map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "video/mp4": ".mp4",
		"audio/ogg": ".ogg", "audio/mpeg": ".mp3", "audio/mp4": ".m4a", "application/pdf": ".pdf"}[strings.TrimSpace(mt)]
	if ext == "" {
		if exts, _ := mime.ExtensionsByType(mt); len(exts) > 0 {
			ext = exts[0]
		}
	}
	return base + ext
}

var _ channels.FileSource = (*Adapter)(nil)

// FetchFile downloads and decrypts a WhatsApp file into dst, from the media
// descriptor its Ref holds.
func (a *Adapter) FetchFile(ctx context.Context, f ticketing.Attachment, dst *os.File) error {
	raw, err := base64.StdEncoding.DecodeString(f.Ref)
	if err != nil {
		return &channels.PermanentError{Err: fmt.Errorf("whatsapp media descriptor of %s: %w", f.Name, err)}
	}
	var m waE2E.Message
	if err := proto.Unmarshal(raw, &m); err != nil {
		return &channels.PermanentError{Err: fmt.Errorf("whatsapp media descriptor of %s: %w", f.Name, err)}
	}
	var part whatsmeow.DownloadableMessage
	switch {
	case m.ImageMessage != nil:
		part = m.ImageMessage
	case m.VideoMessage != nil:
		part = m.VideoMessage
	case m.AudioMessage != nil:
		part = m.AudioMessage
	case m.DocumentMessage != nil:
		part = m.DocumentMessage
	default:
		return &channels.PermanentError{Err: fmt.Errorf("whatsapp media descriptor of %s holds no media", f.Name)}
	}
	if !a.msg.IsConnected() {
		return errNotConnected
	}
	if err := a.msg.DownloadToFile(ctx, part, dst); err != nil {
		// Media expires on WhatsApp's servers after a while; asking again
		// will not bring it back.
		if errors.Is(err, whatsmeow.ErrMediaDownloadFailedWith404) || errors.Is(err, whatsmeow.ErrMediaDownloadFailedWith410) {
			return &channels.PermanentError{Err: fmt.Errorf("whatsapp download %s: %w", f.Name, err)}
		}
		return fmt.Errorf("whatsapp download %s: %w", f.Name, err)
	}
	return nil
}

// uploadFile sends the file's bytes to WhatsApp's media servers and builds
// the message that shows it, with caption: an image, a video, an audio or a
// document as channels.DeliveryOn decides.
func (a *Adapter) uploadFile(ctx context.Context, f ticketing.Attachment, caption string) (*waE2E.Message, error) {
	d := channels.DeliveryOn(channels.WhatsApp, f)
	if d.Kind == "" {
		return nil, &channels.PermanentError{Err: fmt.Errorf("%s (%d bytes, limit %d): %w", f.Name, f.Size, d.Limit, channels.ErrFileTooLarge)}
	}
	if a.files == nil {
		return nil, &channels.PermanentError{Err: errors.New("whatsapp adapter has no file sources")}
	}
	sp, err := a.files.Spool(ctx, f, a.tempDir, d.Limit)
	if err != nil {
		return nil, err
	}
	defer sp.Close()
	mt := map[string]whatsmeow.MediaType{ticketing.FileImage: whatsmeow.MediaImage, ticketing.FileVideo: whatsmeow.MediaVideo,
		ticketing.FileAudio: whatsmeow.MediaAudio, ticketing.FileDocument: whatsmeow.MediaDocument}[d.Kind]
	// The spool is both the plaintext and the scratch space for the
	// encrypted copy, so the file is on disk once.
	up, err := a.msg.UploadReader(ctx, sp, sp.File, mt)
	if err != nil {
		return nil, fmt.Errorf("whatsapp upload %s: %w", f.Name, err)
	}
	mimeType := f.MIME
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	var capt *string
	if caption != "" {
		capt = proto.String(caption)
	}
	length := proto.Uint64(up.FileLength)
	switch d.Kind {
	case ticketing.FileImage:
		return &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: capt, Mimetype: proto.String(mimeType), URL: proto.String(up.URL),
			DirectPath: proto.String(up.DirectPath), MediaKey: up.MediaKey, FileEncSHA256: up.FileEncSHA256, FileSHA256: up.FileSHA256, FileLength: length}}, nil
	case ticketing.FileVideo:
		return &waE2E.Message{VideoMessage: &waE2E.VideoMessage{Caption: capt, Mimetype: proto.String(mimeType), URL: proto.String(up.URL),
			DirectPath: proto.String(up.DirectPath), MediaKey: up.MediaKey, FileEncSHA256: up.FileEncSHA256, FileSHA256: up.FileSHA256, FileLength: length}}, nil
	case ticketing.FileAudio:
		// An audio message has no caption; the caption goes as its own text.
		return &waE2E.Message{AudioMessage: &waE2E.AudioMessage{Mimetype: proto.String(mimeType), URL: proto.String(up.URL),
			DirectPath: proto.String(up.DirectPath), MediaKey: up.MediaKey, FileEncSHA256: up.FileEncSHA256, FileSHA256: up.FileSHA256, FileLength: length}}, nil
	}
	return &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{Caption: capt, Mimetype: proto.String(mimeType), Title: proto.String(f.Name),
		FileName: proto.String(f.Name), URL: proto.String(up.URL), DirectPath: proto.String(up.DirectPath), MediaKey: up.MediaKey,
		FileEncSHA256: up.FileEncSHA256, FileSHA256: up.FileSHA256, FileLength: length}}, nil
}
