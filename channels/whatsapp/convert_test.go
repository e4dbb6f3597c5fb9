package whatsappchannel

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.mau.fi/whatsmeow/proto/waCommon"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/channels"
)

var t0 = time.Date(2026, 3, 10, 14, 30, 0, 0, time.UTC)

const (
	phoneUser = "5491155550101"
	lidUser   = "123456789012345"
)

// dm builds an incoming one-to-one message from a phone-number JID.
func dm(id string, m *waE2E.Message) *events.Message {
	sender := types.NewJID(phoneUser, types.DefaultUserServer)
	return &events.Message{
		Info: types.MessageInfo{
			MessageSource: types.MessageSource{Chat: sender, Sender: sender},
			ID:            id, PushName: "Ana", Timestamp: t0,
		},
		Message: m,
	}
}

func text(s string) *waE2E.Message { return &waE2E.Message{Conversation: proto.String(s)} }

// knownLIDs resolves lidUser to phoneUser, as the store's LID map would.
func knownLIDs(j types.JID) (string, bool) {
	if j.Server == types.HiddenUserServer && j.User == lidUser && j.Device == 0 {
		return "+" + phoneUser, true
	}
	return "", false
}

func TestFromMessage(t *testing.T) {
	lid := types.NewJID(lidUser, types.HiddenUserServer)
	lidDevice := types.NewADJID(lidUser, 0, 3)
	lidDevice.Server = types.HiddenUserServer
	pn := types.NewJID(phoneUser, types.DefaultUserServer)

	tests := []struct {
		name    string
		evt     *events.Message
		resolve func(types.JID) (string, bool)
		want    bool
		text    string
		media   string
	}{
		{name: "plain text", evt: dm("A1", text("no levanta el discador")), want: true, text: "no levanta el discador"},
		{name: "extended text", evt: dm("A2", &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String("ver https://x")}}), want: true, text: "ver https://x"},
		{name: "image with caption", evt: dm("A3", &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("error en pantalla")}}), want: true, text: "error en pantalla", media: "image"},
		{name: "image without caption", evt: dm("A4", &waE2E.Message{ImageMessage: &waE2E.ImageMessage{}}), want: true, media: "image"},
		{name: "video", evt: dm("A5", &waE2E.Message{VideoMessage: &waE2E.VideoMessage{Caption: proto.String("así falla")}}), want: true, text: "así falla", media: "video"},
		{name: "voice note", evt: dm("A6", &waE2E.Message{AudioMessage: &waE2E.AudioMessage{PTT: proto.Bool(true)}}), want: true, media: "voice"},
		{name: "audio file", evt: dm("A7", &waE2E.Message{AudioMessage: &waE2E.AudioMessage{}}), want: true, media: "audio"},
		{name: "document with caption", evt: dm("A8", &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{Caption: proto.String("log adjunto"), FileName: proto.String("x.log")}}), want: true, text: "log adjunto", media: "document"},
		{name: "wrapped document", evt: dm("A9", &waE2E.Message{DocumentWithCaptionMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{Caption: proto.String("adjunto")}}}}), want: true, text: "adjunto", media: "document"},
		{name: "sticker", evt: dm("B1", &waE2E.Message{StickerMessage: &waE2E.StickerMessage{}}), want: true, media: "sticker"},
		{name: "location", evt: dm("B2", &waE2E.Message{LocationMessage: &waE2E.LocationMessage{DegreesLatitude: proto.Float64(-34.6)}}), want: true, media: "location"},
		{name: "live location", evt: dm("B3", &waE2E.Message{LiveLocationMessage: &waE2E.LiveLocationMessage{}}), want: true, media: "location"},
		{name: "contact card", evt: dm("B4", &waE2E.Message{ContactMessage: &waE2E.ContactMessage{DisplayName: proto.String("Juan")}}), want: true, media: "contact"},
		{name: "contacts array", evt: dm("B5", &waE2E.Message{ContactsArrayMessage: &waE2E.ContactsArrayMessage{}}), want: true, media: "contact"},
		{name: "only raw message set", evt: func() *events.Message { e := dm("B6", nil); e.RawMessage = text("hola"); return e }(), want: true, text: "hola"},

		{name: "group", evt: func() *events.Message {
			e := dm("C1", text("hola"))
			e.Info.Chat = types.NewJID("120363000000000000", types.GroupServer)
			e.Info.IsGroup = true
			return e
		}()},
		{name: "group chat without flag", evt: func() *events.Message {
			e := dm("C2", text("hola"))
			e.Info.Chat = types.NewJID("120363000000000000", types.GroupServer)
			return e
		}()},
		{name: "status update", evt: func() *events.Message {
			e := dm("C3", text("mi estado"))
			e.Info.Chat = types.StatusBroadcastJID
			return e
		}()},
		{name: "broadcast list", evt: func() *events.Message {
			e := dm("C4", text("oferta"))
			e.Info.Chat = types.NewJID("1234567890", types.BroadcastServer)
			e.Info.IsGroup = true
			return e
		}()},
		{name: "newsletter", evt: func() *events.Message {
			e := dm("C5", text("novedades"))
			e.Info.Chat = types.NewJID("120363000000000001", types.NewsletterServer)
			e.Info.Sender = e.Info.Chat
			return e
		}()},
		{name: "from me", evt: func() *events.Message { e := dm("C6", text("respuesta")); e.Info.IsFromMe = true; return e }()},
		{name: "reaction", evt: dm("C7", &waE2E.Message{ReactionMessage: &waE2E.ReactionMessage{Text: proto.String("👍")}})},
		{name: "revoke", evt: dm("C8", &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_REVOKE.Enum()}})},
		{name: "edit flagged by unwrap", evt: func() *events.Message { e := dm("C9", text("corregido")); e.IsEdit = true; return e }()},
		{name: "edit attribute", evt: func() *events.Message {
			e := dm("D1", text("corregido"))
			e.Info.Edit = types.EditAttributeMessageEdit
			return e
		}()},
		{name: "poll vote", evt: dm("D2", &waE2E.Message{PollUpdateMessage: &waE2E.PollUpdateMessage{}})},
		{name: "empty text", evt: dm("D3", text(""))},
		{name: "nothing inside", evt: dm("D4", &waE2E.Message{})},
		{name: "nil message", evt: dm("D5", nil)},
		{name: "no id", evt: dm("", text("hola"))},
		{name: "meta ai bot", evt: func() *events.Message {
			e := dm("D6", text("hola"))
			e.Info.Sender = types.MetaAIJID
			e.Info.Chat = types.MetaAIJID
			return e
		}()},

		{name: "lid sender with phone alt", evt: func() *events.Message {
			e := dm("E1", text("hola"))
			e.Info.Chat, e.Info.Sender, e.Info.SenderAlt = lid, lid, pn
			e.Info.AddressingMode = types.AddressingModeLID
			return e
		}(), want: true, text: "hola"},
		{name: "lid sender resolved by map", evt: func() *events.Message {
			e := dm("E2", text("hola"))
			e.Info.Chat, e.Info.Sender = lid, lidDevice
			return e
		}(), resolve: knownLIDs, want: true, text: "hola"},
		{name: "lid sender unknown", evt: func() *events.Message {
			e := dm("E3", text("hola"))
			other := types.NewJID("999", types.HiddenUserServer)
			e.Info.Chat, e.Info.Sender = other, other
			return e
		}(), resolve: knownLIDs},
		{name: "lid sender without resolver", evt: func() *events.Message {
			e := dm("E4", text("hola"))
			e.Info.Chat, e.Info.Sender = lid, lid
			return e
		}()},
		{name: "resolver returns garbage", evt: func() *events.Message {
			e := dm("E5", text("hola"))
			e.Info.Chat, e.Info.Sender = lid, lid
			return e
		}(), resolve: func(types.JID) (string, bool) { return "not a number", true }},
		{name: "phone sender on a device", evt: func() *events.Message {
			e := dm("E6", text("hola"))
			e.Info.Sender = types.NewADJID(phoneUser, 0, 2)
			return e
		}(), want: true, text: "hola"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromMessage(tc.evt, tc.resolve)
			if ok != tc.want {
				t.Fatalf("ok = %v, want %v (got %+v)", ok, tc.want, got)
			}
			if !ok {
				return
			}
			want := channels.Inbound{
				Platform: channels.WhatsApp, Kind: channels.KindMessage,
				EventID: tc.evt.Info.ID, MessageID: tc.evt.Info.ID,
				Channel: "+" + phoneUser, UserID: "+" + phoneUser, UserName: "Ana",
				Text: tc.text, Media: tc.media, At: t0,
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestFromMessageEditAndRevoke(t *testing.T) {
	key := &waCommon.MessageKey{ID: proto.String("A1"), FromMe: proto.Bool(true)}
	edit := &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(), Key: key, EditedMessage: text("no marca, cola ventas")}
	base := channels.Inbound{Platform: channels.WhatsApp, EventID: "X1", MessageID: "A1",
		Channel: "+" + phoneUser, UserID: "+" + phoneUser, UserName: "Ana", At: t0}
	with := func(kind channels.InboundKind, text string) channels.Inbound {
		in := base
		in.Kind, in.Text = kind, text
		return in
	}
	tests := []struct {
		name   string
		evt    *events.Message
		want   channels.Inbound
		wantOK bool
	}{
		{"edit as unwrapped", func() *events.Message {
			e := dm("X1", &waE2E.Message{ProtocolMessage: edit})
			e.IsEdit, e.Info.Edit = true, types.EditAttributeMessageEdit
			return e
		}(), with(channels.KindEdit, "no marca, cola ventas"), true},
		{"edit still wrapped", func() *events.Message {
			e := dm("X1", nil)
			e.RawMessage = &waE2E.Message{EditedMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{ProtocolMessage: edit}}}
			return e
		}(), with(channels.KindEdit, "no marca, cola ventas"), true},
		{"edit of a caption", dm("X1", &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(), Key: key,
			EditedMessage: &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("pantalla")}}}}),
			with(channels.KindEdit, "pantalla"), true},
		{"revoke", func() *events.Message {
			e := dm("X1", &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_REVOKE.Enum(), Key: key}})
			e.Info.Edit = types.EditAttributeSenderRevoke
			return e
		}(), with(channels.KindDelete, ""), true},
		{"revoke naming no message", dm("X1", &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_REVOKE.Enum()}}), channels.Inbound{}, false},
		{"other protocol traffic", dm("X1", &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_EPHEMERAL_SETTING.Enum(), Key: key}}), channels.Inbound{}, false},
		{"own edit", func() *events.Message {
			e := dm("X1", &waE2E.Message{ProtocolMessage: edit})
			e.Info.IsFromMe = true
			return e
		}(), channels.Inbound{}, false},
		{"edit in a group", func() *events.Message {
			e := dm("X1", &waE2E.Message{ProtocolMessage: edit})
			e.Info.Chat, e.Info.IsGroup = types.NewJID("120363000000000000", types.GroupServer), true
			return e
		}(), channels.Inbound{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromMessage(tc.evt, nil)
			if ok != tc.wantOK || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v, %v\nwant %+v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestFromMessageQuote(t *testing.T) {
	reply := func(q *waE2E.Message) *events.Message {
		return dm("Q1", &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String("sigue igual"),
			ContextInfo: &waE2E.ContextInfo{StanzaID: proto.String("A1"), QuotedMessage: q}}})
	}
	tests := []struct {
		name string
		evt  *events.Message
		want string
	}{
		{"text quoted", reply(text("no anda el discador")), "no anda el discador"},
		{"photo quoted", reply(&waE2E.Message{ImageMessage: &waE2E.ImageMessage{}}), "(image)"},
		{"nothing quoted", reply(nil), ""},
		{"plain message", dm("Q2", text("hola")), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromMessage(tc.evt, nil)
			if !ok || got.Quote != tc.want {
				t.Errorf("Quote = %q (ok %v), want %q", got.Quote, ok, tc.want)
			}
		})
	}
}

