package slackchannel

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"supportbot/channels"
)

// guard bounds every wait: a failing test fails instead of hanging.
const guard = 10 * time.Second

// fakeSocketSlack serves apps.connections.open and hands each websocket
// connection the runner opens to the test.
func fakeSocketSlack(t *testing.T) (apiURL string, conns <-chan *websocket.Conn) {
	t.Helper()
	f := newSocketSlack(t)
	return f.url, f.conns
}

// socketSlack is Slack's Socket Mode side: apps.connections.open, which
// answers 503 while down is positive, and the websocket it points to.
type socketSlack struct {
	url   string
	conns chan *websocket.Conn
	down  atomic.Int32 // apps.connections.open calls still to refuse
	opens atomic.Int32 // apps.connections.open calls so far
}

func newSocketSlack(t *testing.T) *socketSlack {
	t.Helper()
	f := &socketSlack{conns: make(chan *websocket.Conn, 4)}
	var mu sync.Mutex
	var open []*websocket.Conn
	mux := http.NewServeMux()
	// Unstarted, so the address is known before any handler can run.
	srv := httptest.NewUnstartedServer(mux)
	wsURL := "ws://" + srv.Listener.Addr().String() + "/ws"
	mux.HandleFunc("/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		f.opens.Add(1)
		if f.down.Add(-1) >= 0 {
			http.Error(w, "slack is down", http.StatusServiceUnavailable)
			return
		}
		if r.Header.Get("Authorization") != "Bearer xapp-test" {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "url": wsURL})
	})
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		// slack-go dials with Origin https://api.slack.com.
		up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		mu.Lock()
		open = append(open, c)
		mu.Unlock()
		f.conns <- c
	})
	srv.Start()
	f.url = srv.URL
	t.Cleanup(func() {
		mu.Lock()
		for _, c := range open {
			_ = c.Close()
		}
		mu.Unlock()
		srv.Close()
	})
	return f
}

func envelope(typ, id string, payload string) map[string]any {
	return map[string]any{"type": typ, "envelope_id": id, "payload": json.RawMessage(payload), "accepts_response_payload": typ != "events_api"}
}

type ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

