package whatsappchannel

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/ticketing"
)

// IncomingFile is a file a contact sends through the stand-in. Open gives
// its content each time it is read, so a large one need not sit in memory.
type IncomingFile struct {
	Kind    string // a ticketing.File* kind
	MIME    string
	Name    string // documents only; WhatsApp names no other kind
	Caption string
	Size    int64
	Open    func() io.Reader
}

// FileMessage is a contact's file as whatsmeow hands it to
// Adapter.HandleEvent; the stand-in serves its bytes to DownloadToFile.
func (s *StandIn) FileMessage(id, phone, pushName string, f IncomingFile, at time.Time) *events.Message {
	h := sha256.New()
	_, _ = io.Copy(h, f.Open())
	sum := h.Sum(nil)
	s.mu.Lock()
	s.seq++
	path := fmt.Sprintf("/standin/in/%d", s.seq)
	if s.media == nil {
		s.media = map[string]func() io.Reader{}
	}
	s.media[path] = f.Open
	s.mu.Unlock()
	key, length, mt, capt := make([]byte, 32), proto.Uint64(uint64(f.Size)), proto.String(f.MIME), proto.String(f.Caption)
	evt := TextMessage(id, phone, pushName, "", at)
	m := &waE2E.Message{}
	switch f.Kind {
	case ticketing.FileImage:
		m.ImageMessage = &waE2E.ImageMessage{DirectPath: proto.String(path), MediaKey: key, FileSHA256: sum, FileLength: length, Mimetype: mt, Caption: capt}
	case ticketing.FileVideo:
		m.VideoMessage = &waE2E.VideoMessage{DirectPath: proto.String(path), MediaKey: key, FileSHA256: sum, FileLength: length, Mimetype: mt, Caption: capt}
	case ticketing.FileAudio, ticketing.FileVoice:
		m.AudioMessage = &waE2E.AudioMessage{DirectPath: proto.String(path), MediaKey: key, FileSHA256: sum, FileLength: length, Mimetype: mt,
			PTT: proto.Bool(f.Kind == ticketing.FileVoice)}
	default:
		m.DocumentMessage = &waE2E.DocumentMessage{DirectPath: proto.String(path), MediaKey: key, FileSHA256: sum, FileLength: length, Mimetype: mt,
			Caption: capt, FileName: proto.String(f.Name)}
	}
	evt.Message = m
	return evt
}

// DownloadToFile serves a file a contact sent through FileMessage.
func (s *StandIn) DownloadToFile(_ context.Context, msg whatsmeow.DownloadableMessage, file whatsmeow.File) error {
	s.mu.Lock()
	open, ok := s.media[msg.GetDirectPath()]
	s.mu.Unlock()
	if !ok {
		return whatsmeow.ErrMediaDownloadFailedWith404
	}
	if _, err := io.Copy(file, open()); err != nil {
		return fmt.Errorf("stand-in download: %w", err)
	}
	return nil
}

// UploadReader accepts a file for a message about to be sent. It hashes the
// bytes and keeps nothing else, as WhatsApp's servers keep them elsewhere.
func (s *StandIn) UploadReader(_ context.Context, plaintext io.Reader, _ io.ReadWriteSeeker, _ whatsmeow.MediaType) (whatsmeow.UploadResponse, error) {
	h := sha256.New()
	n, err := io.Copy(h, plaintext)
	if err != nil {
		return whatsmeow.UploadResponse{}, fmt.Errorf("stand-in upload: %w", err)
	}
	s.mu.Lock()
	s.seq++
	path := fmt.Sprintf("/standin/up/%d", s.seq)
	s.mu.Unlock()
	sum := h.Sum(nil)
	return whatsmeow.UploadResponse{URL: "https://mmg.standin.invalid" + path, DirectPath: path, MediaKey: make([]byte, 32),
		FileSHA256: sum, FileEncSHA256: sum, FileLength: uint64(n)}, nil
}

// sentOf describes a message the adapter sent.
func sentOf(m *waE2E.Message) SentMessage {
	file := func(kind, caption, name, mime string, size uint64, sum []byte) SentMessage {
		return SentMessage{Kind: kind, Text: caption, FileName: name, MIME: mime, Size: int64(size), SHA256: hex.EncodeToString(sum)}
	}
	switch {
	case m.GetImageMessage() != nil:
		x := m.GetImageMessage()
		return file(ticketing.FileImage, x.GetCaption(), "", x.GetMimetype(), x.GetFileLength(), x.GetFileSHA256())
	case m.GetVideoMessage() != nil:
		x := m.GetVideoMessage()
		return file(ticketing.FileVideo, x.GetCaption(), "", x.GetMimetype(), x.GetFileLength(), x.GetFileSHA256())
	case m.GetAudioMessage() != nil:
		x := m.GetAudioMessage()
		return file(ticketing.FileAudio, "", "", x.GetMimetype(), x.GetFileLength(), x.GetFileSHA256())
	case m.GetDocumentMessage() != nil:
		x := m.GetDocumentMessage()
		return file(ticketing.FileDocument, x.GetCaption(), x.GetFileName(), x.GetMimetype(), x.GetFileLength(), x.GetFileSHA256())
	}
	return SentMessage{Text: m.GetConversation()}
}
