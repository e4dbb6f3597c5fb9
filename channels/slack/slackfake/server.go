// Package slackfake is Slack's Web API in-process, for the demo, the
// benchmark and the end-to-end tests: the methods the bot uses answered and
// recorded, and the Events API requests Slack would send the bot, signed.
// It is plain net/http, so the production binary, which carries the demo,
// does not carry a test server library.
package slackfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The stand-in workspace: the bot's user id, the workspace and the app.
const (
	BotUser = "U0BOT"
	Team    = "T0NEOTEL"
	App     = "A0SUPPORT"
)

// Call is one Web API call the bot made.
type Call struct {
	Method string
	Form   url.Values
	// TS is the message's timestamp, for a post OnPost hears.
	TS string
}

// Server is the Web API. The demo shows what it receives; the end-to-end
// tests assert on it and can make it fail.
type Server struct {
	srv *httptest.Server

	mu           sync.Mutex
	calls        []Call
	seq          int
	limitNext    int    // answer this many chat.postMessage calls with 429
	limitUpdates int    // answer this many chat.update calls with 429
	limitChannel string // if set, only posts to this channel are limited
	failing      bool   // answer chat.postMessage with an internal error
	revoked      bool   // answer auth.test as Slack does a revoked bot token
	postDelay    time.Duration
	// discard keeps no calls, for long benchmark runs.
	discard bool
	// posted are the messages in the workspace, for history lookups.
	posted []postedMessage
	// onCall hears every recorded call, onPost every accepted post with its
	// ts, outside the lock.
	onCall func(Call)
	onPost func(Call)
	notify chan struct{}
	now    func() time.Time

	// files are the workspace's files by id, uploads what the bot uploaded.
	fileSeq     int
	files       map[string]storedFile
	uploads     map[string]*Upload
	uploadOrder []string
}

// postedMessage is a message the bot posted, as history returns it.
type postedMessage struct {
	Type     string          `json:"type"`
	Channel  string          `json:"-"`
	TS       string          `json:"ts"`
	ThreadTS string          `json:"thread_ts,omitempty"`
	Text     string          `json:"text"`
	User     string          `json:"user,omitempty"`
	Files    []File          `json:"files,omitempty"`
	Metadata json.RawMessage `json:"metadata,omitempty"`
}

// New starts the server; extra handlers (a Socket Mode endpoint), by path,
// take precedence over the built-in ones.
func New(extra map[string]http.HandlerFunc) *Server {
	s := &Server{notify: make(chan struct{}, 1)}
	handlers := map[string]http.HandlerFunc{
		"/auth.test": func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			revoked := s.revoked
			s.mu.Unlock()
			if revoked {
				WriteJSON(w, map[string]any{"ok": false, "error": "token_revoked"})
				return
			}
			WriteJSON(w, map[string]any{"ok": true, "user_id": BotUser, "bot_id": "B0BOT", "team_id": Team})
		},
		"/bots.info": func(w http.ResponseWriter, r *http.Request) {
			WriteJSON(w, map[string]any{"ok": true, "bot": map[string]any{"id": "B0BOT", "app_id": App, "user_id": BotUser}})
		},
		"/chat.postMessage": s.postMessage,
		"/chat.postEphemeral": func(w http.ResponseWriter, r *http.Request) {
			s.record("chat.postEphemeral", r)
			WriteJSON(w, map[string]any{"ok": true, "message_ts": s.nextTS()})
		},
		"/chat.update": func(w http.ResponseWriter, r *http.Request) {
			v := s.record("chat.update", r)
			s.mu.Lock()
			limited := s.limitUpdates > 0
			if limited {
				s.limitUpdates--
			}
			s.mu.Unlock()
			if limited {
				w.Header().Set("Retry-After", "30")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			WriteJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": v.Get("ts")})
		},
		"/conversations.replies": func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.replies", r)
			WriteJSON(w, map[string]any{"ok": true, "has_more": false, "messages": s.history(v.Get("channel"), v.Get("ts"))})
		},
		"/conversations.history": func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.history", r)
			WriteJSON(w, map[string]any{"ok": true, "has_more": false, "messages": s.history(v.Get("channel"), "")})
		},
		"/views.publish": s.publishView,
		"/conversations.open": func(w http.ResponseWriter, r *http.Request) {
			v := s.record("conversations.open", r)
			WriteJSON(w, map[string]any{"ok": true, "channel": map[string]any{"id": "D" + v.Get("users")}})
		},
	}
	for path, h := range s.fileHandlers() {
		handlers[path] = h
	}
	for path, h := range extra {
		handlers[path] = h
	}
	mux := http.NewServeMux()
	for path, h := range handlers {
		mux.HandleFunc(path, h)
	}
	s.srv = httptest.NewServer(mux)
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// APIURL is the base URL for slack.api_url.
func (s *Server) APIURL() string { return s.srv.URL + "/" }

