// Package cloud is WhatsApp through Meta's Cloud API: it turns the webhook's
// JSON into the bot's own inbound messages (pure conversion, here) and the
// bot's owed replies into Graph API calls (client.go, connector.go). It holds
// no business rules, as the linked-device adapter holds none.
package cloud

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"supportbot/channels"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

const (
	maxNameChars  = 200
	maxQuoteChars = 1000
	// mediaRefPrefix marks an attachment held by the Cloud API: the rest
	// is Meta's media id, which stays valid for 30 days.
	mediaRefPrefix = "cloud-media:"
	// callbackPrefix tags an outgoing message with its outbox item, which
	// Meta echoes in that message's status webhooks.
	callbackPrefix = "outbox:"
)

// Status is what Meta reported of one message the bot sent.
type Status struct {
	MessageID string
	// OutboxID is the item the message delivered, when the status echoes it.
	OutboxID  int64
	Status    string
	Recipient string
	At        time.Time
	// Error is Meta's reason for a failed message.
	Error string
	// Code is the first error's code, 0 when none.
	Code int
}

// Converted is what one webhook delivery holds for the bot.
type Converted struct {
	Inbounds []channels.Inbound
	Statuses []Status
	// Skipped says why parts were left out, for the log.
	Skipped []string
}

// Convert reads every entry, change, message and status of a delivery for
// the number phoneNumberID (empty: any); one part the bot cannot use never
// hides the others. A business account with several numbers sends the
// others' traffic to the same webhook: that is skipped.
func Convert(p Payload, phoneNumberID string, now time.Time) Converted {
	var out Converted
	for _, e := range p.Entry {
		for _, ch := range e.Changes {
			if ch.Field != "" && ch.Field != "messages" {
				out.Skipped = append(out.Skipped, "field "+ch.Field)
				continue
			}
			if id := ch.Value.Metadata.PhoneNumberID; phoneNumberID != "" && id != "" && id != phoneNumberID {
				out.Skipped = append(out.Skipped, "another number's traffic ("+id+")")
				continue
			}
			names := map[string]string{}
			for _, c := range ch.Value.Contacts {
				names[c.WaID] = c.Profile.Name
			}
			for _, m := range ch.Value.Messages {
				in, ok := FromMessage(m, names[m.From], now)
				if !ok {
					out.Skipped = append(out.Skipped, "message "+m.ID+" of type "+m.Type)
					continue
				}
				out.Inbounds = append(out.Inbounds, in)
			}
			for _, s := range ch.Value.Statuses {
				if s.ID == "" || s.Status == "" {
					out.Skipped = append(out.Skipped, "status without id")
					continue
				}
				out.Statuses = append(out.Statuses, FromStatus(s, now))
			}
		}
	}
	return out
}

// FromStatus converts a status webhook.
func FromStatus(s StatusEvent, now time.Time) Status {
	st := Status{MessageID: s.ID, Status: s.Status, At: stamp(s.Timestamp, now)}
	if p, ok := phoneOf(s.RecipientID); ok {
		st.Recipient = p
	}
	if id, ok := strings.CutPrefix(s.Callback, callbackPrefix); ok {
		st.OutboxID, _ = strconv.ParseInt(id, 10, 64)
	}
	if len(s.Errors) > 0 {
		st.Code = s.Errors[0].Code
		st.Error = errorText(s.Errors[0])
	}
	return st
}

func errorText(e GraphErrorBody) string {
	parts := []string{strconv.Itoa(e.Code)}
	for _, s := range []string{e.Title, e.Message, e.ErrorData.Details} {
		if s != "" && !strings.Contains(strings.Join(parts, " "), s) {
			parts = append(parts, s)
		}
	}
	text, _ := channels.CleanText(strings.Join(parts, ": "), 500)
	return text
}

