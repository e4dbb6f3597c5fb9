package cloud

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"supportbot/channels"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

// Send delivers one owed reply: text (split beyond MaxTextChars) or a file
// uploaded first and sent by its id with the text as caption. It never
// waits: pacing, backoff and the closed window come back as a
// RateLimitError, so the outbox keeps the conversation's order and tries
// again later without counting it as a failure.
func (c *Connector) Send(ctx context.Context, item ticketing.OutboxItem) (string, error) {
	if item.Mode != "" && item.Mode != ticketing.ModePost {
		return "", &channels.PermanentError{Err: fmt.Errorf("whatsapp cannot deliver %q items", item.Route())}
	}
	phone := item.To.Address
	if !ticketing.IsPhone(phone) {
		return "", &channels.PermanentError{Err: fmt.Errorf("whatsapp recipient %q: %w", phone, ticketing.ErrBadPhone)}
	}
	text := whatsappchannel.RenderText(strings.ToValidUTF8(item.Text, "\uFFFD"))
	if strings.TrimSpace(text) == "" && item.File == nil {
		return "", &channels.PermanentError{Err: errors.New("whatsapp message has no text")}
	}
	now := c.cfg.Now()
	if wait, why := c.paused(phone, now); wait > 0 {
		return "", &channels.RateLimitError{RetryAfter: wait, Err: why}
	}
	w, err := c.cfg.State.Window(ctx, phone)
	if err != nil {
		return "", fmt.Errorf("whatsapp window of %s: %w", phone, err)
	}
	if !w.open(now) {
		return "", c.reopen(ctx, item, w, now)
	}
	var ref string
	if item.File != nil {
		ref, err = c.sendFile(ctx, item, text)
	} else {
		ref, err = c.sendText(ctx, item, text)
	}
	if err != nil {
		var ge *GraphError
		if errors.As(err, &ge) && ge.Code == codeWindowClosed {
			// Meta knows better than the stored window: reopen as if the
			// window had closed.
			if err := c.cfg.State.CloseWindow(ctx, phone, now); err != nil {
				return "", err
			}
			w.ClosedAt = now
			return "", c.reopen(ctx, item, w, now)
		}
		return "", c.classify(ctx, err, item, now)
	}
	c.sendOK(now, phone)
	return ref, nil
}

func (c *Connector) message(item ticketing.OutboxItem, kind string, body map[string]any) map[string]any {
	m := map[string]any{"recipient_type": "individual", "to": item.To.Address[1:], "type": kind, kind: body,
		"biz_opaque_callback_data": callback(item)}
	if item.ReplyTo != "" {
		// Shown as a reply to the contact's message it answers.
		m["context"] = map[string]any{"message_id": item.ReplyTo}
	}
	return m
}

// sendText sends text in parts of at most MaxTextChars, cut at a line or
// word break where one is near; the last part's id is the item's.
func (c *Connector) sendText(ctx context.Context, item ticketing.OutboxItem, text string) (string, error) {
	var ref string
	for _, part := range SplitText(text, MaxTextChars) {
		id, err := c.cfg.Client.SendMessage(ctx, c.message(item, "text", map[string]any{"body": part, "preview_url": false}))
		if err != nil {
			return "", fmt.Errorf("send whatsapp text to %s: %w", item.To.Address, err)
		}
		ref = id
		// The first part is the reply; the rest follow it.
		item.ReplyTo = ""
	}
	return ref, nil
}

// SplitText cuts s into parts of at most max characters.
func SplitText(s string, max int) []string {
	var parts []string
	for utf8.RuneCountInString(s) > max {
		cut, n := 0, 0
		for i := range s {
			if n == max {
				cut = i
				break
			}
			n++
		}
		// Prefer a break in the last fifth of the part.
		if i := strings.LastIndexAny(s[:cut], "\n "); i > cut*4/5 {
			cut = i + 1
		}
		parts = append(parts, strings.TrimRight(s[:cut], " "))
		s = s[cut:]
	}
	return append(parts, s)
}

