package cloud

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"supportbot/channels"
)

// WebhookPath is where Meta delivers the webhook, on http.listen.
const WebhookPath = "/whatsapp/webhook"

// MaxWebhookBytes bounds a webhook body; Meta's are a few KiB (files come
// by id, never inline).
const MaxWebhookBytes = 1 << 20

// ServeHTTP is the webhook: GET is Meta's subscription check, POST a
// delivery, taken only with a valid signature over the raw body.
func (c *Connector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		c.verify(w, r)
	case http.MethodPost:
		c.deliver(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// verify answers the subscription check by echoing hub.challenge.
func (c *Connector) verify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	token := q.Get("hub.verify_token")
	if q.Get("hub.mode") != "subscribe" || c.cfg.VerifyToken == "" ||
		subtle.ConstantTimeCompare([]byte(token), []byte(c.cfg.VerifyToken)) != 1 {
		c.log.Warn("whatsapp webhook verification refused", "mode", q.Get("hub.mode"), "remote", r.RemoteAddr)
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, q.Get("hub.challenge"))
}

// deliver checks the signature before reading anything of the body, hands
// every message to the bot and records every status. A body the bot cannot
// use is answered 200 so Meta stops sending it; a failure to store is 500,
// so Meta delivers again and what was already handled is recognised by its
// message id.
func (c *Connector) deliver(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if !ValidSignature(c.cfg.AppSecret, body, r.Header.Get(SignatureHeader)) {
		c.log.Warn("whatsapp webhook with a missing or wrong signature refused", "remote", r.RemoteAddr)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	now := c.cfg.Now()
	c.sawWebhook(now)
	var p Payload
	if err := json.Unmarshal(body, &p); err != nil {
		c.log.Warn("whatsapp webhook payload not understood; acknowledged so Meta stops retrying", "err", err, "bytes", len(body))
		w.WriteHeader(http.StatusOK)
		return
	}
	conv := Convert(p, c.cfg.PhoneNumberID, now)
	for _, why := range conv.Skipped {
		c.log.Info("whatsapp webhook part skipped", "what", why)
	}
	ctx := r.Context()
	var failed []error
	for _, in := range conv.Inbounds {
		if err := c.receive(ctx, in); err != nil {
			c.log.Error("whatsapp message not handled; Meta will deliver it again", "id", in.MessageID, "from", in.UserID, "err", err)
			failed = append(failed, err)
		}
	}
	for _, s := range conv.Statuses {
		if err := c.status(ctx, s); err != nil {
			c.log.Error("whatsapp status not recorded; Meta will deliver it again", "id", s.MessageID, "err", err)
			failed = append(failed, err)
		}
	}
	if len(failed) > 0 {
		http.Error(w, "not stored, deliver again", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// receive opens the contact's window and hands the message to the bot,
// which stores it (or recognises it by id) in one transaction.
func (c *Connector) receive(ctx context.Context, in channels.Inbound) error {
	if err := c.cfg.State.SawInbound(ctx, in.UserID, in.At); err != nil {
		return err
	}
	if id, ok := strings.CutPrefix(in.Quote, quoteRefPrefix); ok {
		text, err := c.cfg.State.QuoteText(ctx, id)
		if err != nil {
			return err
		}
		if text == "" {
			// A message the bot never kept (or one without words): the
			// message is still a reply, and answers to it are shown so.
			text = "…"
		}
		in.Quote = text
	}
	_, err := c.cfg.Handler.Handle(ctx, in)
	return err
}

// status records what Meta said of a sent message; a failure is shown to
// staff once.
func (c *Connector) status(ctx context.Context, s Status) error {
	ticketID, changed, found, err := c.cfg.State.RecordStatus(ctx, s)
	if err != nil {
		return err
	}
	if !found {
		c.log.Debug("whatsapp status of a message the outbox did not send", "id", s.MessageID, "status", s.Status)
		return nil
	}
	if s.Status != "failed" || !changed {
		return nil
	}
	c.log.Warn("whatsapp message failed after it was sent", "id", s.MessageID, "to", s.Recipient, "err", s.Error)
	if s.Code == codeWindowClosed && s.OutboxID != 0 && s.Recipient != "" {
		// Meta took the message, then found the window closed: it is owed
		// again, and goes as the closed window has it (template, then wait).
		if err := c.cfg.State.CloseWindow(ctx, s.Recipient, s.At); err != nil {
			return err
		}
		if err := c.cfg.State.Requeue(ctx, s.OutboxID, c.cfg.Now(), "whatsapp cloud: "+s.Error); err != nil {
			return err
		}
	}
	c.cfg.Notify(context.WithoutCancel(ctx), Notice{Kind: NoticeFailed, Phone: s.Recipient, TicketID: ticketID, Detail: s.Error, Code: s.Code})
	return nil
}
