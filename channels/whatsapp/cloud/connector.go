package cloud

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// Meta's rules the connector keeps.
const (
	// Window is how long after a contact's last message free-form messages
	// may go to them; outside it only an approved template may.
	Window = 24 * time.Hour
	// PairGap is the pace Meta allows to one contact once it has said
	// 131056 (about one message every 6 s).
	PairGap = 6 * time.Second
	// pairPacing is how long a contact stays paced after a 131056.
	pairPacing = 10 * time.Minute
	// windowRecheck is how often an owed message waiting for the contact
	// to write back is looked at again; the contact's message wakes the
	// outbox too, so this bounds the delay after it.
	windowRecheck = 30 * time.Second
	// statusGrace is how long a send the process did not live to record
	// waits for Meta's status webhook before it is taken as never sent.
	statusGrace = 2 * time.Minute
	minBackoff  = 30 * time.Second
	maxBackoff  = 15 * time.Minute
	// MaxTextChars is the most a text message may hold; longer answers are
	// split.
	MaxTextChars = 4096
)

// Graph error codes the connector acts on.
const (
	codeRateHit        = 130429 // the number's throughput
	codeSpamRate       = 131048
	codePairRate       = 131056 // one contact, too fast
	codeWindowClosed   = 131047 // re-engagement needed
	codeUndeliverable  = 131026
	codeUnsupportedMsg = 131051
	codeTokenExpired   = CodeTokenRefused
	codeAppRate        = 4
	codeAccountRate    = 80007
)

var (
	errWindowClosed = errors.New("whatsapp cloud: outside the contact's 24-hour window; the reopening template was sent and the message waits for the contact to write back")
	errNumberPaused = errors.New("whatsapp cloud: the number is backing off after Meta's rate limit")
	errPairPaced    = errors.New("whatsapp cloud: pacing messages to this contact (Meta's pair rate limit)")
	errStatusWait   = errors.New("whatsapp cloud: waiting for Meta's status of an interrupted send")
)

// State is what the connector keeps in the store, so every replica and
// every restart sees one window per contact and one record per message.
type State interface {
	SawInbound(ctx context.Context, phone string, at time.Time) error
	Window(ctx context.Context, phone string) (WindowState, error)
	TemplateSent(ctx context.Context, phone string, at time.Time) error
	// CloseWindow records Meta saying the window is closed (131047).
	CloseWindow(ctx context.Context, phone string, at time.Time) error
	// Requeue makes an accepted message that later failed owed again.
	Requeue(ctx context.Context, outboxID int64, at time.Time, reason string) error
	// RecordStatus writes a status on its outbox item; changed is false
	// for a repeat, found false for a message the outbox never sent.
	RecordStatus(ctx context.Context, s Status) (ticketID int64, changed, found bool, err error)
	// SentRef is the message id a status webhook gave an outbox item.
	SentRef(ctx context.Context, outboxID int64) (string, error)
	// QuoteText is the text of an earlier message by its WhatsApp id,
	// empty when unknown.
	QuoteText(ctx context.Context, messageID string) (string, error)
}

// WindowState is one contact's 24-hour window as stored.
type WindowState struct {
	LastInbound, TemplateSent, ClosedAt time.Time
}

// open reports whether free-form messages may go now.
func (w WindowState) open(now time.Time) bool {
	if !w.ClosedAt.IsZero() && !w.LastInbound.After(w.ClosedAt) {
		return false
	}
	return !w.LastInbound.IsZero() && now.Sub(w.LastInbound) < Window
}

// templateOwed reports whether this closed window still needs the template.
func (w WindowState) templateOwed() bool {
	return w.TemplateSent.IsZero() || !w.TemplateSent.After(w.LastInbound)
}

// NoticeKind says what the desk is told.
type NoticeKind string

const (
	// NoticeWindow: a message waits for the contact (template sent).
	NoticeWindow NoticeKind = "window"
	// NoticeDead: Meta refused a message for good.
	NoticeDead NoticeKind = "dead"
	// NoticeFailed: a status webhook reported a message failed.
	NoticeFailed NoticeKind = "failed"
)