func TestSocketRunner(t *testing.T) {
	apiURL, conns := fakeSocketSlack(t)

	var mu sync.Mutex
	var handled []channels.Inbound
	h := channels.HandlerFunc(func(_ context.Context, in channels.Inbound) (channels.Reply, error) {
		mu.Lock()
		defer mu.Unlock()
		handled = append(handled, in)
		switch in.Kind {
		case channels.KindCommand:
			return channels.Reply{Text: "Ticket #42: en curso", Public: true}, nil
		case channels.KindMessage:
			if in.EventID == "EvFail" {
				return channels.Reply{}, errors.New("database is locked")
			}
		}
		return channels.Reply{}, nil
	})
	handledIDs := func() []string {
		mu.Lock()
		defer mu.Unlock()
		var ids []string
		for _, in := range handled {
			ids = append(ids, in.EventID)
		}
		return ids
	}

	runner := NewSocketRunner(SocketConfig{Client: NewClient("xoxb-test", "xapp-test", apiURL), Handler: h, BotUserID: botUser,
		Now: func() time.Time { return fixedNow }, Log: discardLog()})
	if runner.Connected() {
		t.Fatal("connected before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- runner.Run(ctx) }()

	var conn *websocket.Conn
	select {
	case conn = <-conns:
	case <-time.After(guard):
		t.Fatal("runner did not connect")
	}

	failing := strings.Replace(messageEvent, "Ev08MFMKH6", "EvFail", 1)
	own := strings.Replace(strings.Replace(messageEvent, "Ev08MFMKH6", "EvOwn", 1), `"user":"UCLIENT"`, `"user":"`+botUser+`"`, 1)
	script := []any{
		map[string]any{"type": "hello", "num_connections": 1},
		envelope("events_api", "env-fail", failing),
		envelope("events_api", "env-ok", messageEvent),
		envelope("events_api", "env-own", own),
		envelope("events_api", "env-unknown", `{"type":"event_callback","event_id":"EvNew","event":{"type":"brand_new_event"}}`),
		envelope("slash_commands", "env-cmd", `{"command":"/soporte","text":"estado 42","user_id":"UAGENT","channel_id":"CACME","trigger_id":"t.1"}`),
		envelope("interactive", "env-act", blockActionsPayload),
	}
	for _, m := range script {
		if err := conn.WriteJSON(m); err != nil {
			t.Fatal(err)
		}
	}

	// Acks arrive in handling order; env-fail must never be among them.
	want := []string{"env-ok", "env-own", "env-unknown", "env-cmd", "env-act"}
	var got []ack
	_ = conn.SetReadDeadline(time.Now().Add(guard))
	for len(got) < len(want) {
		var a ack
		if err := conn.ReadJSON(&a); err != nil {
			t.Fatalf("reading acks after %v: %v", got, err)
		}
		if a.EnvelopeID == "env-ok" {
			// Acknowledged only once the handler has run (later envelopes
			// may be handled by now too).
			if ids := handledIDs(); len(ids) < 2 || ids[0] != "EvFail" || ids[1] != "Ev08MFMKH6" {
				t.Errorf("handled before env-ok ack: %v", ids)
			}
			if !runner.Connected() {
				t.Error("not connected while serving")
			}
		}
		got = append(got, a)
	}
	for i, a := range got {
		if a.EnvelopeID != want[i] {
			t.Fatalf("ack %d = %s, want %s (all: %+v)", i, a.EnvelopeID, want[i], got)
		}
	}
	var reply map[string]string
	if err := json.Unmarshal(got[3].Payload, &reply); err != nil || reply["response_type"] != "in_channel" || reply["text"] != "Ticket #42: en curso" {
		t.Errorf("command ack payload %s (%v)", got[3].Payload, err)
	}
	if len(got[0].Payload) != 0 || len(got[4].Payload) != 0 {
		t.Errorf("event and action acks carry a payload: %s / %s", got[0].Payload, got[4].Payload)
	}

	mu.Lock()
	if len(handled) != 4 {
		t.Errorf("handled %d inbounds, want 4 (fail, ok, command, action): %+v", len(handled), handled)
	} else {
		if c := handled[2]; c.Kind != channels.KindCommand || c.EventID != "cmd:t.1" || c.At != fixedNow {
			t.Errorf("command = %+v", c)
		}
		if a := handled[3]; a.Kind != channels.KindAction || a.ActionID != "ticket_kind" || a.MessageID != "1712345700.000200" {
			t.Errorf("action = %+v", a)
		}
	}
	mu.Unlock()

	cancel()
	select {
	case err := <-runErr:
		if err != nil {
			t.Errorf("Run after cancel = %v, want nil", err)
		}
	case <-time.After(guard):
		t.Fatal("Run did not stop on cancel")
	}
	if runner.Connected() {
		t.Error("still connected after Run returned")
	}
}

func TestSocketRunnerInvalidToken(t *testing.T) {
	f := newSocketSlack(t)
	runner := NewSocketRunner(SocketConfig{Client: NewClient("xoxb-test", "xapp-revoked", f.url), Handler: channels.HandlerFunc(
		func(context.Context, channels.Inbound) (channels.Reply, error) { return channels.Reply{}, nil }),
		BotUserID: botUser, Log: discardLog()})
	errc := make(chan error, 1)
	go func() { errc <- runner.Run(context.Background()) }()
	select {
	case err := <-errc:
		if err == nil || !strings.Contains(err.Error(), "invalid_auth") || !TokenRefused(err) {
			t.Errorf("err = %v, want a refused token (invalid_auth)", err)
		}
	case <-time.After(guard):
		t.Fatal("Run kept going with a refused token")
	}
	if got := f.opens.Load(); got != 1 {
		t.Errorf("apps.connections.open calls = %d, want 1: a refused token is not retried", got)
	}
}

func TestFitAck(t *testing.T) {
	// '<' is escaped to six bytes in JSON, the worst case.
	r := fitAck(slashReply{ResponseType: "ephemeral", Text: strings.Repeat("<", 10000)})
	b, _ := json.Marshal(r)
	if len(b) >= maxAckBytes || r.Text == "" {
		t.Errorf("ack of %d bytes, text %d bytes", len(b), len(r.Text))
	}
	short := slashReply{ResponseType: "ephemeral", Text: "hola"}
	if fitAck(short) != short {
		t.Error("short reply changed")
	}
}

// An outage of apps.connections.open is waited out with a backoff that
// grows to the cap and no further, with jitter; the first attempt after the
// outage connects.
func TestSocketRunnerReconnectsWithinCap(t *testing.T) {
	const outage = 7
	const maxWait = 4 * time.Second
	f := newSocketSlack(t)
	f.down.Store(outage)
	var mu sync.Mutex
	var waits []time.Duration
	runner := NewSocketRunner(SocketConfig{
		Client: NewClient("xoxb-test", "xapp-test", f.url), BotUserID: botUser, Log: discardLog(),
		Handler:    channels.HandlerFunc(func(context.Context, channels.Inbound) (channels.Reply, error) { return channels.Reply{}, nil }),
		MaxBackoff: maxWait,
		// Instant, so the test does not sit through the backoff it checks.
		Wait: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			waits = append(waits, d)
			mu.Unlock()
			return ctx.Err()
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- runner.Run(ctx) }()
	select {
	case <-f.conns:
	case err := <-runErr:
		t.Fatalf("Run ended: %v", err)
	case <-time.After(guard):
		t.Fatal("runner did not connect after the outage")
	}
	cancel()
	if err := <-runErr; err != nil {
		t.Errorf("Run = %v", err)
	}

	if got := f.opens.Load(); got != outage+1 {
		t.Errorf("apps.connections.open calls = %d, want %d (the outage, then one that connects)", got, outage+1)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(waits) != outage {
		t.Fatalf("waits = %v, want one per failed attempt (%d)", waits, outage)
	}
	for i, d := range waits {
		// Doubling from 1 s, capped; the upper half is random.
		base := min(maxWait, time.Second<<i)
		if d < base/2 || d > base {
			t.Errorf("wait %d = %v, want within [%v, %v]", i+1, d, base/2, base)
		}
	}
	capped := waits[3:]
	if slices.Min(capped) == slices.Max(capped) {
		t.Errorf("capped waits %v are all equal: no jitter", capped)
	}
}

func TestBackoff(t *testing.T) {
	for n := 1; n < 100; n++ {
		base := 30 * time.Second
		if n < 6 {
			base = time.Second << (n - 1)
		}
		if d := backoff(n, 30*time.Second); d < base/2 || d > base {
			t.Errorf("backoff(%d) = %v, want within [%v, %v]", n, d, base/2, base)
		}
	}
}
