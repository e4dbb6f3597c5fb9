package slackchannel

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"supportbot/channels"
)

// maxBodyBytes bounds a request from Slack. Real payloads are a few KiB; the
// bound keeps a forged giant body from being read into memory.
const maxBodyBytes = 1 << 20

// handleTimeout bounds one Handler call. The call is detached from the
// request: Slack hangs up after 3 s and retries, and a transaction that
// finishes anyway makes the retry a recognised duplicate instead of a redo.
const handleTimeout = 15 * time.Second

// HTTPConfig wires the Events API endpoints.
type HTTPConfig struct {
	// SigningSecret checks every request; with it empty every request is
	// refused.
	SigningSecret string
	// Handler receives what arrives; required.
	Handler channels.Handler
	// BotUserID is the bot's own user id, whose messages are ignored.
	BotUserID string
	// Origin is the installation requests must come from; the zero value
	// accepts any.
	Origin Origin
	// Now stamps commands and button presses, which carry no time; default
	// time.Now.
	Now func() time.Time
	// Log defaults to slog.Default().
	Log *slog.Logger
}

type httpHandler struct {
	cfg HTTPConfig
	log *slog.Logger
}

// NewHTTPHandler serves POST /slack/events, /slack/interactivity and
// /slack/commands. The paths are absolute, so the handler works both on its
// own and mounted with mux.Handle("/slack/", h).
func NewHTTPHandler(cfg HTTPConfig) http.Handler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	h := &httpHandler{cfg: cfg, log: cfg.Log.With("component", "slack-http")}
	if cfg.SigningSecret == "" {
		h.log.Error("slack signing secret is empty: every request will be refused")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/events", h.verified(h.events))
	mux.HandleFunc("POST /slack/interactivity", h.verified(h.interactivity))
	mux.HandleFunc("POST /slack/commands", h.verified(h.commands))
	return mux
}

