package whatsappchannel

import (
	"context"
	"fmt"
	"sync"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
)

// SentMessage is a text the stand-in accepted for delivery.
type SentMessage struct {
	To   string // E.164
	Text string
	ID   string
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
	msg := SentMessage{To: "+" + to.User, Text: m.GetConversation(), ID: fmt.Sprintf("STANDIN%06d", s.seq)}
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
