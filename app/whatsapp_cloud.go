package app

import (
	"context"
	"fmt"
	"time"

	"supportbot/channels"
	"supportbot/channels/whatsapp/cloud"
	"supportbot/metrics"
	"supportbot/store"
	"supportbot/ticketing"
)

// The WhatsApp Cloud transport (whatsapp.transport: cloud): built instead of
// the linked device, behind the same interfaces (a channels.Handler in, a
// channels.Sender and FileSource out), so the bot cannot tell them apart.

// cloudStartCheck bounds the token check at start.
const cloudStartCheck = 15 * time.Second

// buildCloud builds the connector and asks Meta about the token: a token
// Meta refuses is a configuration error (exit 2), while a network failure
// only gets logged, as sends retry anyway.
func (a *App) buildCloud(ctx context.Context, files channels.FileSources) (*cloud.Connector, error) {
	cc := a.cfg.WhatsApp.Cloud
	conn := cloud.New(cloud.Config{
		Client:        cloud.NewClient(cc.APIURL, cc.PhoneNumberID, cc.AccessToken, nil),
		PhoneNumberID: cc.PhoneNumberID, AppSecret: cc.AppSecret, VerifyToken: cc.VerifyToken,
		Reopen:  cloud.Template{Name: cc.Templates.Reopen.Name, Language: cc.Templates.Reopen.Language},
		Handler: a.front, State: cloudState{a.db}, Notify: a.cloudNotice,
		Log: a.log, Now: a.clock.Now, MinGap: a.cfg.WhatsApp.Gap(), Files: files,
	})
	checkCtx, cancel := context.WithTimeout(ctx, cloudStartCheck)
	defer cancel()
	if err := conn.Check(checkCtx); err != nil {
		if cloud.TokenRefused(err) {
			return nil, &ConfigError{Err: fmt.Errorf("whatsapp.cloud.access_token refused by Meta: %w", err)}
		}
		a.log.Warn("whatsapp cloud: could not check the access token at start; sends will retry", "err", err,
			"check", "whatsapp.cloud.api_url, whatsapp.cloud.phone_number_id and the network")
	} else {
		a.log.Info("whatsapp cloud access token ok", "phone_number_id", cc.PhoneNumberID)
	}
	return conn, nil
}

// cloudNotice tells staff what the transport reports of a ticket's messages,
// in desk.language.
func (a *App) cloudNotice(ctx context.Context, n cloud.Notice) {
	b := a.currentBot()
	l := b.DeskLanguage()
	var text string
	switch n.Kind {
	case cloud.NoticeWindow:
		text = l.Say("cloud.window", n.Phone, a.cfg.WhatsApp.Cloud.Templates.Reopen.Name)
	case cloud.NoticeDead:
		text = l.Say("cloud.dead", n.Phone, n.Detail)
	case cloud.NoticeFailed:
		text = l.Say("cloud.failed", n.Phone, n.Detail)
	default:
		return
	}
	ctx = context.WithoutCancel(ctx)
	if n.Code == cloud.CodeTokenRefused && a.cloudTokenAlerted.CompareAndSwap(false, true) {
		// The link is down for every contact, not one message: the
		// service desk hears it as it hears a lost linked device.
		alert := l.Say("alert.cloud_token", n.Detail)
		if err := b.AlertDesk(ctx, ticketing.AuditChatLinkLost, alert); err != nil {
			a.log.Error("could not alert the service desk", "err", err)
		}
	}
	if err := b.TellTicketDesk(ctx, n.TicketID, text); err != nil {
		a.log.Error("could not tell the desk about a whatsapp delivery", "kind", n.Kind, "ticket", n.TicketID, "err", err)
	}
}

// Cloud is the WhatsApp Cloud transport, nil unless whatsapp.transport is
// cloud.
func (a *App) Cloud() *cloud.Connector { return a.cloud }

// cloudReadiness is what /readyz says of the Cloud transport.
func (a *App) cloudReadiness() string {
	h := a.cloud.Health()
	now := a.clock.Now()
	s := "cloud: "
	switch {
	case now.Before(h.PausedUntil):
		s += "backing off until " + h.PausedUntil.UTC().Format(time.RFC3339)
	case !h.LastSendErrorAt.IsZero() && h.LastSendErrorAt.After(h.LastSend):
		s += "failing"
	default:
		s += "ok"
	}
	if !h.LastWebhook.IsZero() {
		s += "; last webhook " + h.LastWebhook.UTC().Format(time.RFC3339)
	} else {
		s += "; no webhook yet"
	}
	if h.LastSendError != "" {
		s += "; last send error " + h.LastSendErrorAt.UTC().Format(time.RFC3339) + ": " + h.LastSendError
	}
	return s
}

// cloudState keeps the transport's state in the store.
type cloudState struct{ db *store.DB }

func (s cloudState) SawInbound(ctx context.Context, phone string, at time.Time) error {
	return s.db.SawWhatsAppInbound(ctx, phone, at)
}

func (s cloudState) Window(ctx context.Context, phone string) (cloud.WindowState, error) {
	w, err := s.db.WhatsAppWindow(ctx, phone)
	return cloud.WindowState{LastInbound: w.LastInbound, TemplateSent: w.TemplateSent, ClosedAt: w.ClosedAt}, err
}

func (s cloudState) CloseWindow(ctx context.Context, phone string, at time.Time) error {
	return s.db.WhatsAppWindowClosed(ctx, phone, at)
}

func (s cloudState) Requeue(ctx context.Context, outboxID int64, at time.Time, reason string) error {
	return s.db.RequeueSent(ctx, outboxID, at, reason)
}

func (s cloudState) TemplateSent(ctx context.Context, phone string, at time.Time) error {
	return s.db.WhatsAppTemplateSent(ctx, phone, at)
}

func (s cloudState) RecordStatus(ctx context.Context, st cloud.Status) (int64, bool, bool, error) {
	t, found, err := s.db.RecordPlatformStatus(ctx, store.PlatformStatus{OutboxID: st.OutboxID, Ref: st.MessageID,
		Status: st.Status, At: st.At, Error: st.Error})
	return t.TicketID, t.Changed, found, err
}

func (s cloudState) SentRef(ctx context.Context, outboxID int64) (string, error) {
	st, err := s.db.PlatformStatusOf(ctx, outboxID)
	return st.Ref, err
}

func (s cloudState) QuoteText(ctx context.Context, messageID string) (string, error) {
	return s.db.ChatMessageText(ctx, "whatsapp:"+messageID, messageID)
}

// watchCloud exposes the transport's state as metrics.
func (a *App) watchCloud() {
	conn, now := a.cloud, a.clock.Now
	a.metrics.WatchWhatsAppCloud(func() metrics.CloudHealth {
		h := conn.Health()
		return metrics.CloudHealth{LastWebhook: h.LastWebhook, LastSendError: h.LastSendErrorAt, Paused: now().Before(h.PausedUntil)}
	})
}