// sendFile uploads the file (fetched from the platform that holds it) and
// sends it by id: an image, video, audio or document as
// channels.DeliveryOn decides, with the text as caption (an audio has none,
// so its text goes first as its own message).
func (c *Connector) sendFile(ctx context.Context, item ticketing.OutboxItem, text string) (string, error) {
	f := *item.File
	d := channels.DeliveryOn(channels.WhatsApp, f)
	if d.Kind == "" {
		return "", &channels.PermanentError{Err: fmt.Errorf("%s (%d bytes, limit %d): %w", f.Name, f.Size, d.Limit, channels.ErrFileTooLarge)}
	}
	if c.cfg.Files == nil {
		return "", &channels.PermanentError{Err: errors.New("whatsapp cloud has no file sources")}
	}
	sp, err := c.cfg.Files.Spool(ctx, f, c.cfg.TempDir, d.Limit)
	if err != nil {
		return "", err
	}
	defer sp.Close()
	mimeType := f.MIME
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	id, err := c.cfg.Client.Upload(ctx, sp, f.Name, mimeType)
	if err != nil {
		return "", fmt.Errorf("whatsapp cloud upload %s: %w", f.Name, err)
	}
	body := map[string]any{"id": id}
	switch d.Kind {
	case ticketing.FileAudio:
		if strings.TrimSpace(text) != "" {
			if _, err := c.sendText(ctx, item, text); err != nil {
				return "", err
			}
			item.ReplyTo = ""
		}
	case ticketing.FileDocument:
		body["filename"] = f.Name
		fallthrough
	default:
		if text != "" {
			body["caption"] = text
		}
	}
	ref, err := c.cfg.Client.SendMessage(ctx, c.message(item, d.Kind, body))
	if err != nil {
		return "", fmt.Errorf("send whatsapp %s to %s: %w", d.Kind, item.To.Address, err)
	}
	return ref, nil
}

// Limits of received files, by Meta's own limits for what it delivers.
var receiveLimits = map[string]int64{
	ticketing.FileImage: channels.WhatsAppImageLimit, ticketing.FileVideo: channels.WhatsAppVideoLimit,
	ticketing.FileAudio: channels.WhatsAppAudioLimit, ticketing.FileVoice: channels.WhatsAppAudioLimit,
	ticketing.FileDocument: channels.WhatsAppDocumentLimit,
}

var errHashMismatch = errors.New("sha256 of the downloaded file differs from the one WhatsApp announced")

// FetchFile downloads a received file in Meta's two steps: the media id
// gives a URL valid for five minutes, fetched at once with the bearer
// token. The bytes must hash to what the webhook announced.
func (c *Connector) FetchFile(ctx context.Context, f ticketing.Attachment, dst *os.File) error {
	id, ok := strings.CutPrefix(f.Ref, mediaRefPrefix)
	if !ok || id == "" {
		return &channels.PermanentError{Err: fmt.Errorf("%s is not a WhatsApp Cloud file", f.Name)}
	}
	info, err := c.cfg.Client.Media(ctx, id)
	if err != nil {
		return c.mediaErr(f, err)
	}
	limit := receiveLimits[f.Kind]
	if limit == 0 {
		limit = channels.WhatsAppDocumentLimit
	}
	h := sha256.New()
	if _, err := c.cfg.Client.Download(ctx, info.URL, io.MultiWriter(dst, h), limit); err != nil {
		if errors.Is(err, errTooLarge) {
			return &channels.PermanentError{Err: fmt.Errorf("%s: %w", f.Name, channels.ErrFileTooLarge)}
		}
		return c.mediaErr(f, err)
	}
	want := f.SHA256
	if want == "" {
		want = hexSum(info.SHA256)
	}
	if got := hex.EncodeToString(h.Sum(nil)); want != "" && got != want {
		return &channels.PermanentError{Err: fmt.Errorf("%s: %w", f.Name, errHashMismatch)}
	}
	return nil
}

func (c *Connector) mediaErr(f ticketing.Attachment, err error) error {
	var ge *GraphError
	if errors.As(err, &ge) && ge.HTTPStatus >= 400 && ge.HTTPStatus < 500 && ge.HTTPStatus != 429 {
		// Expired or deleted on Meta's side: asking again will not bring it.
		return &channels.PermanentError{Err: fmt.Errorf("whatsapp cloud media %s: %w", f.Name, err)}
	}
	return fmt.Errorf("whatsapp cloud media %s: %w", f.Name, err)
}
