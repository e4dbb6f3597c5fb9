package whatsappchannel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/store/sqlstore"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/channels"
	"supportbot/ticketing"
)

// ErrNotPaired is returned by Run when the store holds no linked device.
var ErrNotPaired = errors.New("whatsapp is not paired: run `supportbot whatsapp pair` to link the bot's number")

// DefaultMinGap is the pause between two messages to one number when
// Options.MinGap is zero.
const DefaultMinGap = 2 * time.Second

const (
	// lookupTTL bounds how long a number's WhatsApp account is trusted
	// without asking again; numbers rarely move, and asking on every send
	// would double the traffic WhatsApp sees from the bot.
	lookupTTL = 24 * time.Hour
	// pruneAt is the map size beyond which stale pacing and lookup entries
	// are swept, so a long-running bot does not grow without bound.
	pruneAt = 1024
)

var (
	errNotConnected = fmt.Errorf("whatsapp: %w", channels.ErrNotConnected)
	errPaced        = errors.New("whatsapp: pausing between messages to the same number")
)

// Options tunes an Adapter; zero values pick defaults.
type Options struct {
	Log *slog.Logger
	// MinGap paces messages to one recipient, to stay clear of WhatsApp's
	// spam limits; zero means DefaultMinGap.
	MinGap time.Duration
	Now    func() time.Time
	// OnLost is installed as the status tracker's OnLost.
	OnLost func(status Status, detail string)
}

// Messenger is the part of whatsmeow.Client the adapter uses, so tests and
// the demo can drive the adapter without a network (see StandIn).
type Messenger interface {
	ConnectContext(ctx context.Context) error
	Disconnect()
	IsConnected() bool
	SendMessage(ctx context.Context, to types.JID, message *waE2E.Message, extra ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error)
	IsOnWhatsApp(ctx context.Context, phones []string) ([]types.IsOnWhatsAppResponse, error)
	// Paired reports whether the store holds a linked device.
	Paired() bool
	// PhoneForLID looks a LID up in the store's LID↔number map; an empty
	// JID means the map does not know it.
	PhoneForLID(ctx context.Context, lid types.JID) (types.JID, error)
	// DownloadToFile fetches and decrypts a media message's file into file.
	DownloadToFile(ctx context.Context, msg whatsmeow.DownloadableMessage, file whatsmeow.File) error
	// UploadReader encrypts plaintext (using tempFile as scratch space) and
	// stores it on WhatsApp's media servers.
	UploadReader(ctx context.Context, plaintext io.Reader, tempFile io.ReadWriteSeeker, appInfo whatsmeow.MediaType) (whatsmeow.UploadResponse, error)
}

type clientMessenger struct {
	*whatsmeow.Client
	// lids is the container's map rather than Client.Store.LIDs, which an
	// unpaired device does not have yet; for a paired one they are the same.
	lids *sqlstore.CachedLIDMap
}

func (c clientMessenger) Paired() bool { return c.Store.ID != nil }

func (c clientMessenger) PhoneForLID(ctx context.Context, lid types.JID) (types.JID, error) {
	return c.lids.GetPNForLID(ctx, lid)
}

// Adapter connects the bot to WhatsApp: it hands received messages to a
// channels.Handler and implements channels.Sender for owed replies.
type Adapter struct {
	msg     Messenger
	handler channels.Handler
	log     *slog.Logger
	minGap  time.Duration
	now     func() time.Time
	status  *StatusTracker
	// files fetch what a file item carries; tempDir holds it meanwhile.
	files   channels.FileSources
	tempDir string

	ctxMu  sync.Mutex
	runCtx context.Context

	mu       sync.Mutex
	lastSent map[string]time.Time
	lookups  map[string]lookup
	health   *LinkHealth // when the bot's phone was last online
}

type lookup struct {
	jid   types.JID
	until time.Time
}

var _ channels.Sender = (*Adapter)(nil)

// New builds an adapter on the store's first device (a new, unpaired one if
// the store is empty). It does not connect; Run does.
func New(container *sqlstore.Container, h channels.Handler, opts Options) (*Adapter, error) {
	if container == nil || h == nil {
		return nil, errors.New("whatsapp adapter needs a device store and a handler")
	}
	device, err := container.GetFirstDevice(context.Background())
	if err != nil {
		return nil, fmt.Errorf("load whatsapp device: %w", err)
	}
	client := whatsmeow.NewClient(device, newWALogger(opts.Log, "client"))
	// Receipts go out only after the handlers returned, and a failed handler
	// suppresses them, so WhatsApp redelivers what the bot did not commit.
	client.SynchronousAck = true
	// A redelivered message cannot be decrypted twice (the Signal ratchet has
	// moved on); the buffer keeps its plaintext until a handler succeeds.
	client.EnableDecryptedEventBuffer = true
	// A network hiccup at start-up should not stop the whole bot; whatsmeow
	// keeps trying in the background and Status tells the story.
	client.InitialAutoReconnect = true
	a := NewAdapter(clientMessenger{Client: client, lids: container.LIDMap}, h, opts)
	client.AddEventHandlerWithSuccessStatus(a.handleEvent)
	return a, nil
}

