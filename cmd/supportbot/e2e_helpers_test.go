package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"supportbot/channels/slack/slackfake"
	"supportbot/store"
	"supportbot/ticketing"
)

// Fixtures of the end-to-end tests: the example config's clients, staff and
// Service Desk, a Slack workspace played by slackfake, and the bot's clock
// on a Tuesday morning in Buenos Aires.
const (
	signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	botUser       = slackfake.BotUser
	acmeChannel   = "C0ACME"
	andesChannel  = "C0ANDES"
	deskChannel   = "C0SERVICEDESK"
	acmeClient    = "U0ACMEUSER" // client staff of ACME
	andesClient   = "U0ANDESUSER"
	focalAR       = "U0FOCALAR"
	// e2eWait bounds every wait for the bot; only a failing test waits
	// that long, so it is sized for CI's loaded two cores under -race.
	e2eWait = 30 * time.Second
)

// e2eStart is Tuesday 24/11/2026 10:00 in Buenos Aires: attended hours.
var e2eStart = time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)

// tsAt is a Slack message ts sec seconds after e2eStart: Slack stamps
// messages with the real time the client wrote them.
func tsAt(sec int) string {
	return fmt.Sprintf("%d.%06d", e2eStart.Unix()+int64(sec), sec+1)
}

var deskPhones = []string{"+54 9 5276-9999", "+56 2-2928-8900"}

// fakeSlack is the stand-in Web API plus a Socket Mode endpoint speaking
// the envelope protocol, for one test.
type fakeSlack struct {
	*slackfake.Server
	t     *testing.T
	conns chan *websocket.Conn
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{t: t, conns: make(chan *websocket.Conn, 4)}
	var open []*websocket.Conn
	var openMu sync.Mutex
	f.Server = slackfake.New(map[string]http.HandlerFunc{
		"/apps.connections.open": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer xapp-test" {
				slackfake.WriteJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
				return
			}
			slackfake.WriteJSON(w, map[string]any{"ok": true, "url": "ws://" + r.Host + "/socket"})
		},
		"/socket": func(w http.ResponseWriter, r *http.Request) {
			up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
			conn, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			openMu.Lock()
			open = append(open, conn)
			openMu.Unlock()
			f.conns <- conn
		},
	})
	t.Cleanup(func() {
		openMu.Lock()
		for _, c := range open {
			_ = c.Close()
		}
		openMu.Unlock()
		f.Close()
	})
	return f
}

