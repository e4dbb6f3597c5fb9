package slackchannel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"supportbot/channels"
)

// Connection states of a SocketRunner.
const (
	stateDisconnected int32 = iota
	stateConnecting
	stateConnected
)

// maxAckBytes keeps an ack below Slack's 20 KiB Socket Mode limit, beyond
// which Slack silently drops it and the user sees a timeout.
const maxAckBytes = 19 * 1024

// defaultMaxBackoff caps the wait between connection attempts: once Slack is
// back, the bot hears it again within this long.
const defaultMaxBackoff = 30 * time.Second

// firstBackoff is the wait after the first failed attempt; each further one
// doubles it up to the cap.
const firstBackoff = time.Second

// SocketConfig wires Socket Mode.
type SocketConfig struct {
	// Client carries the app-level token (NewClient with appToken).
	Client *slack.Client
	// Handler receives what arrives; required.
	Handler channels.Handler
	// BotUserID is the bot's own user id, whose messages are ignored.
	BotUserID string
	// Origin is the installation envelopes must come from; the zero value
	// accepts any.
	Origin Origin
	// Now stamps commands and button presses; default time.Now.
	Now func() time.Time
	// Log defaults to slog.Default().
	Log *slog.Logger
	// MaxBackoff caps the wait between failed connection attempts; default
	// 30 s.
	MaxBackoff time.Duration
	// Wait pauses for d or until ctx ends, returning ctx's error then;
	// default a timer. Tests make it instant.
	Wait func(ctx context.Context, d time.Duration) error
}

// SocketRunner receives events, commands and button presses over Socket
// Mode and hands them to the bot.
type SocketRunner struct {
	cfg   SocketConfig
	log   *slog.Logger
	state atomic.Int32
}

// NewSocketRunner prepares a runner; nothing connects until Run.
func NewSocketRunner(cfg SocketConfig) *SocketRunner {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = defaultMaxBackoff
	}
	if cfg.Wait == nil {
		cfg.Wait = sleep
	}
	return &SocketRunner{cfg: cfg, log: cfg.Log.With("component", "slack-socket")}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Connected reports whether the Socket Mode connection is up, for readiness.
func (s *SocketRunner) Connected() bool { return s.state.Load() == stateConnected }

// Run connects and serves until ctx ends (then it returns nil) or Slack
// refuses the app token (TokenRefused holds for the error). A failed
// connection attempt is retried after a capped, jittered backoff of our own:
// slack-go's doubles up to 5 minutes, which leaves the bot deaf for minutes
// after an outage ends.
//
// Each envelope is handled in turn and acknowledged only after the handler
// has persisted it; one the handler fails on is left unacknowledged so Slack
// delivers it again.
func (s *SocketRunner) Run(ctx context.Context) error {
	defer s.state.Store(stateDisconnected)
	failures := 0
	for {
		connected, err := s.session(ctx)
		if ctx.Err() != nil {
			s.log.Info("slack socket mode stopped")
			return nil
		}
		if err == nil {
			err = &retryable{errors.New("socket mode client ended")}
		}
		var retry *retryable
		if !errors.As(err, &retry) {
			return fmt.Errorf("apps.connections.open: %w", err)
		}
		if connected {
			failures = 0
		}
		failures++
		wait := backoff(failures, s.cfg.MaxBackoff)
		s.log.Warn("slack socket mode connection failed", "attempt", failures, "retry_in", wait, "err", retry.err)
		if err := s.cfg.Wait(ctx, wait); err != nil {
			s.log.Info("slack socket mode stopped")
			return nil
		}
	}
}

// retryable is a connection attempt that failed for now (Slack down, the
// network): Run waits and tries again.
type retryable struct{ err error }

func (r *retryable) Error() string { return r.err.Error() }

