package slackchannel

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"

	"supportbot/channels"
	"supportbot/ticketing"
)

// calls records the form of every Web API call a fake Slack receives.
type calls struct {
	mu   sync.Mutex
	byMe map[string][]url.Values
}

func (c *calls) record(method string, r *http.Request) url.Values {
	body, _ := io.ReadAll(r.Body)
	v, _ := url.ParseQuery(string(body))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byMe == nil {
		c.byMe = map[string][]url.Values{}
	}
	c.byMe[method] = append(c.byMe[method], v)
	return v
}

func (c *calls) of(method string) []url.Values {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]url.Values(nil), c.byMe[method]...)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// newSlack starts slacktest's server with what it lacks for the sender:
// chat.update and conversations.open, and a chat.postMessage that records
// its form (slacktest's own only forwards it to an RTM websocket).
func newSlack(t *testing.T) (*slacktest.Server, *calls) {
	t.Helper()
	rec := &calls{}
	s := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			v := rec.record("chat.postMessage", r)
			writeJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": "1712345800.000100"})
		})
	})
	s.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
		v := rec.record("chat.update", r)
		writeJSON(w, map[string]any{"ok": true, "channel": v.Get("channel"), "ts": v.Get("ts"), "text": v.Get("text")})
	})
	s.Handle("/conversations.open", func(w http.ResponseWriter, r *http.Request) {
		v := rec.record("conversations.open", r)
		writeJSON(w, map[string]any{"ok": true, "channel": map[string]any{"id": "D" + v.Get("users")}})
	})
	s.Start()
	t.Cleanup(s.Stop)
	return s, rec
}

func decodeFormBlocks(t *testing.T, v url.Values) []wireBlock {
	t.Helper()
	var out []wireBlock
	if err := json.Unmarshal([]byte(v.Get("blocks")), &out); err != nil {
		t.Fatalf("blocks %q: %v", v.Get("blocks"), err)
	}
	return out
}