// Notice is something staff must know about a contact's messages.
type Notice struct {
	Kind     NoticeKind
	Phone    string
	TicketID int64
	Detail   string
	// Code is Meta's error code, when there was one (190: the token).
	Code int
}

// Template is an approved message template.
type Template struct{ Name, Language string }

// Config wires a Connector.
type Config struct {
	Client *Client
	// PhoneNumberID is the number the bot answers for; webhook changes for
	// other numbers of the business account are skipped.
	PhoneNumberID string
	AppSecret     string
	VerifyToken   string
	Reopen        Template
	Handler       channels.Handler
	State         State
	// Notify tells the desk; it must not block for long.
	Notify func(ctx context.Context, n Notice)
	Log    *slog.Logger
	Now    func() time.Time
	// MinGap paces every contact, as whatsapp.min_gap does for the linked
	// device.
	MinGap  time.Duration
	Files   channels.FileSources
	TempDir string
}

// Connector is the Cloud API transport: the webhook's handler, the sender
// of owed replies and the source of received files, as the linked device's
// adapter is for whatsmeow.
type Connector struct {
	cfg Config
	log *slog.Logger

	mu          sync.Mutex
	numberUntil time.Time
	backoff     time.Duration
	pairUntil   map[string]time.Time // contact → pacing at PairGap until
	nextSend    map[string]time.Time // contact → not before
	health      Health
}

// Health is the transport's state for /readyz, metrics and alerts.
type Health struct {
	LastWebhook     time.Time
	LastSend        time.Time
	LastSendError   string
	LastSendErrorAt time.Time
	// PausedUntil is set while the whole number backs off.
	PausedUntil time.Time
}

var (
	_ channels.Sender     = (*Connector)(nil)
	_ channels.Finder     = (*Connector)(nil)
	_ channels.FileSource = (*Connector)(nil)
)

// New builds a connector.
func New(cfg Config) *Connector {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Notify == nil {
		cfg.Notify = func(context.Context, Notice) {}
	}
	return &Connector{cfg: cfg, log: cfg.Log.With("component", "whatsapp", "transport", "cloud"),
		pairUntil: map[string]time.Time{}, nextSend: map[string]time.Time{}}
}

// Health reports the transport's state.
func (c *Connector) Health() Health {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.health
}

// Check asks Meta whether the access token works for the number.
func (c *Connector) Check(ctx context.Context) error { return c.cfg.Client.Check(ctx) }

// TokenRefused reports an error meaning Meta does not take the token.
func TokenRefused(err error) bool {
	var ge *GraphError
	return errors.As(err, &ge) && (ge.Code == codeTokenExpired || ge.HTTPStatus == 401)
}

// callback tags a message with its outbox item for the status webhooks.
func callback(item ticketing.OutboxItem) string {
	return callbackPrefix + strconv.FormatInt(item.ID, 10)
}

// FindSent implements channels.Finder: a send the process did not live to
// record is found by the status Meta sent for it; until statusGrace has
// passed without one, the item waits rather than going out twice.
func (c *Connector) FindSent(ctx context.Context, item ticketing.OutboxItem) (string, bool, error) {
	ref, err := c.cfg.State.SentRef(ctx, item.ID)
	if err != nil {
		return "", false, err
	}
	if ref != "" {
		return ref, true, nil
	}
	if wait := item.InFlightAt.Add(statusGrace).Sub(c.cfg.Now()); wait > 0 {
		return "", false, &channels.RateLimitError{RetryAfter: wait, Err: errStatusWait}
	}
	return "", false, nil
}

func (c *Connector) sawWebhook(now time.Time) {
	c.mu.Lock()
	c.health.LastWebhook = now
	c.mu.Unlock()
}

func (c *Connector) sendFailed(now time.Time, err error) {
	c.mu.Lock()
	c.health.LastSendError, c.health.LastSendErrorAt = err.Error(), now
	c.mu.Unlock()
}