// FromMessage converts one message. It reports false for what names no
// sender or no id; a type the bot does not understand still arrives, as
// "unsupported" media, so the contact is answered.
func FromMessage(m Message, name string, now time.Time) (channels.Inbound, bool) {
	phone, ok := phoneOf(m.From)
	if !ok || m.ID == "" {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform: channels.WhatsApp, Kind: channels.KindMessage, EventID: m.ID, MessageID: m.ID,
		Channel: phone, UserID: phone, At: stamp(m.Timestamp, now),
	}
	in.UserName, _ = channels.CleanText(name, maxNameChars)
	var text string
	switch m.Type {
	case "text":
		if m.Text != nil {
			text = m.Text.Body
		}
	case "image", "document", "audio", "video", "sticker":
		med, kind := mediaOf(m)
		if med == nil || med.ID == "" {
			in.Media = "unsupported"
			break
		}
		in.Media = m.Type
		if kind == ticketing.FileVoice {
			in.Media = "voice"
		}
		text = med.Caption
		fname, _ := channels.CleanText(med.Filename, 255)
		if fname == "" {
			fname = whatsappchannel.DefaultFileName(kind, med.MIMEType)
			if m.Type == "sticker" {
				fname = "sticker" + strings.TrimPrefix(fname, "imagen")
			}
		}
		in.Files = []ticketing.Attachment{{Name: fname, MIME: med.MIMEType, Kind: kind, SHA256: hexSum(med.SHA256),
			Source: ticketing.PlatformWhatsApp, Ref: mediaRefPrefix + med.ID}}
	case "reaction":
		if m.Reaction == nil || m.Reaction.MessageID == "" || m.Reaction.Emoji == "" {
			// An empty emoji is a reaction taken back: nothing to record.
			return channels.Inbound{}, false
		}
		in.Kind, in.Reaction, in.ThreadTS = channels.KindReaction, m.Reaction.Emoji, m.Reaction.MessageID
		in.Text = m.Reaction.Emoji
		return in, true
	case "button":
		if m.Button != nil {
			text = m.Button.Text
		}
	case "interactive":
		if i := m.Interactive; i != nil && i.ButtonReply != nil {
			text = i.ButtonReply.Title
		} else if i != nil && i.ListReply != nil {
			text = i.ListReply.Title
		}
	case "location":
		in.Media = "location"
	case "contacts":
		in.Media = "contact"
	default:
		// "unsupported" (a poll, a view-once photo) and types newer than this
		// code: the bot answers them as it answers any media it cannot read.
		in.Media = "unsupported"
	}
	in.Text, in.Truncated = channels.CleanText(text, channels.MaxTextChars)
	if in.Text == "" && in.Media == "" {
		in.Media = "unsupported"
	}
	if m.Context != nil && m.Context.ID != "" {
		// The Cloud API names the quoted message, not its text; the
		// connector looks the text up (QuoteRef carries the id meanwhile).
		in.Quote = quoteRefPrefix + m.Context.ID
	}
	return in, true
}

// quoteRefPrefix marks an Inbound.Quote that still names a message id.
const quoteRefPrefix = "\x00wamid:"

func mediaOf(m Message) (*Media, string) {
	switch m.Type {
	case "image":
		return m.Image, ticketing.FileImage
	case "document":
		return m.Document, ticketing.FileDocument
	case "audio":
		if m.Audio != nil && m.Audio.Voice {
			return m.Audio, ticketing.FileVoice
		}
		return m.Audio, ticketing.FileAudio
	case "video":
		return m.Video, ticketing.FileVideo
	case "sticker":
		return m.Sticker, ticketing.FileImage
	}
	return nil, ""
}

// hexSum writes Meta's sha256 (base64 in webhooks, sometimes hex) as the
// lowercase hex the bot keeps for every file.
func hexSum(s string) string {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return strings.ToLower(s)
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == 32 {
			return hex.EncodeToString(b)
		}
	}
	return ""
}

// stamp reads Meta's Unix-seconds timestamp; a missing one is now.
func stamp(s string, now time.Time) time.Time {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return now
	}
	return time.Unix(n, 0).UTC()
}

// phoneOf turns a WhatsApp id (the number's digits) into E.164.
func phoneOf(waID string) (string, bool) {
	p := "+" + strings.TrimPrefix(waID, "+")
	return p, ticketing.IsPhone(p)
}