// verified reads the body within maxBodyBytes and checks Slack's signature
// before anything else looks at the request.
func (h *httpHandler) verified(next func(http.ResponseWriter, *http.Request, []byte)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// Headers first: a stale or unsigned request is refused without
		// reading its body.
		sv, err := slack.NewSecretsVerifier(r.Header, h.cfg.SigningSecret)
		if err != nil {
			h.log.Warn("slack request refused", "path", r.URL.Path, "remote", r.RemoteAddr, "err", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				h.log.Warn("slack request too large", "path", r.URL.Path, "remote", r.RemoteAddr)
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			h.log.Warn("slack request body unreadable", "path", r.URL.Path, "err", err)
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if _, err := sv.Write(body); err != nil {
			h.log.Error("slack signature check failed", "err", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		if err := sv.Ensure(); err != nil {
			h.log.Warn("slack request refused", "path", r.URL.Path, "remote", r.RemoteAddr, "err", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
			h.log.Debug("slack retry", "path", r.URL.Path, "retry_num", n, "retry_reason", r.Header.Get("X-Slack-Retry-Reason"))
		}
		next(w, r, body)
	}
}

// outerEvent is the part of an Events API body needed to route it before
// slack-go parses the rest.
type outerEvent struct {
	Type           string          `json:"type"`
	Challenge      string          `json:"challenge"`
	EventID        string          `json:"event_id"`
	TeamID         string          `json:"team_id"`
	EnterpriseID   string          `json:"enterprise_id"`
	APIAppID       string          `json:"api_app_id"`
	Authorizations []authorization `json:"authorizations"`
	Event          struct {
		Type string `json:"type"`
	} `json:"event"`
}

// wantedEvents are the inner event types FromEvent converts. Anything else is
// answered 200 unparsed: an event slack-go cannot parse must not make Slack
// retry it forever.
var wantedEvents = map[string]bool{
	string(slackevents.Message):       true,
	string(slackevents.AppMention):    true,
	string(slackevents.ReactionAdded): true,
	string(slackevents.AppHomeOpened): true,
}

func (h *httpHandler) events(w http.ResponseWriter, r *http.Request, body []byte) {
	var outer outerEvent
	if err := json.Unmarshal(body, &outer); err != nil {
		h.log.Warn("slack event is not JSON", "err", err)
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	switch outer.Type {
	case slackevents.URLVerification:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, outer.Challenge)
		return
	case slackevents.AppRateLimited:
		h.log.Warn("slack is dropping our events: app rate limited")
		w.WriteHeader(http.StatusOK)
		return
	case slackevents.CallbackEvent:
		if !h.fromOrigin(w, r, outer.from()) {
			return
		}
	default:
		h.log.Debug("slack request of unknown type ignored", "type", outer.Type)
		w.WriteHeader(http.StatusOK)
		return
	}
	if !wantedEvents[outer.Event.Type] {
		h.log.Debug("slack event ignored", "event_id", outer.EventID, "event_type", outer.Event.Type)
		w.WriteHeader(http.StatusOK)
		return
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		h.log.Warn("slack event unparsable", "event_id", outer.EventID, "event_type", outer.Event.Type, "err", err)
		http.Error(w, "invalid event", http.StatusBadRequest)
		return
	}
	in, ok := FromEvent(ev, h.cfg.BotUserID)
	if !ok {
		h.log.Debug("slack event ignored", "event_id", outer.EventID, "event_type", outer.Event.Type)
		w.WriteHeader(http.StatusOK)
		return
	}
	if _, err := h.handle(r, in); err != nil {
		// 500 makes Slack deliver again; the bot recognises the event id.
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (h *httpHandler) commands(w http.ResponseWriter, r *http.Request, body []byte) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	cmd, err := slack.SlashCommandParse(r)
	if err == nil && r.PostForm.Get("ssl_check") == "1" {
		// Slack probing the certificate of the command URL: no command.
		w.WriteHeader(http.StatusOK)
		return
	}
	if err != nil || cmd.Command == "" {
		h.log.Warn("slack command unparsable", "err", err)
		http.Error(w, "invalid command", http.StatusBadRequest)
		return
	}
	if !h.fromOrigin(w, r, commandFrom(cmd)) {
		return
	}
	in := FromSlashCommand(cmd, h.cfg.Now())
	if in.EventID == "" {
		// Slack names every invocation with a trigger_id; a body without one
		// is still told apart from its replay by its signature, which covers
		// the body and the moment it was signed.
		in.EventID = "cmdsig:" + r.Header.Get("X-Slack-Signature")
	}
	reply, err := h.handle(r, in)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if reply.Text == "" {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(commandResponse(reply))
}

func (h *httpHandler) interactivity(w http.ResponseWriter, r *http.Request, body []byte) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	cb, err := slack.InteractionCallbackParse(r)
	if err != nil {
		h.log.Warn("slack interaction unparsable", "err", err)
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	if !h.fromOrigin(w, r, interactionFrom(cb)) {
		return
	}
	in, ok := FromInteraction(cb, h.cfg.Now())
	if !ok {
		h.log.Debug("slack interaction ignored", "type", cb.Type)
		w.WriteHeader(http.StatusOK)
		return
	}
	if _, err := h.handle(r, in); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	// Empty: whatever the press changes reaches Slack through the outbox.
	w.WriteHeader(http.StatusOK)
}

// fromOrigin refuses, with 403, a correctly signed request for another
// installation of the app.
func (h *httpHandler) fromOrigin(w http.ResponseWriter, r *http.Request, from requestFrom) bool {
	if err := h.cfg.Origin.check(from); err != nil {
		h.log.Warn("slack request for another installation refused", "path", r.URL.Path, "remote", r.RemoteAddr, "err", err)
		http.Error(w, "wrong workspace or app", http.StatusForbidden)
		return false
	}
	return true
}

func (h *httpHandler) handle(r *http.Request, in channels.Inbound) (channels.Reply, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), handleTimeout)
	defer cancel()
	reply, err := h.cfg.Handler.Handle(ctx, in)
	if err != nil {
		h.log.Error("slack inbound not handled", "kind", in.Kind, "event_id", in.EventID, "channel", in.Channel, "err", err)
	}
	return reply, err
}

// slashReply is Slack's synchronous answer to a slash command.
type slashReply struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

func commandResponse(reply channels.Reply) slashReply {
	rt := slack.ResponseTypeEphemeral
	if reply.Public {
		rt = slack.ResponseTypeInChannel
	}
	return slashReply{ResponseType: rt, Text: RenderText(reply.Text)}
}