func TestFromMessageNil(t *testing.T) {
	if _, ok := FromMessage(nil, nil); ok {
		t.Fatal("nil event accepted")
	}
}

// One person must be one contact whichever address WhatsApp used.
func TestFromMessageSamePersonByNumberAndLID(t *testing.T) {
	byNumber, ok1 := FromMessage(dm("F1", text("hola")), knownLIDs)
	e := dm("F2", text("sigo"))
	lid := types.NewJID(lidUser, types.HiddenUserServer)
	e.Info.Chat, e.Info.Sender = lid, lid
	byLID, ok2 := FromMessage(e, knownLIDs)
	if !ok1 || !ok2 {
		t.Fatalf("ok = %v, %v", ok1, ok2)
	}
	if byNumber.UserID != byLID.UserID || byNumber.Channel != byLID.Channel {
		t.Errorf("split contact: %q/%q vs %q/%q", byNumber.UserID, byNumber.Channel, byLID.UserID, byLID.Channel)
	}
}

func TestFromMessageRepairsAndCapsText(t *testing.T) {
	bad := "hola \xff\xfe mundo"
	got, ok := FromMessage(dm("G1", text(bad)), nil)
	if !ok {
		t.Fatal("rejected")
	}
	if !utf8.ValidString(got.Text) || !strings.Contains(got.Text, "hola") || !strings.Contains(got.Text, "mundo") {
		t.Errorf("text not repaired: %q", got.Text)
	}

	// The cap counts characters, as Slack does: accented text is not cut
	// at half the length plain text is.
	lengths := []struct {
		name      string
		in        string
		want      string
		truncated bool
	}{
		{"accented 30 000 characters", strings.Repeat("ñ", 30_000), strings.Repeat("ñ", 30_000), false},
		{"exactly the cap", strings.Repeat("é", channels.MaxTextChars), strings.Repeat("é", channels.MaxTextChars), false},
		{"45 000 characters", strings.Repeat("ñ", 45_000), strings.Repeat("ñ", channels.MaxTextChars), true},
	}
	for i, tt := range lengths {
		got, ok := FromMessage(dm(fmt.Sprintf("L%d", i), text(tt.in)), nil)
		if !ok {
			t.Fatalf("%s: rejected", tt.name)
		}
		if got.Text != tt.want || got.Truncated != tt.truncated {
			t.Errorf("%s: %d characters, truncated %v; want %d, %v", tt.name,
				utf8.RuneCountInString(got.Text), got.Truncated, utf8.RuneCountInString(tt.want), tt.truncated)
		}
	}

	e := dm("G3", text("hola"))
	e.Info.PushName = "Ana\xff" + strings.Repeat("x", 500)
	got, _ = FromMessage(e, nil)
	if n := utf8.RuneCountInString(got.UserName); !utf8.ValidString(got.UserName) || n != maxNameChars {
		t.Errorf("push name not cleaned: %d characters, want %d", n, maxNameChars)
	}
}

