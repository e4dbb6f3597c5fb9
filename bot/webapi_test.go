package bot_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	slackchannel "supportbot/channels/slack"
	"supportbot/ticketing"
)

// webAPI is Slack's Web API as the deliverer uses it, reached through the
// real slack-go client: chat.postMessage, and the thread and history
// lookups made after an attempt that may have gone out. By the injected
// clock it can rate limit everything, or fail with 500s, half of them
// after keeping the post (Slack took it, then failed to say so); posts to
// a channel in hang wait until that channel closes or the caller gives up.
type webAPI struct {
	srv   *httptest.Server
	clock ticketing.Clock

	mu           sync.Mutex
	limitedUntil time.Time
	failingUntil time.Time
	retryAfter   int
	hang         map[string]chan struct{}
	hanging      int
	posts        []apiPost
	seq          int
	limited      int
	failed       int
	kept         int // posts kept while answering 500
	lookups      int
	updates      int
	// arrived hears of every kept post and every post that starts or stops
	// hanging.
	arrived chan struct{}
}

// apiPost is a message the workspace holds.
type apiPost struct {
	Channel  string
	ThreadTS string
	TS       string
	Text     string
	OutboxID int64
	metadata json.RawMessage
}

func newWebAPI(t *testing.T, clock ticketing.Clock) *webAPI {
	t.Helper()
	a := &webAPI{clock: clock, retryAfter: 1, hang: map[string]chan struct{}{}, arrived: make(chan struct{}, 1)}
	mux := http.NewServeMux()
	mux.HandleFunc("/chat.postMessage", a.postMessage)
	mux.HandleFunc("/chat.update", a.update)
	mux.HandleFunc("/conversations.replies", a.lookup)
	mux.HandleFunc("/conversations.history", a.lookup)
	a.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		a.mu.Lock()
		for ch, c := range a.hang {
			close(c)
			delete(a.hang, ch)
		}
		a.mu.Unlock()
		a.srv.Close()
	})
	return a
}

// sender is the bot's real Slack sender pointed at this API.
func (a *webAPI) sender() *slackchannel.Sender {
	return slackchannel.NewSender(slackchannel.NewClient("xoxb-test", "", a.srv.URL))
}

// trouble is the outage of the moment: a status to answer with, and
// whether a post is kept all the same.
func (a *webAPI) trouble(post bool) (status int, keep bool) {
	now := a.clock.Now()
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case now.Before(a.limitedUntil):
		a.limited++
		return http.StatusTooManyRequests, false
	case now.Before(a.failingUntil):
		a.failed++
		keep = post && a.failed%2 == 0
		if keep {
			a.kept++
		}
		return http.StatusInternalServerError, keep
	}
	return http.StatusOK, false
}

func (a *webAPI) fail(w http.ResponseWriter, status int) {
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", strconv.Itoa(a.retryAfter))
	}
	w.WriteHeader(status)
}

func (a *webAPI) postMessage(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	f := r.PostForm
	a.mu.Lock()
	hang := a.hang[f.Get("channel")]
	if hang != nil {
		a.hanging++
	}
	a.mu.Unlock()
	if hang != nil {
		a.signal()
		select {
		case <-hang:
		case <-r.Context().Done():
		}
		a.mu.Lock()
		a.hanging--
		a.mu.Unlock()
		a.signal()
		if r.Context().Err() != nil {
			return
		}
	}
	status, keep := a.trouble(true)
	if status != http.StatusOK && !keep {
		a.fail(w, status)
		return
	}
	p := apiPost{Channel: f.Get("channel"), ThreadTS: f.Get("thread_ts"), Text: f.Get("text"), metadata: json.RawMessage(f.Get("metadata"))}
	var md struct {
		EventPayload struct {
			OutboxID string `json:"outbox_id"`
		} `json:"event_payload"`
	}
	if json.Unmarshal(p.metadata, &md) == nil {
		p.OutboxID, _ = strconv.ParseInt(md.EventPayload.OutboxID, 10, 64)
	}
	a.mu.Lock()
	a.seq++
	p.TS = fmt.Sprintf("1764000000.%06d", a.seq)
	a.posts = append(a.posts, p)
	a.mu.Unlock()
	a.signal()
	if keep {
		a.fail(w, status)
		return
	}
	writeJSON(w, map[string]any{"ok": true, "channel": p.Channel, "ts": p.TS})
}

// update rewrites a kept post in place, as chat.update does; an unknown
// message is Slack's message_not_found.
func (a *webAPI) update(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	f := r.PostForm
	if status, _ := a.trouble(false); status != http.StatusOK {
		a.fail(w, status)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := range a.posts {
		if a.posts[i].Channel == f.Get("channel") && a.posts[i].TS == f.Get("ts") {
			a.posts[i].Text = f.Get("text")
			a.updates++
			writeJSON(w, map[string]any{"ok": true, "channel": a.posts[i].Channel, "ts": a.posts[i].TS})
			return
		}
	}
	writeJSON(w, map[string]any{"ok": false, "error": "message_not_found"})
}

// lookup answers conversations.replies (a thread: ts set) and
// conversations.history (a channel) with the posts and their metadata.
func (a *webAPI) lookup(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	if status, _ := a.trouble(false); status != http.StatusOK {
		a.fail(w, status)
		return
	}
	channel, thread := r.Form.Get("channel"), r.Form.Get("ts")
	a.mu.Lock()
	a.lookups++
	msgs := []map[string]any{}
	for _, p := range a.posts {
		if p.Channel != channel || thread != "" && p.TS != thread && p.ThreadTS != thread {
			continue
		}
		m := map[string]any{"type": "message", "ts": p.TS, "text": p.Text}
		if p.ThreadTS != "" {
			m["thread_ts"] = p.ThreadTS
		}
		if len(p.metadata) > 0 {
			m["metadata"] = p.metadata
		}
		msgs = append(msgs, m)
	}
	a.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "has_more": false, "messages": msgs})
}

// signal tells waitFor that something changed.
func (a *webAPI) signal() {
	select {
	case a.arrived <- struct{}{}:
	default:
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (a *webAPI) snapshot() []apiPost {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]apiPost(nil), a.posts...)
}

// hangPosts makes posts to channel wait; the returned func lets them go.
func (a *webAPI) hangPosts(channel string) (release func()) {
	c := make(chan struct{})
	a.mu.Lock()
	a.hang[channel] = c
	a.mu.Unlock()
	return func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		if a.hang[channel] == c {
			close(c)
			delete(a.hang, channel)
		}
	}
}

// waitFor waits until cond holds, checking whenever a post arrives or one
// starts or stops hanging; the bound only keeps a broken deliverer from hanging the
// test.
func (a *webAPI) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-a.arrived:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
