// Package whatsappchannel turns whatsmeow events into the bot's own inbound
// messages and the bot's owed replies into WhatsApp messages. It holds no
// business rules: who may write, and what an answer says, is the bot's job.
package whatsappchannel

import (
	"fmt"
	"strings"
	"time"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"supportbot/channels"
	"supportbot/ticketing"
)

// maxNameChars caps the push name, which the sender chooses freely and the
// bot shows in Slack.
const maxNameChars = 200

// ErrBadNumber is returned by ToJID for anything but an E.164 number as
// stored (ticketing.IsPhone: no spaces or dashes here, the number comes from
// the store or from WhatsApp itself).
var ErrBadNumber = ticketing.ErrBadPhone

// ToJID turns an E.164 number ("+5491155550101") into the user JID messages
// to that number are addressed to.
func ToJID(phone string) (types.JID, error) {
	if !ticketing.IsPhone(phone) {
		return types.JID{}, fmt.Errorf("%q: %w (want e.g. +5491123456789)", phone, ErrBadNumber)
	}
	return types.NewJID(phone[1:], types.DefaultUserServer), nil
}

// FromMessage converts one WhatsApp message into an Inbound. It reports false
// for what the bot must not see: groups, broadcasts and status updates, the
// bot's own messages (sent from the phone or echoed), reactions, protocol
// traffic, content it does not understand, and senders whose phone number
// is unknown. A sender's edit or revocation of a message is a KindEdit or
// KindDelete naming that message.
//
// resolvePhone maps a LID (the privacy-preserving id WhatsApp increasingly
// uses instead of the number) to an E.164 number; without it a person who
// writes once by number and once by LID would become two contacts.
func FromMessage(evt *events.Message, resolvePhone func(types.JID) (string, bool)) (channels.Inbound, bool) {
	if evt == nil {
		return channels.Inbound{}, false
	}
	info := evt.Info
	if info.IsFromMe || info.IsGroup || !directChat(info.Chat) {
		return channels.Inbound{}, false
	}
	sender := info.Sender
	if sender.IsEmpty() {
		sender = info.Chat
	}
	if sender.IsBot() || info.ID == "" {
		return channels.Inbound{}, false
	}
	msg := evt.Message
	if msg == nil {
		msg = evt.RawMessage
	}
	if pm := protocolOf(msg); pm != nil {
		return fromProtocol(evt, pm, sender, resolvePhone)
	}
	// An edit or revocation refers to a message already handled; treating it
	// as new would open a second ticket with the corrected text. One that
	// names no message is of no use.
	if evt.IsEdit || info.Edit != types.EditAttributeEmpty {
		return channels.Inbound{}, false
	}
	text, media, ok := content(msg)
	if !ok {
		return channels.Inbound{}, false
	}
	phone, ok := senderPhone(sender, info.SenderAlt, resolvePhone)
	if !ok {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform:  channels.WhatsApp,
		Kind:      channels.KindMessage,
		EventID:   info.ID,
		MessageID: info.ID,
		Channel:   phone,
		UserID:    phone,
		Media:     media,
		Files:     attachments(msg),
		At:        info.Timestamp,
	}
	// WhatsApp allows longer texts than the bot keeps; a longer one is
	// stored cut rather than refused, and the sender is told.
	in.Text, in.Truncated = channels.CleanText(text, channels.MaxTextChars)
	in.UserName, _ = channels.CleanText(info.PushName, maxNameChars)
	in.Quote = quoted(msg)
	return in, true
}

// maxQuoteChars caps a quoted text: it is shown, never stored as the case.
const maxQuoteChars = 1000

// quoted is the text a reply quotes, or a name for what it quotes when
// that has no words (a photo).
func quoted(m *waE2E.Message) string {
	q := m.GetExtendedTextMessage().GetContextInfo().GetQuotedMessage()
	if q == nil {
		return ""
	}
	text, media, ok := content(q)
	if !ok {
		return ""
	}
	if text == "" {
		text = "(" + media + ")"
	}
	out, _ := channels.CleanText(text, maxQuoteChars)
	return out
}

// protocolOf is the protocol message an edit or revocation travels in,
// wrapped (an EditedMessage around it) or not; nil for anything else.
func protocolOf(m *waE2E.Message) *waE2E.ProtocolMessage {
	if pm := m.GetEditedMessage().GetMessage().GetProtocolMessage(); pm != nil {
		return pm
	}
	return m.GetProtocolMessage()
}