// session runs one slack-go client until its connection attempt fails,
// reporting whether it was connected at some point. slack-go reconnects by
// itself when Slack asks or a connection drops; the first attempt that
// fails ends the session, before slack-go's own backoff.
func (s *SocketRunner) session(ctx context.Context) (connected bool, _ error) {
	// slack-go's own log lines go to slog at debug level; it logs only with
	// its debug option on, which stays off.
	smc := socketmode.New(s.cfg.Client, socketmode.OptionLog(slog.NewLogLogger(s.log.Handler(), slog.LevelDebug)))
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- smc.RunContext(runCtx) }()
	var failed error
	for {
		select {
		case err := <-done:
			s.state.Store(stateDisconnected)
			if failed != nil {
				return connected, &retryable{failed}
			}
			return connected, err
		case evt := <-smc.Events:
			if evt.Type == socketmode.EventTypeConnectionError {
				s.state.Store(stateDisconnected)
				failed = errors.New("connection failed")
				if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok && ce.ErrorObj != nil {
					failed = ce.ErrorObj
				}
				cancel()
				continue
			}
			if failed != nil {
				// Winding down: what arrives now is redelivered by Slack.
				continue
			}
			if evt.Type == socketmode.EventTypeConnected {
				connected = true
			}
			s.dispatch(runCtx, smc, evt)
		}
	}
}

// backoff is the wait after the n-th failed attempt in a row: doubling from
// firstBackoff up to limit, of which the upper half is random so that many
// bots do not come back in step.
func backoff(n int, limit time.Duration) time.Duration {
	d := limit
	if n < 32 {
		d = min(limit, firstBackoff<<(n-1))
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

func (s *SocketRunner) dispatch(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		s.state.Store(stateConnecting)
		if ce, ok := evt.Data.(*slack.ConnectingEvent); ok {
			s.log.Info("slack socket mode connecting", "attempt", ce.Attempt, "connection", ce.ConnectionCount)
		} else {
			s.log.Info("slack socket mode connecting")
		}
	case socketmode.EventTypeConnected:
		s.state.Store(stateConnected)
		s.log.Info("slack socket mode connected")
	case socketmode.EventTypeHello:
		s.state.Store(stateConnected)
		s.log.Debug("slack socket mode hello")
	case socketmode.EventTypeInvalidAuth:
		// Run returns the error; the caller names the key to fix.
		s.state.Store(stateDisconnected)
	case socketmode.EventTypeDisconnect:
		// Slack rotates connections; slack-go reconnects at once.
		s.state.Store(stateDisconnected)
		reason := ""
		if evt.Request != nil {
			reason = evt.Request.Reason
		}
		s.log.Info("slack socket mode disconnect requested", "reason", reason)
	case socketmode.EventTypeIncomingError:
		if ie, ok := evt.Data.(*slack.IncomingEventError); ok {
			s.log.Warn("slack socket mode read failed", "err", ie.ErrorObj)
		} else {
			s.log.Warn("slack socket mode read failed")
		}
	case socketmode.EventTypeErrorWriteFailed:
		if we, ok := evt.Data.(*socketmode.ErrorWriteFailed); ok {
			envelope := ""
			if we.Response != nil {
				envelope = we.Response.EnvelopeID
			}
			s.log.Warn("slack socket mode ack not sent", "envelope_id", envelope, "err", we.Cause)
		} else {
			s.log.Warn("slack socket mode ack not sent")
		}
	case socketmode.EventTypeErrorBadMessage:
		s.badMessage(ctx, smc, evt)
	case socketmode.EventTypeEventsAPI:
		s.eventsAPI(ctx, smc, evt)
	case socketmode.EventTypeSlashCommand:
		s.slashCommand(ctx, smc, evt)
	case socketmode.EventTypeInteractive:
		s.interactive(ctx, smc, evt)
	default:
		s.log.Debug("slack socket mode event ignored", "type", evt.Type)
	}
}

func (s *SocketRunner) eventsAPI(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	req := evt.Request
	if req == nil {
		return
	}
	if req.RetryAttempt > 0 {
		s.log.Debug("slack retry", "envelope_id", req.EnvelopeID, "retry_num", req.RetryAttempt, "retry_reason", req.RetryReason)
	}
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		s.ack(ctx, smc, req.EnvelopeID, nil)
		return
	}
	var outer outerEvent
	_ = json.Unmarshal(req.Payload, &outer)
	if !s.fromOrigin(ctx, smc, req.EnvelopeID, outer.from()) {
		return
	}
	in, ok := FromEvent(ev, s.cfg.BotUserID)
	if !ok {
		s.log.Debug("slack event ignored", "envelope_id", req.EnvelopeID, "event_type", ev.InnerEvent.Type)
		s.ack(ctx, smc, req.EnvelopeID, nil)
		return
	}
	if _, err := s.handle(ctx, in); err != nil {
		return
	}
	s.ack(ctx, smc, req.EnvelopeID, nil)
}

