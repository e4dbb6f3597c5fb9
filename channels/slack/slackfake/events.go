package slackfake

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// What Slack sends the bot, built in-process: the demo and the benchmark
// play client messages through the real endpoint with these, and so do the
// end-to-end tests.

// Message is one message event, a thread reply when ThreadTS is set.
type Message struct {
	EventID, Channel, User, TS, ThreadTS, Text string
	// Files are attached (AddFile), which makes it a file_share.
	Files []File
}

// Event is the inner event of the callback.
func (e Message) Event() map[string]any {
	ev := map[string]any{"type": "message", "channel": e.Channel, "channel_type": "group", "user": e.User,
		"text": e.Text, "ts": e.TS, "event_ts": e.TS}
	if e.ThreadTS != "" {
		ev["thread_ts"] = e.ThreadTS
	}
	if len(e.Files) > 0 {
		ev["subtype"], ev["files"] = "file_share", e.Files
	}
	return ev
}

// Body is the Events API callback carrying the message, stamped with the
// message's own time as Slack does.
func (e Message) Body() []byte {
	sec, _, _ := strings.Cut(e.TS, ".")
	at, _ := strconv.ParseInt(sec, 10, 64)
	return EventBody(e.EventID, at, e.Event())
}

// EventBody wraps an inner event as an Events API callback from the
// stand-in workspace and app.
func EventBody(eventID string, eventTime int64, event map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"token": "legacy", "team_id": Team, "api_app_id": App,
		"type": "event_callback", "event_id": eventID, "event_time": eventTime, "event": event})
	return b
}

// Signature signs a request body the way Slack does (v0, HMAC-SHA256 of
// "v0:timestamp:body" with the signing secret).
func Signature(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", timestamp, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// SignedRequest is a POST of body to url, signed at signedAt with secret.
func SignedRequest(ctx context.Context, url, contentType string, body []byte, signedAt time.Time, secret string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(signedAt.Unix(), 10)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", Signature(secret, ts, body))
	return req, nil
}

// RandomSecret is a fresh signing secret for one run.
func RandomSecret() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// HomeOpened is the Events API callback of user opening the app's Home tab.
func HomeOpened(eventID, user string, at time.Time) []byte {
	ts := fmt.Sprintf("%d.%06d", at.Unix(), at.Nanosecond()/1000)
	return EventBody(eventID, at.Unix(), map[string]any{"type": "app_home_opened", "user": user, "channel": "D" + user,
		"tab": "home", "event_ts": ts})
}

// ServeSigned sends a request signed with secret, as Slack would, straight
// to handler (no socket), and returns its status and body: how the demo and
// the playground drive the app's own endpoints.
func ServeSigned(handler http.Handler, path, contentType string, body []byte, secret string) (int, []byte) {
	req, err := SignedRequest(context.Background(), path, contentType, body, time.Now(), secret)
	if err != nil {
		return http.StatusBadRequest, nil
	}
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}