// NewAdapter builds an adapter on any Messenger; New is the whatsmeow one.
// Events reach it through HandleEvent.
func NewAdapter(m Messenger, h channels.Handler, opts Options) *Adapter {
	a := &Adapter{
		msg:      m,
		handler:  h,
		log:      opts.Log,
		minGap:   opts.MinGap,
		now:      opts.Now,
		lastSent: map[string]time.Time{},
		lookups:  map[string]lookup{},
	}
	if a.log == nil {
		a.log = slog.Default()
	}
	a.log = a.log.With("component", "whatsapp")
	if a.minGap <= 0 {
		a.minGap = DefaultMinGap
	}
	if a.now == nil {
		a.now = time.Now
	}
	initial := StatusDisconnected
	if !m.Paired() {
		initial = StatusNotPaired
	}
	a.status = NewStatusTracker(initial)
	a.health = NewLinkHealth(a.now())
	a.status.OnLost = opts.OnLost
	return a
}

// WithFiles lets the adapter deliver file items, fetching their bytes from
// sources through temporary files in dir (the system's when empty).
func (a *Adapter) WithFiles(sources channels.FileSources, dir string) *Adapter {
	a.files, a.tempDir = sources, dir
	return a
}

// Status is the adapter's connection tracker.
func (a *Adapter) Status() *StatusTracker { return a.status }

// Paired reports whether the store holds a linked device.
func (a *Adapter) Paired() bool { return a.msg.Paired() }

// Run connects and stays connected (whatsmeow reconnects by itself) until
// ctx ends, then disconnects.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.Paired() {
		a.status.Set(StatusNotPaired, ErrNotPaired.Error())
		return ErrNotPaired
	}
	a.ctxMu.Lock()
	a.runCtx = ctx
	a.ctxMu.Unlock()
	a.status.Set(StatusConnecting, "")
	if err := a.msg.ConnectContext(ctx); err != nil {
		a.status.Set(StatusDisconnected, err.Error())
		return fmt.Errorf("connect to whatsapp: %w", err)
	}
	a.log.Info("whatsapp connecting")
	<-ctx.Done()
	a.msg.Disconnect()
	a.status.Set(StatusDisconnected, "shut down")
	a.log.Info("whatsapp disconnected")
	return nil
}

// eventContext is the context handlers run in: Run's, so a shutdown aborts
// an unfinished handler (and the message stays unacknowledged), or
// Background when events are fed without Run, as tests do.
func (a *Adapter) eventContext() context.Context {
	a.ctxMu.Lock()
	defer a.ctxMu.Unlock()
	if a.runCtx == nil {
		return context.Background()
	}
	return a.runCtx
}

// HandleEvent is the whatsmeow event handler. It returns false only when a
// message could not be handled, which makes whatsmeow withhold the receipt
// so that WhatsApp delivers the message again.
func (a *Adapter) HandleEvent(evt any) bool { return a.handleEvent(evt) }

func (a *Adapter) handleEvent(evt any) bool {
	if phoneOnline(evt) {
		a.health.Seen(a.now())
	}
	switch e := evt.(type) {
	case *events.Message:
		return a.handleMessage(e)
	case *events.UndecryptableMessage:
		// whatsmeow asks the sender's phone to resend; nothing to do but
		// leave a trace in case it never arrives.
		a.log.Warn("whatsapp message could not be decrypted", "id", e.Info.ID, "chat", e.Info.Chat.String(),
			"unavailable", e.IsUnavailable)
		return true
	}
	if a.status.Observe(evt) {
		status, detail := a.status.Current(), a.status.Detail()
		if _, permanent := evt.(events.PermanentDisconnect); permanent {
			a.log.Error("whatsapp link lost", "status", status, "detail", detail)
		} else {
			a.log.Info("whatsapp connection", "status", status, "detail", detail)
		}
	}
	return true
}

func (a *Adapter) handleMessage(evt *events.Message) bool {
	ctx := a.eventContext()
	var unknownLID types.JID
	var lookupErr error
	resolve := func(lid types.JID) (string, bool) {
		pn, err := a.msg.PhoneForLID(ctx, lid)
		switch {
		case err != nil:
			lookupErr = err
			return "", false
		case pn.IsEmpty() || pn.User == "":
			unknownLID = lid
			return "", false
		}
		return "+" + pn.User, true
	}
	in, ok := FromMessage(evt, resolve)
	if !ok {
		switch {
		case lookupErr != nil:
			// The store failed, not the message: let WhatsApp deliver it again.
			a.log.Error("whatsapp sender lookup failed; message left unacknowledged", "id", evt.Info.ID, "err", lookupErr)
			return false
		case !unknownLID.IsEmpty():
			a.log.Warn("whatsapp message dropped: sender's number unknown for its LID", "id", evt.Info.ID, "lid", unknownLID.String())
		default:
			a.log.Debug("whatsapp message ignored", "id", evt.Info.ID, "chat", evt.Info.Chat.String(), "from_me", evt.Info.IsFromMe)
		}
		return true
	}
	if in.At.IsZero() {
		in.At = a.now()
	}
	if _, err := a.handler.Handle(ctx, in); err != nil {
		a.log.Error("whatsapp message not handled; left unacknowledged for redelivery", "id", in.MessageID, "from", in.UserID, "err", err)
		return false
	}
	return true
}