// WriteJSON answers a Web API call.
func WriteJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// OnCall makes fn hear every call from now on, outside the server's lock.
func (s *Server) OnCall(fn func(Call)) {
	s.mu.Lock()
	s.onCall = fn
	s.mu.Unlock()
}

// OnPost makes fn hear every chat.postMessage the workspace accepted, with
// the ts it answered, so a watcher can place later replies and updates.
func (s *Server) OnPost(fn func(Call)) {
	s.mu.Lock()
	s.onPost = fn
	s.mu.Unlock()
}

// Discard keeps no calls and no messages from now on, for long runs.
func (s *Server) Discard() {
	s.mu.Lock()
	s.discard = true
	s.mu.Unlock()
}

// LimitNext answers the next n chat.postMessage calls (to channel, if set)
// with 429 Too Many Requests.
func (s *Server) LimitNext(n int, channel string) {
	s.mu.Lock()
	s.limitNext, s.limitChannel = n, channel
	s.mu.Unlock()
}

// LimitNextUpdates answers the next n chat.update calls with 429 Too Many
// Requests (Retry-After 30).
func (s *Server) LimitNextUpdates(n int) {
	s.mu.Lock()
	s.limitUpdates = n
	s.mu.Unlock()
}

// SetFailing makes chat.postMessage answer internal_error, or stop doing so.
func (s *Server) SetFailing(failing bool) {
	s.mu.Lock()
	s.failing = failing
	s.mu.Unlock()
}

// SetRevoked makes auth.test answer as Slack does a revoked bot token.
func (s *Server) SetRevoked(revoked bool) {
	s.mu.Lock()
	s.revoked = revoked
	s.mu.Unlock()
}

// SetPostDelay makes chat.postMessage answer after d: a slow Slack.
func (s *Server) SetPostDelay(d time.Duration) {
	s.mu.Lock()
	s.postDelay = d
	s.mu.Unlock()
}

// Notify receives after calls were recorded: a waiter rechecks then.
func (s *Server) Notify() <-chan struct{} { return s.notify }

func (s *Server) nextTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextTSLocked()
}

func (s *Server) nextTSLocked() string {
	s.seq++
	sec := int64(1764000000)
	if s.now != nil {
		sec = s.now().Unix()
	}
	return fmt.Sprintf("%d.%06d", sec, s.seq)
}

// StampWith makes message timestamps read now's time from here on (a fixed
// one otherwise), for a bot on a simulated clock that compares them.
func (s *Server) StampWith(now func() time.Time) {
	s.mu.Lock()
	s.now = now
	s.mu.Unlock()
}

func (s *Server) record(method string, r *http.Request) url.Values {
	_ = r.ParseForm()
	s.note(Call{Method: method, Form: r.PostForm})
	return r.PostForm
}

// note keeps a call and tells whoever watches calls.
func (s *Server) note(call Call) {
	s.mu.Lock()
	if !s.discard {
		s.calls = append(s.calls, call)
	}
	onCall := s.onCall
	s.mu.Unlock()
	if onCall != nil {
		onCall(call)
	}
	s.poke()
}

// poke tells a waiter to recheck.
func (s *Server) poke() {
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func (s *Server) postMessage(w http.ResponseWriter, r *http.Request) {
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
		WriteJSON(w, map[string]any{"ok": false, "error": "internal_error"})
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
	onPost := s.onPost
	s.mu.Unlock()
	if onPost != nil {
		onPost(Call{Method: "chat.postMessage", Form: v, TS: ts})
	}
	WriteJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": ts})
}

// publishView records a views.publish, which slack-go sends as JSON: the
// call's form holds user_id and the view as JSON text.
func (s *Server) publishView(w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserID string          `json:"user_id"`
		View   json.RawMessage `json:"view"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.UserID == "" {
		WriteJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	s.note(Call{Method: "views.publish", Form: url.Values{"user_id": {req.UserID}, "view": {string(req.View)}}})
	WriteJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V" + req.UserID, "type": "home"}})
}

// Views lists the Home views published for user, oldest first, as JSON.
func (s *Server) Views(user string) []string {
	var out []string
	for _, c := range s.CallsOf("views.publish") {
		if c.Form.Get("user_id") == user {
			out = append(out, c.Form.Get("view"))
		}
	}
	return out
}

// history lists the messages of a channel, or of one thread in it.
func (s *Server) history(channel, thread string) []postedMessage {
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

// CallsOf lists the calls of one method, oldest first.
func (s *Server) CallsOf(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Posts lists chat.postMessage calls to channel.
func (s *Server) Posts(channel string) []Call {
	var out []Call
	for _, c := range s.CallsOf("chat.postMessage") {
		if c.Form.Get("channel") == channel {
			out = append(out, c)
		}
	}
	return out
}

// Dump lists every call, one a line, for a failing test's message.
func (s *Server) Dump() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, c := range s.calls {
		fmt.Fprintf(&b, "  %s %s thread=%s: %.120q\n", c.Method, c.Form.Get("channel"), c.Form.Get("thread_ts"), c.Form.Get("text"))
	}
	return b.String()
}
