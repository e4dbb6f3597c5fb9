package whatsappchannel

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"supportbot/channels"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"
)

// SentMessage is a message the stand-in accepted for delivery: a text, or
// a file (Kind image, video, audio or document; empty for a text) with
// its caption in Text.
type SentMessage struct {
	To   string // E.164
	Text string
	ID   string
	Kind string
	// FileName, MIME, Size and SHA256 describe a file as uploaded.
	FileName string
	MIME     string
	Size     int64
	SHA256   string
}

// StandIn is an in-process WhatsApp: always paired and connected, every
// number on WhatsApp, every send accepted and recorded. The demo and the
// end-to-end tests put it behind a real Adapter.
type StandIn struct {
	// OnSend, if set, hears each accepted message (outside the lock).
	OnSend func(SentMessage)

	mu   sync.Mutex
	sent []SentMessage
	seq  int
	// media are files contacts sent, by direct path.
	media map[string]func() io.Reader
}

var _ Messenger = (*StandIn)(nil)

func NewStandIn() *StandIn { return &StandIn{} }

func (s *StandIn) ConnectContext(context.Context) error { return nil }
func (s *StandIn) Disconnect()                          {}
func (s *StandIn) IsConnected() bool                    { return true }
func (s *StandIn) Paired() bool                         { return true }

func (s *StandIn) PhoneForLID(context.Context, types.JID) (types.JID, error) {
	return types.JID{}, nil
}

func (s *StandIn) IsOnWhatsApp(_ context.Context, phones []string) ([]types.IsOnWhatsAppResponse, error) {
	out := make([]types.IsOnWhatsAppResponse, 0, len(phones))
	for _, p := range phones {
		jid, err := ToJID(p)
		out = append(out, types.IsOnWhatsAppResponse{Query: p, JID: jid, IsIn: err == nil})
	}
	return out, nil
}

func (s *StandIn) SendMessage(_ context.Context, to types.JID, m *waE2E.Message, _ ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error) {
	s.mu.Lock()
	s.seq++
	msg := sentOf(m)
	msg.To, msg.ID = "+"+to.User, fmt.Sprintf("STANDIN%06d", s.seq)
	s.sent = append(s.sent, msg)
	onSend := s.OnSend
	s.mu.Unlock()
	if onSend != nil {
		onSend(msg)
	}
	return whatsmeow.SendResponse{ID: types.MessageID(msg.ID)}, nil
}

// Sent lists what was accepted so far, oldest first.
func (s *StandIn) Sent() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SentMessage(nil), s.sent...)
}

// Link puts the stand-in behind a real Adapter; it has the shape of the
// app's WhatsApp link.
func (s *StandIn) Link(_ context.Context, h channels.Handler, opts Options) (*Adapter, error) {
	return NewAdapter(s, h, opts), nil
}

// TextMessage is a text from phone (E.164) as whatsmeow hands it to
// Adapter.HandleEvent: the demo plays WhatsApp contacts with it.
func TextMessage(id, phone, pushName, text string, at time.Time) *events.Message {
	jid := types.NewJID(strings.TrimPrefix(phone, "+"), types.DefaultUserServer)
	return &events.Message{
		Info: types.MessageInfo{
			MessageSource: types.MessageSource{Chat: jid, Sender: jid},
			ID:            types.MessageID(id), PushName: pushName, Timestamp: at,
		},
		Message: &waE2E.Message{Conversation: proto.String(text)},
	}
}

// OwnPhoneReceipt is a receipt from the bot's own phone (its primary
// device), as whatsmeow hands it over while that phone is online: the demo
// feeds it as its clock runs, so its stand-in phone is never taken for one
// gone offline for days.
func OwnPhoneReceipt() any {
	return &events.Receipt{MessageSource: types.MessageSource{IsFromMe: true}}
}