// fromProtocol turns a sender's edit or revocation of one of their messages
// into a KindEdit or KindDelete naming it; other protocol traffic (history
// sync, ephemeral settings, key shares) is nothing the bot sees.
func fromProtocol(evt *events.Message, pm *waE2E.ProtocolMessage, sender types.JID, resolvePhone func(types.JID) (string, bool)) (channels.Inbound, bool) {
	target := pm.GetKey().GetID()
	if target == "" {
		return channels.Inbound{}, false
	}
	var kind channels.InboundKind
	var text string
	switch pm.GetType() {
	case waE2E.ProtocolMessage_MESSAGE_EDIT:
		t, _, ok := content(pm.GetEditedMessage())
		if !ok {
			return channels.Inbound{}, false
		}
		kind, text = channels.KindEdit, t
	case waE2E.ProtocolMessage_REVOKE:
		kind = channels.KindDelete
	default:
		return channels.Inbound{}, false
	}
	phone, ok := senderPhone(sender, evt.Info.SenderAlt, resolvePhone)
	if !ok {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform: channels.WhatsApp, Kind: kind, EventID: evt.Info.ID, MessageID: target,
		Channel: phone, UserID: phone, At: evt.Info.Timestamp,
	}
	// An edit carries when it was made; edits count in that order, not in
	// the order they arrive.
	if ms := pm.GetTimestampMS(); ms > 0 {
		in.At = time.UnixMilli(ms).UTC()
	}
	in.Text, in.Truncated = channels.CleanText(text, channels.MaxTextChars)
	in.UserName, _ = channels.CleanText(evt.Info.PushName, maxNameChars)
	return in, true
}

// directChat reports whether a chat is a one-to-one conversation with a
// person, addressed either by number or by LID.
func directChat(chat types.JID) bool {
	return chat.Server == types.DefaultUserServer || chat.Server == types.HiddenUserServer
}

// senderPhone finds the sender's number: from the JID itself when it is a
// phone-number JID, else from the alternate address WhatsApp sends along with
// LID-addressed messages, else from the LID map.
func senderPhone(sender, alt types.JID, resolvePhone func(types.JID) (string, bool)) (string, bool) {
	for _, j := range []types.JID{sender, alt} {
		if j.Server == types.DefaultUserServer {
			if p := "+" + j.User; ticketing.IsPhone(p) {
				return p, true
			}
		}
	}
	if resolvePhone == nil {
		return "", false
	}
	for _, j := range []types.JID{sender, alt} {
		if j.Server != types.HiddenUserServer {
			continue
		}
		p, ok := resolvePhone(j.ToNonAD())
		if !ok {
			continue
		}
		if !strings.HasPrefix(p, "+") {
			p = "+" + p
		}
		if ticketing.IsPhone(p) {
			return p, true
		}
	}
	return "", false
}

// content extracts the text and the kind of attachment of a message. ok is
// false for messages that carry nothing a person wrote.
func content(m *waE2E.Message) (text, media string, ok bool) {
	if m == nil {
		return "", "", false
	}
	// Protocol traffic and reactions ride in the same envelope as real
	// messages; they must be recognised before looking for content.
	if m.ProtocolMessage != nil || m.ReactionMessage != nil || m.EncReactionMessage != nil ||
		m.PollUpdateMessage != nil || m.KeepInChatMessage != nil || m.PinInChatMessage != nil ||
		m.EncCommentMessage != nil || m.EditedMessage != nil {
		return "", "", false
	}
	switch {
	case m.GetConversation() != "":
		return m.GetConversation(), "", true
	case m.ExtendedTextMessage != nil:
		return m.GetExtendedTextMessage().GetText(), "", m.GetExtendedTextMessage().GetText() != ""
	case m.ImageMessage != nil:
		return m.GetImageMessage().GetCaption(), "image", true
	case m.VideoMessage != nil:
		return m.GetVideoMessage().GetCaption(), "video", true
	case m.PtvMessage != nil:
		return m.GetPtvMessage().GetCaption(), "video", true
	case m.AudioMessage != nil:
		if m.GetAudioMessage().GetPTT() {
			return "", "voice", true
		}
		return "", "audio", true
	case m.DocumentMessage != nil:
		return m.GetDocumentMessage().GetCaption(), "document", true
	case m.DocumentWithCaptionMessage.GetMessage().GetDocumentMessage() != nil:
		// Only reached when the caller did not unwrap the raw message.
		return m.GetDocumentWithCaptionMessage().GetMessage().GetDocumentMessage().GetCaption(), "document", true
	case m.StickerMessage != nil:
		return "", "sticker", true
	case m.LocationMessage != nil, m.LiveLocationMessage != nil:
		return "", "location", true
	case m.ContactMessage != nil, m.ContactsArrayMessage != nil:
		return "", "contact", true
	}
	return "", "", false
}