func TestSenderPostInThreadWithButtons(t *testing.T) {
	s, rec := newSlack(t)
	sender := NewSender(NewClient("xoxb-test", "", s.GetAPIURL()))
	ts, err := sender.Send(context.Background(), ticketing.OutboxItem{
		ID: 1, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1712345678.123456"}, Mode: ticketing.ModePost,
		Text: "¿Es un incidente o una consulta?",
		Buttons: []ticketing.Button{
			{ActionID: "ticket_kind", Label: "Incidente", Value: "42:incidente", Style: "primary"},
			{ActionID: "ticket_kind", Label: "Consulta", Value: "42:consulta"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ts != "1712345800.000100" {
		t.Errorf("ts = %q", ts)
	}
	got := rec.of("chat.postMessage")
	if len(got) != 1 {
		t.Fatalf("%d posts", len(got))
	}
	v := got[0]
	if v.Get("channel") != "CACME" || v.Get("thread_ts") != "1712345678.123456" || v.Get("text") != "¿Es un incidente o una consulta?" {
		t.Errorf("form = %v", v)
	}
	blocks := decodeFormBlocks(t, v)
	if len(blocks) != 2 || blocks[0].Type != "section" || blocks[1].Type != "actions" || len(blocks[1].Elements) != 2 {
		t.Fatalf("blocks = %+v", blocks)
	}
	if e := blocks[1].Elements[0]; e.ActionID != "ticket_kind" || e.Value != "42:incidente" || e.Style != "primary" || e.Text.Text != "Incidente" {
		t.Errorf("first button = %+v", e)
	}
	if e := blocks[1].Elements[1]; e.ActionID != "ticket_kind#2" || e.Value != "42:consulta" || e.Style != "" {
		t.Errorf("second button = %+v", e)
	}
}

func TestSenderDM(t *testing.T) {
	s, rec := newSlack(t)
	sender := NewSender(NewClient("xoxb-test", "", s.GetAPIURL()))
	ts, err := sender.Send(context.Background(), ticketing.OutboxItem{ID: 2, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UFOCAL"}, Mode: ticketing.ModeDirect, Text: "Vence el ticket #42"})
	if err != nil {
		t.Fatal(err)
	}
	if ts != "1712345800.000100" {
		t.Errorf("ts = %q", ts)
	}
	open := rec.of("conversations.open")
	if len(open) != 1 || open[0].Get("users") != "UFOCAL" {
		t.Fatalf("conversations.open = %v", open)
	}
	posts := rec.of("chat.postMessage")
	if len(posts) != 1 || posts[0].Get("channel") != "DUFOCAL" || posts[0].Get("text") != "Vence el ticket #42" || posts[0].Has("blocks") {
		t.Errorf("posts = %v", posts)
	}
}

func TestSenderUpdate(t *testing.T) {
	s, rec := newSlack(t)
	sender := NewSender(NewClient("xoxb-test", "", s.GetAPIURL()))
	ts, err := sender.Send(context.Background(), ticketing.OutboxItem{ID: 3, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1712340000.000100"}, Mode: ticketing.ModeUpdate,
		EditRef: "1712345700.000200", Text: "Elegido: incidente"})
	if err != nil {
		t.Fatal(err)
	}
	if ts != "1712345700.000200" {
		t.Errorf("ts = %q", ts)
	}
	got := rec.of("chat.update")
	if len(got) != 1 {
		t.Fatalf("%d updates", len(got))
	}
	v := got[0]
	// The old buttons go: blocks are sent empty, not left out.
	if v.Get("channel") != "CACME" || v.Get("ts") != "1712345700.000200" || v.Get("text") != "Elegido: incidente" || v.Get("blocks") != "[]" || v.Has("thread_ts") {
		t.Errorf("form = %v", v)
	}
}

func TestSenderEphemeral(t *testing.T) {
	s, _ := newSlack(t)
	sender := NewSender(NewClient("xoxb-test", "", s.GetAPIURL()))
	ts, err := sender.Send(context.Background(), ticketing.OutboxItem{ID: 4, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModeEphemeral,
		UserID: "UCLIENT", Text: "Solo vos ves esto"})
	if err != nil {
		t.Fatal(err)
	}
	if ts == "" {
		t.Error("no ts")
	}
	// slacktest's chat.postEphemeral records what it was sent as an outgoing message.
	if !s.SawOutgoingMessage("Solo vos ves esto") {
		t.Error("ephemeral not seen by slacktest")
	}
	var found bool
	for _, m := range s.GetSeenOutboundMessages() {
		var msg slack.Message
		if json.Unmarshal([]byte(m), &msg) == nil && msg.Text == "Solo vos ves esto" {
			found = msg.User == "UCLIENT" && msg.Channel == "CACME"
		}
	}
	if !found {
		t.Errorf("ephemeral not addressed to UCLIENT in CACME: %v", s.GetSeenOutboundMessages())
	}
}

func TestSenderRefusesBadItems(t *testing.T) {
	sender := NewSender(NewClient("xoxb-test", "", "http://127.0.0.1:1/"))
	for _, item := range []ticketing.OutboxItem{
		{To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000000"}, Mode: ticketing.ModePost, Text: "x"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: "carrier_pigeon", Text: "x"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack}, Mode: ticketing.ModePost, Text: "no target"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModeUpdate, Text: "no edit ts"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModeEphemeral, Text: "no user"},
	} {
		_, err := sender.Send(context.Background(), item)
		if _, ok := errors.AsType[*channels.PermanentError](err); !ok {
			t.Errorf("%s to %q: err = %v, want PermanentError", item.Route(), item.To.Address, err)
		}
	}
}

// fakeAPI answers every Web API call with the given status, headers and body.
func fakeAPI(t *testing.T, status int, hdr map[string]string, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		for k, v := range hdr {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestSenderErrors(t *testing.T) {
	post := ticketing.OutboxItem{ID: 9, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModePost, Text: "hola"}
	dm := ticketing.OutboxItem{ID: 10, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "UGONE"}, Mode: ticketing.ModeDirect, Text: "hola"}
	tests := []struct {
		name          string
		status        int
		hdr           map[string]string
		body          string
		item          ticketing.OutboxItem
		wantRetry     time.Duration
		wantRateLimit bool
		wantPermanent bool
	}{
		{"429 with Retry-After", http.StatusTooManyRequests, map[string]string{"Retry-After": "7"}, "", post, 7 * time.Second, true, false},
		{"429 without Retry-After", http.StatusTooManyRequests, nil, "", post, 0, true, false},
		{"channel_not_found", http.StatusOK, nil, `{"ok":false,"error":"channel_not_found"}`, post, 0, false, true},
		{"is_archived", http.StatusOK, nil, `{"ok":false,"error":"is_archived"}`, post, 0, false, true},
		{"user_not_found on DM", http.StatusOK, nil, `{"ok":false,"error":"user_not_found"}`, dm, 0, false, true},
		{"internal_error is retried", http.StatusOK, nil, `{"ok":false,"error":"internal_error"}`, post, 0, false, false},
		{"invalid_auth is retried", http.StatusOK, nil, `{"ok":false,"error":"invalid_auth"}`, post, 0, false, false},
		{"503 is retried", http.StatusServiceUnavailable, nil, "<html>down</html>", post, 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sender := NewSender(NewClient("xoxb-test", "", fakeAPI(t, tc.status, tc.hdr, tc.body)))
			_, err := sender.Send(context.Background(), tc.item)
			if err == nil {
				t.Fatal("no error")
			}
			rl, isRL := errors.AsType[*channels.RateLimitError](err)
			_, isPerm := errors.AsType[*channels.PermanentError](err)
			if isRL != tc.wantRateLimit || isPerm != tc.wantPermanent {
				t.Fatalf("err = %v (%T): rate limit %v, permanent %v", err, err, isRL, isPerm)
			}
			if isRL && rl.RetryAfter != tc.wantRetry {
				t.Errorf("RetryAfter = %s, want %s", rl.RetryAfter, tc.wantRetry)
			}
			if !strings.Contains(err.Error(), "slack ") {
				t.Errorf("error does not say where it came from: %v", err)
			}
		})
	}
}

func TestSenderContextCancelled(t *testing.T) {
	s, _ := newSlack(t)
	sender := NewSender(NewClient("xoxb-test", "", s.GetAPIURL()))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := sender.Send(ctx, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModePost, Text: "x"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if _, ok := errors.AsType[*channels.PermanentError](err); ok {
		t.Error("a cancelled send must stay retryable")
	}
}

func TestBotIdentity(t *testing.T) {
	s := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/auth.test", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, map[string]any{"ok": true, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"})
		})
	})
	s.Start()
	t.Cleanup(s.Stop)
	// No trailing slash: NewClient adds it.
	client := NewClient("xoxb-test", "", strings.TrimSuffix(s.GetAPIURL(), "/"))
	id, err := BotIdentity(context.Background(), client)
	if want := (Identity{UserID: "UBOT", BotID: "BBOT", TeamID: "T1"}); err != nil || id != want {
		t.Errorf("got %+v %v, want %+v", id, err, want)
	}
	// slacktest's bots.info names its own app.
	if app, err := AppOfBot(context.Background(), client, "BBOT"); err != nil || app != "A4H1JB4AZ" {
		t.Errorf("app = %q %v", app, err)
	}

	bad := NewClient("xoxb-test", "", fakeAPI(t, http.StatusOK, nil, `{"ok":false,"error":"invalid_auth"}`))
	_, err = BotIdentity(context.Background(), bad)
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") || !TokenRefused(err) {
		t.Errorf("err = %v, want a refused token (invalid_auth)", err)
	}
}

func TestTokenRefused(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{`{"ok":false,"error":"invalid_auth"}`, true},
		{`{"ok":false,"error":"token_revoked"}`, true},
		{`{"ok":false,"error":"internal_error"}`, false},
		{`{"ok":false,"error":"fatal_error"}`, false},
	}
	for _, tt := range tests {
		_, err := BotIdentity(context.Background(), NewClient("xoxb-test", "", fakeAPI(t, http.StatusOK, nil, tt.body)))
		if got := TokenRefused(err); got != tt.want {
			t.Errorf("TokenRefused(%s) = %v, want %v", tt.body, got, tt.want)
		}
	}
	if TokenRefused(errors.New("dial tcp: connection refused")) {
		t.Error("a network error is not a refused token")
	}
}