func (s *SocketRunner) slashCommand(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	req := evt.Request
	if req == nil {
		return
	}
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		s.ack(ctx, smc, req.EnvelopeID, nil)
		return
	}
	if !s.fromOrigin(ctx, smc, req.EnvelopeID, commandFrom(cmd)) {
		return
	}
	reply, err := s.handle(ctx, FromSlashCommand(cmd, s.cfg.Now()))
	if err != nil {
		return
	}
	var payload any
	if reply.Text != "" {
		payload = fitAck(commandResponse(reply))
	}
	s.ack(ctx, smc, req.EnvelopeID, payload)
}

func (s *SocketRunner) interactive(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	req := evt.Request
	if req == nil {
		return
	}
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok {
		s.ack(ctx, smc, req.EnvelopeID, nil)
		return
	}
	if !s.fromOrigin(ctx, smc, req.EnvelopeID, interactionFrom(cb)) {
		return
	}
	in, ok := FromInteraction(cb, s.cfg.Now())
	if !ok {
		s.log.Debug("slack interaction ignored", "envelope_id", req.EnvelopeID, "type", cb.Type)
		s.ack(ctx, smc, req.EnvelopeID, nil)
		return
	}
	if _, err := s.handle(ctx, in); err != nil {
		return
	}
	s.ack(ctx, smc, req.EnvelopeID, nil)
}

// badMessage acknowledges an envelope slack-go could not parse (an event type
// it does not know, a malformed payload): it would fail the same way on
// every redelivery.
func (s *SocketRunner) badMessage(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	bm, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		s.log.Warn("slack socket mode message unparsable")
		return
	}
	var env struct {
		Type       string `json:"type"`
		EnvelopeID string `json:"envelope_id"`
	}
	_ = json.Unmarshal(bm.Message, &env)
	s.log.Warn("slack socket mode message unparsable", "type", env.Type, "envelope_id", env.EnvelopeID, "err", bm.Cause)
	if env.EnvelopeID != "" {
		s.ack(ctx, smc, env.EnvelopeID, nil)
	}
}

// fromOrigin drops, acknowledged so it is not redelivered, an envelope for
// another installation of the app.
func (s *SocketRunner) fromOrigin(ctx context.Context, smc *socketmode.Client, envelopeID string, from requestFrom) bool {
	if err := s.cfg.Origin.check(from); err != nil {
		s.log.Warn("slack envelope for another installation dropped", "envelope_id", envelopeID, "err", err)
		s.ack(ctx, smc, envelopeID, nil)
		return false
	}
	return true
}

func (s *SocketRunner) handle(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	reply, err := s.cfg.Handler.Handle(ctx, in)
	if err != nil {
		s.log.Error("slack inbound not handled, left for redelivery", "kind", in.Kind, "event_id", in.EventID, "channel", in.Channel, "err", err)
	}
	return reply, err
}

func (s *SocketRunner) ack(ctx context.Context, smc *socketmode.Client, envelopeID string, payload any) {
	if envelopeID == "" {
		return
	}
	if err := smc.AckCtx(ctx, envelopeID, payload); err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("slack socket mode ack failed", "envelope_id", envelopeID, "err", err)
	}
}

// fitAck shortens a command's reply until its ack fits Slack's limit; JSON
// escaping can grow text up to six times, so the size is measured, not
// guessed.
func fitAck(r slashReply) slashReply {
	for {
		b, err := json.Marshal(r)
		if err != nil || len(b) < maxAckBytes || r.Text == "" {
			return r
		}
		r.Text = capBytes(r.Text, len(r.Text)/2)
	}
}
