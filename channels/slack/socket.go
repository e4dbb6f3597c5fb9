package slackchannel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
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

// SocketRunner receives events, commands and button presses over Socket
// Mode and hands them to the bot.
type SocketRunner struct {
	client    *slack.Client
	handler   channels.Handler
	botUserID string
	now       func() time.Time
	log       *slog.Logger
	state     atomic.Int32
}

// NewSocketRunner prepares a runner. client must carry the app-level token
// (NewClient with appToken); now stamps commands and button presses (default
// time.Now); log defaults to slog.Default().
func NewSocketRunner(client *slack.Client, h channels.Handler, botUserID string, now func() time.Time, log *slog.Logger) *SocketRunner {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	return &SocketRunner{client: client, handler: h, botUserID: botUserID, now: now, log: log.With("component", "slack-socket")}
}

// Connected reports whether the Socket Mode connection is up, for readiness.
func (s *SocketRunner) Connected() bool { return s.state.Load() == stateConnected }

// Run connects and serves until ctx ends (then it returns nil) or slack-go
// gives up for good, e.g. on an invalid app token. Reconnection after drops
// and Slack's periodic disconnect requests happens inside.
//
// Each envelope is handled in turn and acknowledged only after the handler
// has persisted it; one the handler fails on is left unacknowledged so Slack
// delivers it again.
func (s *SocketRunner) Run(ctx context.Context) error {
	// slack-go's own log lines go to slog at debug level; it logs only with
	// its debug option on, which stays off.
	smc := socketmode.New(s.client, socketmode.OptionLog(slog.NewLogLogger(s.log.Handler(), slog.LevelDebug)))

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- smc.RunContext(runCtx) }()
	defer s.state.Store(stateDisconnected)

	for {
		select {
		case <-ctx.Done():
			cancel()
			<-done
			s.log.Info("slack socket mode stopped")
			return nil
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-smc.Events:
			s.dispatch(ctx, smc, evt)
		}
	}
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
	case socketmode.EventTypeConnectionError:
		s.state.Store(stateDisconnected)
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			s.log.Warn("slack socket mode connection failed", "attempt", ce.Attempt, "retry_in", ce.Backoff, "err", ce.ErrorObj)
		} else {
			s.log.Warn("slack socket mode connection failed")
		}
	case socketmode.EventTypeInvalidAuth:
		s.state.Store(stateDisconnected)
		s.log.Error("slack socket mode refused the app token")
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
	in, ok := FromEvent(ev, s.botUserID)
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
	reply, err := s.handle(ctx, FromSlashCommand(cmd, s.now()))
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
	in, ok := FromInteraction(cb, s.now())
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

func (s *SocketRunner) handle(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	reply, err := s.handler.Handle(ctx, in)
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
