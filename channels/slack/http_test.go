package slackchannel

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"supportbot/channels"
)

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// recorder is a channels.Handler that remembers what it was given.
type recorder struct {
	mu    sync.Mutex
	calls []channels.Inbound
	reply channels.Reply
	err   error
}

func (r *recorder) Handle(_ context.Context, in channels.Inbound) (channels.Reply, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, in)
	return r.reply, r.err
}

func (r *recorder) got() []channels.Inbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]channels.Inbound(nil), r.calls...)
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

var fixedNow = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

// newServer mounts the handler the way cmd does, under a larger mux.
func newServer(t *testing.T, h channels.Handler) *httptest.Server {
	t.Helper()
	return newServerFrom(t, h, Origin{})
}

// newServerFrom is newServer accepting requests from origin only.
func newServerFrom(t *testing.T, h channels.Handler, origin Origin) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/slack/", NewHTTPHandler(HTTPConfig{
		SigningSecret: secret, Handler: h, BotUserID: botUser, Origin: origin,
		Now: func() time.Time { return fixedNow }, Log: discardLog(),
	}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func sign(body []byte, ts string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

type reqOpt func(*http.Request)

func at(ts time.Time) reqOpt {
	return func(r *http.Request) {
		s := strconv.FormatInt(ts.Unix(), 10)
		r.Header.Set("X-Slack-Request-Timestamp", s)
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.Header.Set("X-Slack-Signature", sign(body, s))
	}
}

func header(k, v string) reqOpt { return func(r *http.Request) { r.Header.Set(k, v) } }

func unsigned() reqOpt {
	return func(r *http.Request) {
		r.Header.Del("X-Slack-Signature")
		r.Header.Del("X-Slack-Request-Timestamp")
	}
}

// post sends a signed request (signed now unless an option changes it).
func post(t *testing.T, srv *httptest.Server, path, contentType string, body []byte, opts ...reqOpt) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	at(time.Now())(req)
	for _, o := range opts {
		o(req)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

const messageEvent = `{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev08MFMKH6","event_time":1712345678,
"event":{"type":"message","user":"UCLIENT","text":"el discador no levanta","ts":"1712345678.123456","channel":"CACME","channel_type":"channel","event_ts":"1712345678.123456"}}`

func TestHTTPEvent(t *testing.T) {
	rec := &recorder{}
	srv := newServer(t, rec)
	code, _, _ := post(t, srv, "/slack/events", "application/json", []byte(messageEvent),
		header("X-Slack-Retry-Num", "1"), header("X-Slack-Retry-Reason", "http_timeout"))
	if code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	calls := rec.got()
	if len(calls) != 1 {
		t.Fatalf("handler called %d times, want 1", len(calls))
	}
	want := channels.Inbound{Platform: channels.Slack, Kind: channels.KindMessage, EventID: "Ev08MFMKH6",
		MessageID: "1712345678.123456", Channel: "CACME", UserID: "UCLIENT", Text: "el discador no levanta", At: tsTime}
	if !reflect.DeepEqual(calls[0], want) {
		t.Errorf("got  %+v\nwant %+v", calls[0], want)
	}
}

func TestHTTPEventHandlerErrorAsksForRetry(t *testing.T) {
	rec := &recorder{err: errors.New("database is locked")}
	srv := newServer(t, rec)
	if code, _, _ := post(t, srv, "/slack/events", "application/json", []byte(messageEvent)); code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", code)
	}
	if n := len(rec.got()); n != 1 {
		t.Errorf("handler called %d times, want 1", n)
	}
}

func TestHTTPEventIgnored(t *testing.T) {
	tests := []struct{ name, body string }{
		{"own message", strings.Replace(messageEvent, `"user":"UCLIENT"`, `"user":"`+botUser+`"`, 1)},
		{"edit", strings.Replace(messageEvent, `"type":"message",`, `"type":"message","subtype":"message_changed",`, 1)},
		{"event type not used", `{"type":"event_callback","event_id":"Ev1","event":{"type":"channel_created","channel":{"id":"C1"}}}`},
		{"event type slack-go does not know", `{"type":"event_callback","event_id":"Ev2","event":{"type":"brand_new_event","x":1}}`},
		{"app rate limited", `{"type":"app_rate_limited","minute_rate_limited":1518467820,"api_app_id":"A1"}`},
		{"unknown outer type", `{"type":"something_else"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			srv := newServer(t, rec)
			if code, _, _ := post(t, srv, "/slack/events", "application/json", []byte(tc.body)); code != http.StatusOK {
				t.Errorf("status %d, want 200", code)
			}
			if n := len(rec.got()); n != 0 {
				t.Errorf("handler called %d times, want 0", n)
			}
		})
	}
}

func TestHTTPURLVerification(t *testing.T) {
	rec := &recorder{}
	srv := newServer(t, rec)
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	code, got, _ := post(t, srv, "/slack/events", "application/json", []byte(body))
	if code != http.StatusOK || got != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("got %d %q", code, got)
	}
	if n := len(rec.got()); n != 0 {
		t.Errorf("handler called %d times, want 0", n)
	}
}

func TestHTTPRefused(t *testing.T) {
	big := []byte(`{"type":"event_callback","pad":"` + strings.Repeat("x", maxBodyBytes) + `"}`)
	tests := []struct {
		name     string
		path     string
		body     []byte
		opts     []reqOpt
		wantCode int
	}{
		{"bad signature", "/slack/events", []byte(messageEvent),
			[]reqOpt{header("X-Slack-Signature", "v0="+strings.Repeat("ab", 32))}, http.StatusUnauthorized},
		{"signature of another body", "/slack/events", []byte(messageEvent),
			[]reqOpt{header("X-Slack-Signature", sign([]byte("{}"), strconv.FormatInt(time.Now().Unix(), 10)))}, http.StatusUnauthorized},
		{"malformed signature", "/slack/events", []byte(messageEvent),
			[]reqOpt{header("X-Slack-Signature", "v1=zz")}, http.StatusUnauthorized},
		{"timestamp six minutes old", "/slack/events", []byte(messageEvent),
			[]reqOpt{at(time.Now().Add(-6 * time.Minute))}, http.StatusUnauthorized},
		{"timestamp six minutes ahead", "/slack/events", []byte(messageEvent),
			[]reqOpt{at(time.Now().Add(6 * time.Minute))}, http.StatusUnauthorized},
		{"timestamp not a number", "/slack/events", []byte(messageEvent),
			[]reqOpt{header("X-Slack-Request-Timestamp", "yesterday")}, http.StatusUnauthorized},
		{"missing headers", "/slack/events", []byte(messageEvent), []reqOpt{unsigned()}, http.StatusUnauthorized},
		{"missing headers on commands", "/slack/commands", []byte("command=%2Fsoporte"), []reqOpt{unsigned()}, http.StatusUnauthorized},
		{"missing headers on interactivity", "/slack/interactivity", []byte("payload=%7B%7D"), []reqOpt{unsigned()}, http.StatusUnauthorized},
		{"body over 1 MiB", "/slack/events", big, nil, http.StatusRequestEntityTooLarge},
		{"invalid JSON", "/slack/events", []byte(`{"type":"event_callback",`), nil, http.StatusBadRequest},
		{"wanted event malformed", "/slack/events", []byte(`{"type":"event_callback","event":{"type":"message","ts":12}}`), nil, http.StatusBadRequest},
		{"command without command", "/slack/commands", []byte("text=hola"), nil, http.StatusBadRequest},
		{"command form broken", "/slack/commands", []byte("command=%zz"), nil, http.StatusBadRequest},
		{"interaction without payload", "/slack/interactivity", []byte("x=1"), nil, http.StatusBadRequest},
		{"interaction payload not JSON", "/slack/interactivity", []byte("payload=%7Bnope"), nil, http.StatusBadRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			srv := newServer(t, rec)
			ct := "application/json"
			if tc.path != "/slack/events" {
				ct = "application/x-www-form-urlencoded"
			}
			code, _, _ := post(t, srv, tc.path, ct, tc.body, tc.opts...)
			if code != tc.wantCode {
				t.Errorf("status %d, want %d", code, tc.wantCode)
			}
			if n := len(rec.got()); n != 0 {
				t.Errorf("handler called %d times, want 0", n)
			}
		})
	}
}

func TestHTTPRouting(t *testing.T) {
	srv := newServer(t, &recorder{})
	resp, err := srv.Client().Get(srv.URL + "/slack/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", resp.StatusCode)
	}
	if code, _, _ := post(t, srv, "/slack/other", "application/json", []byte("{}")); code != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", code)
	}
}

func commandForm() []byte {
	return []byte(url.Values{
		"token": {"x"}, "team_id": {"T1"}, "channel_id": {"CACME"}, "channel_name": {"acme-soporte"},
		"user_id": {"UAGENT"}, "user_name": {"ana"}, "command": {"/soporte"}, "text": {"estado 42"},
		"response_url": {"https://hooks.slack.com/commands/T1/1/x"}, "trigger_id": {"13345224609.738474920.8088930838d88f008e0"},
	}.Encode())
}

func TestHTTPCommand(t *testing.T) {
	for _, public := range []bool{false, true} {
		rec := &recorder{reply: channels.Reply{Text: "Ticket #42: en curso", Public: public}}
		srv := newServer(t, rec)
		code, body, hdr := post(t, srv, "/slack/commands", "application/x-www-form-urlencoded", commandForm())
		if code != http.StatusOK {
			t.Fatalf("status %d, want 200", code)
		}
		if ct := hdr.Get("Content-Type"); ct != "application/json" {
			t.Errorf("content type %q", ct)
		}
		var got map[string]string
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("reply %q: %v", body, err)
		}
		wantType := "ephemeral"
		if public {
			wantType = "in_channel"
		}
		if got["response_type"] != wantType || got["text"] != "Ticket #42: en curso" {
			t.Errorf("reply = %v", got)
		}
		calls := rec.got()
		if len(calls) != 1 {
			t.Fatalf("handler called %d times", len(calls))
		}
		want := channels.Inbound{Platform: channels.Slack, Kind: channels.KindCommand,
			EventID: "cmd:13345224609.738474920.8088930838d88f008e0", Channel: "CACME", UserID: "UAGENT", UserName: "ana",
			Command: "/soporte", Text: "estado 42", ResponseURL: "https://hooks.slack.com/commands/T1/1/x", At: fixedNow}
		if !reflect.DeepEqual(calls[0], want) {
			t.Errorf("got  %+v\nwant %+v", calls[0], want)
		}
	}
}

func TestHTTPCommandSSLCheck(t *testing.T) {
	rec := &recorder{}
	srv := newServer(t, rec)
	body := []byte("ssl_check=1&token=x")
	if code, _, _ := post(t, srv, "/slack/commands", "application/x-www-form-urlencoded", body); code != http.StatusOK {
		t.Errorf("status %d, want 200", code)
	}
	if n := len(rec.got()); n != 0 {
		t.Errorf("handler called %d times", n)
	}
}

func TestHTTPCommandHandlerError(t *testing.T) {
	srv := newServer(t, &recorder{err: errors.New("boom")})
	if code, _, _ := post(t, srv, "/slack/commands", "application/x-www-form-urlencoded", commandForm()); code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", code)
	}
}

const blockActionsPayload = `{"type":"block_actions","user":{"id":"UCLIENT","username":"cliente","name":"cliente","team_id":"T1"},
"api_app_id":"A1","token":"x","container":{"type":"message","message_ts":"1712345700.000200","channel_id":"CACME","is_ephemeral":false},
"trigger_id":"1234.5678.abcd","team":{"id":"T1","domain":"acme"},"channel":{"id":"CACME","name":"acme-soporte"},
"message":{"type":"message","user":"UBOT","ts":"1712345700.000200","thread_ts":"1712340000.000100","text":"¿Qué es?"},
"response_url":"https://hooks.slack.com/actions/T1/1/x",
"actions":[{"action_id":"ticket_kind#2","block_id":"b1","text":{"type":"plain_text","text":"Consulta"},"value":"42:consulta","type":"button","action_ts":"1712345701.000000"}]}`

func TestHTTPInteraction(t *testing.T) {
	rec := &recorder{reply: channels.Reply{Text: "not shown"}}
	srv := newServer(t, rec)
	body := []byte(url.Values{"payload": {blockActionsPayload}}.Encode())
	code, got, _ := post(t, srv, "/slack/interactivity", "application/x-www-form-urlencoded", body)
	if code != http.StatusOK || got != "" {
		t.Fatalf("got %d %q, want 200 and an empty body", code, got)
	}
	calls := rec.got()
	if len(calls) != 1 {
		t.Fatalf("handler called %d times", len(calls))
	}
	want := channels.Inbound{Platform: channels.Slack, Kind: channels.KindAction, EventID: "act:1234.5678.abcd",
		MessageID: "1712345700.000200", Channel: "CACME", ThreadTS: "1712340000.000100", UserID: "UCLIENT", UserName: "cliente",
		ResponseURL: "https://hooks.slack.com/actions/T1/1/x", ActionID: "ticket_kind", ActionValue: "42:consulta", At: fixedNow}
	if !reflect.DeepEqual(calls[0], want) {
		t.Errorf("got  %+v\nwant %+v", calls[0], want)
	}

	// Other interactions are acknowledged and not passed on.
	rec2 := &recorder{}
	srv2 := newServer(t, rec2)
	body = []byte(url.Values{"payload": {`{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1"}}`}}.Encode())
	if code, _, _ := post(t, srv2, "/slack/interactivity", "application/x-www-form-urlencoded", body); code != http.StatusOK {
		t.Errorf("view_submission: status %d, want 200", code)
	}
	if n := len(rec2.got()); n != 0 {
		t.Errorf("handler called %d times for a view submission", n)
	}
}

func TestHTTPEmptySecretRefusesAll(t *testing.T) {
	rec := &recorder{}
	h := NewHTTPHandler(HTTPConfig{Handler: rec, Log: discardLog()})
	req := httptest.NewRequest(http.MethodPost, "/slack/events", strings.NewReader(messageEvent))
	at(time.Now())(req)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusUnauthorized || len(rec.got()) != 0 {
		t.Errorf("status %d, calls %d", w.Code, len(rec.got()))
	}
}

// FuzzHTTPHandler feeds correctly signed arbitrary bodies to every endpoint:
// whatever arrives, the answer is a status, never a panic.
func FuzzHTTPHandler(f *testing.F) {
	for _, s := range []string{
		messageEvent, `{}`, `[]`, `null`, `{"type":"event_callback","event":null}`,
		`{"type":"event_callback","event":{"type":"reaction_added","item":null}}`,
		`{"type":"event_callback","event":{"type":"app_mention","user":"U1","ts":"1.1","files":[{}]}}`,
		`{"type":"event_callback","event":{"type":"message","subtype":"file_share","message":null}}`,
		"payload=" + url.QueryEscape(blockActionsPayload), "payload=" + url.QueryEscape(`{"type":"block_actions","actions":[{"block_id":"b"}]}`),
		"payload=" + url.QueryEscape(`{"type":"block_actions","actions":[null]}`),
		string(commandForm()), "command=%2Fsoporte&text=%ff%fe", "\xff\xfe\x00",
	} {
		f.Add(s)
	}
	rec := &recorder{}
	h := NewHTTPHandler(HTTPConfig{SigningSecret: secret, Handler: rec, BotUserID: botUser, Log: discardLog()})
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/slack/events", "/slack/commands", "/slack/interactivity"} {
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			at(time.Now())(req)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			switch w.Code {
			case http.StatusOK, http.StatusBadRequest:
			default:
				t.Errorf("%s: status %d for %q", path, w.Code, body)
			}
		}
	})
}