// Send delivers one owed reply as a plain text message and returns its
// WhatsApp message id. It never waits: pacing is reported as a
// RateLimitError so the outbox retries later.
func (a *Adapter) Send(ctx context.Context, item ticketing.OutboxItem) (string, error) {
	if item.Mode != "" && item.Mode != ticketing.ModePost {
		return "", &channels.PermanentError{Err: fmt.Errorf("whatsapp cannot deliver %q items", item.Route())}
	}
	if _, err := ToJID(item.To.Address); err != nil {
		return "", &channels.PermanentError{Err: fmt.Errorf("whatsapp recipient: %w", err)}
	}
	text := RenderText(strings.ToValidUTF8(item.Text, "\uFFFD"))
	if strings.TrimSpace(text) == "" && item.File == nil {
		return "", &channels.PermanentError{Err: errors.New("whatsapp message has no text")}
	}
	now := a.now()
	wait, release := a.reserve(item.To.Address, now)
	if wait > 0 {
		return "", &channels.RateLimitError{RetryAfter: wait, Err: errPaced}
	}
	if !a.msg.IsConnected() {
		release()
		return "", errNotConnected
	}
	to, err := a.lookup(ctx, item.To.Address, now)
	if err != nil {
		release()
		return "", err
	}
	msg := &waE2E.Message{Conversation: proto.String(text)}
	if item.File != nil {
		if msg, err = a.uploadFile(ctx, *item.File, text); err != nil {
			release()
			return "", err
		}
	}
	// From here the slot stays taken even on error: the message may have
	// reached WhatsApp before the error, and the retry must be paced too.
	resp, err := a.msg.SendMessage(ctx, to, msg)
	if err != nil {
		if errors.Is(err, whatsmeow.ErrRecipientADJID) || errors.Is(err, whatsmeow.ErrUnknownServer) {
			return "", &channels.PermanentError{Err: fmt.Errorf("send whatsapp message to %s: %w", item.To.Address, err)}
		}
		return "", fmt.Errorf("send whatsapp message to %s: %w", item.To.Address, err)
	}
	return resp.ID, nil
}

// reserve claims the recipient's next send slot. It returns how long to wait
// if the last message to that number is too recent, else a release func that
// gives the slot back when nothing was sent after all.
func (a *Adapter) reserve(target string, now time.Time) (time.Duration, func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	prev, had := a.lastSent[target]
	if had {
		if wait := a.minGap - now.Sub(prev); wait > 0 {
			return wait, nil
		}
	}
	if len(a.lastSent) >= pruneAt {
		for k, t := range a.lastSent {
			if now.Sub(t) >= a.minGap {
				delete(a.lastSent, k)
			}
		}
	}
	a.lastSent[target] = now
	return 0, func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		if a.lastSent[target].Equal(now) {
			if had {
				a.lastSent[target] = prev
			} else {
				delete(a.lastSent, target)
			}
		}
	}
}

// lookup finds the account behind a number. The JID WhatsApp answers with is
// the one to address (it can differ from the dialled digits, e.g. Brazil's
// ninth digit), and a number without an account is a permanent failure.
func (a *Adapter) lookup(ctx context.Context, phone string, now time.Time) (types.JID, error) {
	a.mu.Lock()
	l, ok := a.lookups[phone]
	a.mu.Unlock()
	if ok && now.Before(l.until) {
		return l.jid, nil
	}
	res, err := a.msg.IsOnWhatsApp(ctx, []string{phone})
	if err != nil {
		return types.JID{}, fmt.Errorf("check %s on whatsapp: %w", phone, err)
	}
	if len(res) == 0 {
		return types.JID{}, fmt.Errorf("check %s on whatsapp: no answer", phone)
	}
	if !res[0].IsIn {
		return types.JID{}, &channels.PermanentError{Err: fmt.Errorf("%s has no WhatsApp account", phone)}
	}
	jid := res[0].JID.ToNonAD()
	if jid.Server != types.DefaultUserServer || jid.User == "" {
		// Not the kind of answer expected; the number itself is still a
		// valid address.
		jid, _ = ToJID(phone)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.lookups) >= pruneAt {
		for k, v := range a.lookups {
			if !now.Before(v.until) {
				delete(a.lookups, k)
			}
		}
	}
	a.lookups[phone] = lookup{jid: jid, until: now.Add(lookupTTL)}
	return jid, nil
}
