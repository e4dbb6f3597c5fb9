package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack/slacktest"
)

// The stand-in workspace: the bot's user id, the workspace and the app.
const (
	standInBotUser = "U0BOT"
	standInTeam    = "T0NEOTEL"
	standInApp     = "A0SUPPORT"
)

// apiCall is one Web API call the bot made.
type apiCall struct {
	Method string
	Form   url.Values
}

// slackStandIn is Slack's Web API in-process: slacktest with the methods the
// bot uses answered and recorded. The demo shows what it receives; the
// end-to-end tests assert on it and can make it fail.
type slackStandIn struct {
	srv *slacktest.Server

	mu           sync.Mutex
	calls        []apiCall
	seq          int
	limitNext    int    // answer this many chat.postMessage calls with 429
	limitChannel string // if set, only posts to this channel are limited
	failing      bool   // answer chat.postMessage with an internal error
	revoked      bool   // answer auth.test as Slack does a revoked bot token
	postDelay    time.Duration
	// discard keeps no calls, for long benchmark runs.
	discard bool
	// posted are the messages in the workspace, for history lookups.
	posted []postedMessage
	// onCall hears every recorded call, outside the lock.
	onCall func(apiCall)
	notify chan struct{}
}

// postedMessage is a message the bot posted, as history returns it.
type postedMessage struct {
	Type     string          `json:"type"`
	Channel  string          `json:"-"`
	TS       string          `json:"ts"`
	ThreadTS string          `json:"thread_ts,omitempty"`
	Text     string          `json:"text"`
	Metadata json.RawMessage `json:"metadata,omitempty"`
}

// newSlackStandIn starts the server; extra handlers (a Socket Mode
// endpoint) are bound first and take precedence.
func newSlackStandIn(extra ...slacktest.Binder) *slackStandIn {
	s := &slackStandIn{notify: make(chan struct{}, 1)}
	binders := append(extra, func(c slacktest.Customize) {
		c.Handle("/auth.test", func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			revoked := s.revoked
			s.mu.Unlock()
			if revoked {
				writeJSON(w, map[string]any{"ok": false, "error": "token_revoked"})
				return
			}
			writeJSON(w, map[string]any{"ok": true, "user_id": standInBotUser, "bot_id": "B0BOT", "team_id": standInTeam})
		})
		c.Handle("/bots.info", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, map[string]any{"ok": true, "bot": map[string]any{"id": "B0BOT", "app_id": standInApp, "user_id": standInBotUser}})
		})
		c.Handle("/chat.postMessage", s.postMessage)
		c.Handle("/chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
			s.record("chat.postEphemeral", r)
			writeJSON(w, map[string]any{"ok": true, "message_ts": s.nextTS()})
		})
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			v := s.record("chat.update", r)
			writeJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": v.Get("ts")})
		})
		c.Handle("/conversations.replies", func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.replies", r)
			writeJSON(w, map[string]any{"ok": true, "has_more": false, "messages": s.history(v.Get("channel"), v.Get("ts"))})
		})
		c.Handle("/conversations.history", func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.history", r)
			writeJSON(w, map[string]any{"ok": true, "has_more": false, "messages": s.history(v.Get("channel"), "")})
		})
		c.Handle("/conversations.open", func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.open", r)
			writeJSON(w, map[string]any{"ok": true, "channel": map[string]any{"id": "D" + v.Get("users")}})
		})
	})
	s.srv = slacktest.NewTestServer(binders...)
	s.srv.Start()
	return s
}

func (s *slackStandIn) Close() { s.srv.Stop() }

func (s *slackStandIn) apiURL() string { return s.srv.GetAPIURL() }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *slackStandIn) nextTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return fmt.Sprintf("1764000000.%06d", s.seq)
}

func (s *slackStandIn) record(method string, r *http.Request) url.Values {
	_ = r.ParseForm()
	call := apiCall{method, r.PostForm}
	s.mu.Lock()
	if !s.discard {
		s.calls = append(s.calls, call)
	}
	onCall := s.onCall
	s.mu.Unlock()
	if onCall != nil {
		onCall(call)
	}
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return r.PostForm
}

func (s *slackStandIn) postMessage(w http.ResponseWriter, r *http.Request) {
	v := s.record("chat.postMessage", r)
	s.mu.Lock()
	limited := s.limitNext > 0 && (s.limitChannel == "" || s.limitChannel == v.Get("channel"))
	failing, delay := s.failing, s.postDelay
	if limited {
		s.limitNext--
	}
	s.mu.Unlock()
	// A slow Slack: the post is recorded on arrival, answered after delay.
	time.Sleep(delay)
	switch {
	case limited:
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case failing:
		writeJSON(w, map[string]any{"ok": false, "error": "internal_error"})
		return
	}
	ts := s.nextTS()
	s.mu.Lock()
	if !s.discard {
		msg := postedMessage{Type: "message", Channel: v.Get("channel"), TS: ts, ThreadTS: v.Get("thread_ts"), Text: v.Get("text")}
		if md := v.Get("metadata"); md != "" {
			msg.Metadata = json.RawMessage(md)
		}
		s.posted = append(s.posted, msg)
	}
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": ts})
}

// history lists the messages of a channel, or of one thread in it.
func (s *slackStandIn) history(channel, thread string) []postedMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []postedMessage{}
	for _, m := range s.posted {
		if m.Channel == channel && (thread == "" || m.ThreadTS == thread || m.TS == thread) {
			out = append(out, m)
		}
	}
	return out
}

// callsOf lists the calls of one method, oldest first.
func (s *slackStandIn) callsOf(method string) []apiCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []apiCall
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// posts lists chat.postMessage calls to channel.
func (s *slackStandIn) posts(channel string) []apiCall {
	var out []apiCall
	for _, c := range s.callsOf("chat.postMessage") {
		if c.Form.Get("channel") == channel {
			out = append(out, c)
		}
	}
	return out
}

func (s *slackStandIn) dump() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, c := range s.calls {
		fmt.Fprintf(&b, "  %s %s thread=%s: %.120q\n", c.Method, c.Form.Get("channel"), c.Form.Get("thread_ts"), c.Form.Get("text"))
	}
	return b.String()
}