func (c *Connector) sendOK(now time.Time, phone string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.health.LastSend = now
	c.backoff = 0
	gap := c.cfg.MinGap
	if now.Before(c.pairUntil[phone]) {
		gap = max(gap, PairGap)
	}
	if gap > 0 {
		c.nextSend[phone] = now.Add(gap)
	}
	if len(c.nextSend) > 1024 {
		for k, t := range c.nextSend {
			if now.After(t) {
				delete(c.nextSend, k)
			}
		}
	}
}

// paused says how long the number or this contact must still wait.
func (c *Connector) paused(phone string, now time.Time) (time.Duration, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Before(c.numberUntil) {
		return c.numberUntil.Sub(now), errNumberPaused
	}
	if t := c.nextSend[phone]; now.Before(t) {
		return t.Sub(now), errPairPaced
	}
	return 0, nil
}

// classify turns a Graph error into what the outbox understands, and
// adjusts the pacing Meta asked for.
func (c *Connector) classify(ctx context.Context, err error, item ticketing.OutboxItem, now time.Time) error {
	c.sendFailed(now, err)
	var ge *GraphError
	if !errors.As(err, &ge) {
		return err
	}
	phone := item.To.Address
	switch code := ge.Code; {
	case code == codeRateHit || code == codeAccountRate || code == codeAppRate || code == codeSpamRate:
		c.mu.Lock()
		c.backoff = min(max(c.backoff*2, minBackoff), maxBackoff)
		wait := max(c.backoff, ge.RetryAfter)
		c.numberUntil = now.Add(wait)
		c.health.PausedUntil = c.numberUntil
		c.mu.Unlock()
		c.log.Warn("whatsapp cloud rate limit: the whole number backs off", "code", code, "wait", wait)
		return &channels.RateLimitError{RetryAfter: wait, Err: err}
	case code == codePairRate:
		c.mu.Lock()
		c.pairUntil[phone] = now.Add(pairPacing)
		c.nextSend[phone] = now.Add(PairGap)
		c.mu.Unlock()
		return &channels.RateLimitError{RetryAfter: PairGap, Err: err}
	case code == codeUndeliverable || code == codeUnsupportedMsg || code/1000 == 132 || code == codeTokenExpired || ge.HTTPStatus == 401:
		code := ge.Code
		if ge.HTTPStatus == 401 {
			code = codeTokenExpired
		}
		c.cfg.Notify(ctx, Notice{Kind: NoticeDead, Phone: phone, TicketID: item.TicketID, Detail: ge.Error(), Code: code})
		return &channels.PermanentError{Err: err}
	}
	return err
}

// reopen sends the reopening template once per closed window and tells the
// desk; the owed message waits for the contact's answer.
func (c *Connector) reopen(ctx context.Context, item ticketing.OutboxItem, w WindowState, now time.Time) error {
	phone := item.To.Address
	if w.templateOwed() {
		_, err := c.cfg.Client.SendMessage(ctx, map[string]any{
			"recipient_type": "individual", "to": phone[1:], "type": "template",
			"template": map[string]any{"name": c.cfg.Reopen.Name, "language": map[string]any{"code": c.cfg.Reopen.Language}},
		})
		if err != nil {
			return c.classify(ctx, fmt.Errorf("reopening template to %s: %w", phone, err), item, now)
		}
		if err := c.cfg.State.TemplateSent(ctx, phone, now); err != nil {
			return err
		}
		c.sendOK(now, phone)
		c.log.Info("whatsapp cloud: outside the 24-hour window; template sent, messages wait for the contact", "to", phone, "ticket", item.TicketID)
		c.cfg.Notify(ctx, Notice{Kind: NoticeWindow, Phone: phone, TicketID: item.TicketID})
	}
	return &channels.RateLimitError{RetryAfter: windowRecheck, Err: errWindowClosed}
}

// CodeTokenRefused is Meta's code for an access token it no longer takes.
const CodeTokenRefused = 190