func TestToJID(t *testing.T) {
	good := map[string]string{
		"+5491155550101": "5491155550101@s.whatsapp.net",
		"+56229288900":   "56229288900@s.whatsapp.net",
		"+6834123":       "6834123@s.whatsapp.net",
	}
	for in, want := range good {
		j, err := ToJID(in)
		if err != nil {
			t.Errorf("ToJID(%q): %v", in, err)
			continue
		}
		if j.String() != want {
			t.Errorf("ToJID(%q) = %s, want %s", in, j, want)
		}
	}
	for _, in := range []string{"", "5491155550101", "+0491155550101", "+54 9 11 5555-0101", "+54911555501012345", "+12345", "+54911abc0101", "+5491155550101@s.whatsapp.net"} {
		if _, err := ToJID(in); !errors.Is(err, ErrBadNumber) {
			t.Errorf("ToJID(%q) err = %v, want ErrBadNumber", in, err)
		}
	}
}

// Whatever WhatsApp hands over, conversion never panics, and what it lets
// through is valid text from a number.
func FuzzFromMessage(f *testing.F) {
	f.Add("5491155550101", "s.whatsapp.net", "3EB0AAA1", "Ana", "el discador no anda", false)
	f.Add(lidUser, "lid", "3EB0AAA2", "", "hola\xff", false)
	f.Add("120363000000000001", "g.us", "3EB0AAA3", "Grupo", "hola", true)
	f.Add("", "", "", "", "", false)
	f.Fuzz(func(t *testing.T, user, server, id, name, body string, ext bool) {
		sender := types.NewJID(user, server)
		m := &waE2E.Message{Conversation: proto.String(body)}
		if ext {
			m = &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String(body)}}
		}
		evt := &events.Message{
			Info: types.MessageInfo{
				MessageSource: types.MessageSource{Chat: sender, Sender: sender},
				ID:            types.MessageID(id), PushName: name, Timestamp: t0,
			},
			Message: m,
		}
		in, ok := FromMessage(evt, knownLIDs)
		if !ok {
			return
		}
		if !strings.HasPrefix(in.UserID, "+") || !utf8.ValidString(in.Text) || !utf8.ValidString(in.UserName) {
			t.Errorf("converted %q from %s@%s into %+v", body, user, server, in)
		}
		if n := utf8.RuneCountInString(in.Text); n > channels.MaxTextChars {
			t.Errorf("text of %d characters passed the %d cap", n, channels.MaxTextChars)
		}
	})
}