// eventually polls cond until it holds, for state the bot changes on its
// own goroutines.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// outboxAttempts reads how often the bot tried each queued reply.
func (r *running) outboxAttempts(target string) []int {
	r.t.Helper()
	db, err := store.Open(context.Background(), r.dbPath)
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT attempts FROM outbox WHERE target = ? ORDER BY id`, target)
	if err != nil {
		r.t.Fatal(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			r.t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// waitFor waits until cond holds over the recorded calls.
func (f *fakeSlack) waitFor(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.After(e2eWait)
	for !cond() {
		select {
		case <-f.Notify():
		case <-deadline:
			f.t.Fatalf("timed out waiting for %s; calls:\n%s", what, f.Dump())
		}
	}
}

// running is one `supportbot run` inside the test process.
type running struct {
	t      *testing.T
	base   string
	dbPath string
	clock  *ticketing.ManualClock
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
	m      *Main
	// triggers numbers the commands sent, for their trigger_id.
	triggers int
}

// syncBuffer is a log sink the bot's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// slackConfig is the example config on events or socket mode against f.
func slackConfig(t *testing.T, f *fakeSlack, mode string, replace ...string) string {
	t.Helper()
	base := []string{
		"listen: 127.0.0.1:8080", "listen: 127.0.0.1:0",
		"mode: off", "mode: " + mode,
		`bot_token: ""`, "bot_token: xoxb-test",
		`api_url: ""`, "api_url: " + f.APIURL(),
	}
	if mode == "events" {
		base = append(base, `signing_secret: ""`, "signing_secret: "+signingSecret)
	} else {
		base = append(base, `app_token: ""`, "app_token: xapp-test")
	}
	return writeConfig(t, append(base, replace...)...)
}

func startBot(t *testing.T, cfgPath string, clock *ticketing.ManualClock) *running {
	t.Helper()
	return startBotWith(t, cfgPath, clock, nil)
}

// startBotWith lets the test adjust Main before run starts.
func startBotWith(t *testing.T, cfgPath string, clock *ticketing.ManualClock, adjust func(*Main)) *running {
	t.Helper()
	logs := &syncBuffer{}
	m := &Main{
		Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs,
		Getenv: func(string) string { return "" }, Clock: clock,
	}
	if adjust != nil {
		adjust(m)
	}
	addr := make(chan string, 1)
	m.Listening = func(a string) { addr <- a }
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, clock: clock, cancel: cancel, done: make(chan error, 1), logs: logs, m: m,
		dbPath: filepath.Join(filepath.Dir(cfgPath), "state", "bot.db")}
	go func() { r.done <- m.Run(ctx, []string{"run", "-config", cfgPath, "-log-level", "debug"}) }()
	select {
	case a := <-addr:
		r.base = "http://" + a
	case err := <-r.done:
		cancel()
		t.Fatalf("run ended early: %v\n%s", err, logs)
	case <-time.After(e2eWait):
		cancel()
		t.Fatalf("run did not start listening\n%s", logs)
	}
	t.Cleanup(func() { r.stop() })
	return r
}

// stop ends run as SIGTERM would; calling it twice is harmless.
func (r *running) stop() {
	r.t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	select {
	case err := <-r.done:
		if err != nil {
			r.t.Errorf("run: %v\n%s", err, r.logs)
		}
	case <-time.After(e2eWait):
		r.t.Errorf("run did not stop\n%s", r.logs)
	}
	if err := r.m.Close(); err != nil {
		r.t.Errorf("close: %v", err)
	}
}

// signedPost sends body to path the way Slack does, signed at signedAt.
func (r *running) signedPost(path, contentType string, body []byte, signedAt time.Time, hdr ...string) int {
	r.t.Helper()
	status, _ := r.signedPostBody(path, contentType, body, signedAt, hdr...)
	return status
}

func (r *running) signedPostBody(path, contentType string, body []byte, signedAt time.Time, hdr ...string) (int, string) {
	r.t.Helper()
	req, err := slackfake.SignedRequest(context.Background(), r.base+path, contentType, body, signedAt, signingSecret)
	if err != nil {
		r.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(got)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// event posts a signed message event now.
func (r *running) event(e slackfake.Message, hdr ...string) int {
	r.t.Helper()
	return r.signedPost("/slack/events", "application/json", e.Body(), time.Now(), hdr...)
}

// command posts a signed /soporte command and returns Slack's view of the
// immediate answer.
func (r *running) command(channel, user, text string) (int, string) {
	r.t.Helper()
	return r.signedPostBody("/slack/commands", "application/x-www-form-urlencoded", r.commandBody(channel, user, text), time.Now())
}

// commandBody is a /soporte invocation as Slack posts it, with a trigger_id
// of its own as every invocation has.
func (r *running) commandBody(channel, user, text string) []byte {
	r.triggers++
	form := url.Values{"command": {"/soporte"}, "text": {text}, "user_id": {user}, "channel_id": {channel},
		"team_id": {slackfake.Team}, "api_app_id": {slackfake.App}, "trigger_id": {fmt.Sprintf("13345224609.738474920.%06d", r.triggers)},
		"response_url": {"https://hooks.slack.com/commands/1234/5678"}}
	return []byte(form.Encode())
}

// view reads the store the bot writes, as a second process would.
func (r *running) view(fn func(ctx context.Context, tx ticketing.Tx) error) {
	r.t.Helper()
	viewStore(r.t, r.dbPath, fn)
}

func viewStore(t *testing.T, path string, fn func(ctx context.Context, tx ticketing.Tx) error) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(ctx, func(tx ticketing.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
}

// tickets lists a client's tickets (every client's for "").
func (r *running) tickets(clientID string) []*ticketing.Ticket {
	r.t.Helper()
	var ts []*ticketing.Ticket
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		ts, err = tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: clientID})
		return err
	})
	return ts
}

// audits counts audit lines with action.
func (r *running) audits(action ticketing.AuditAction) int {
	r.t.Helper()
	n := 0
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		log, err := tx.AuditLog(ctx, "", time.Time{})
		for _, e := range log {
			if e.Action == action {
				n++
			}
		}
		return err
	})
	return n
}
