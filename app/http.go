package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/config"
)

// HTTPTimeouts bound every request, so a client that sends its body a byte
// at a time cannot hold a connection, a goroutine and a file descriptor for
// as long as it likes.
type HTTPTimeouts struct {
	// Header is for the request line and headers.
	Header time.Duration
	// Read is for the whole request, body included: Slack's are a few KiB.
	Read time.Duration
	// Write runs from the end of the headers to the end of the answer; it
	// outlasts the Slack handler's own bound, so a slow store still answers.
	Write time.Duration
	// Idle is how long a kept-alive connection waits for the next request.
	Idle time.Duration
}

var defaultHTTPTimeouts = HTTPTimeouts{Header: 5 * time.Second, Read: 10 * time.Second, Write: 20 * time.Second, Idle: 60 * time.Second}

// maxHeaderBytes bounds request headers; Slack's are well under 8 KiB.
const maxHeaderBytes = 64 << 10

func newHTTPServer(h http.Handler, t HTTPTimeouts) *http.Server {
	return &http.Server{
		Handler: h, ReadHeaderTimeout: t.Header, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle,
		MaxHeaderBytes: maxHeaderBytes,
	}
}

// Readiness is what /readyz says, so an operator sees which part is down.
type Readiness struct {
	Ready bool   `json:"ready"`
	Role  string `json:"role"`
	Store string `json:"store"`
	// StoreDriver is sqlite or postgres.
	StoreDriver string `json:"store_driver"`
	Slack       string `json:"slack"`
	WhatsApp    string `json:"whatsapp"`
	// WhatsAppPhoneSeen is when the bot's phone was last online (RFC 3339).
	WhatsAppPhoneSeen string `json:"whatsapp_phone_last_seen,omitempty"`
}

// Handler serves /healthz, /readyz, /metrics and, in events mode, Slack's
// requests under /slack/.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		rd := a.readiness(r)
		w.Header().Set("Content-Type", "application/json")
		if !rd.Ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(rd)
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		a.metrics.SetSlackConnected(a.cfg.Slack.Mode != config.SlackOff && a.slackReady())
		a.metrics.SetWhatsAppLinked(a.whatsapp != nil && a.whatsapp.Status().Linked() || a.cloud != nil)
		a.metrics.Handler().ServeHTTP(w, r)
	})
	if a.slackHTTP != nil {
		mux.Handle("/slack/", a.slackHTTP)
	}
	if a.cloud != nil {
		mux.Handle(cloud.WebhookPath, a.cloud)
	}
	return mux
}

// readiness needs a writable store and, when Slack is configured, a live
// Slack connection. WhatsApp's state is reported but does not count: the
// desk is alerted when the link is lost, and restarting the bot would not
// relink a number.
func (a *App) readiness(r *http.Request) Readiness {
	rd := Readiness{Ready: true, Role: a.Role(), Store: "ok", StoreDriver: a.db.Driver(), Slack: a.cfg.Slack.Mode, WhatsApp: "disabled"}
	if err := a.pingStore(r.Context()); err != nil {
		a.log.Warn("not ready: store", "err", err)
		rd.Ready, rd.Store = false, err.Error()
	}
	if a.cfg.Slack.Mode != config.SlackOff {
		if a.slackReady() {
			rd.Slack = "connected"
		} else {
			rd.Ready, rd.Slack = false, "disconnected"
		}
	}
	if a.cloud != nil {
		rd.WhatsApp = a.cloudReadiness()
	}
	if a.whatsapp != nil && !a.leader.Load() {
		rd.WhatsApp = "held by the leader"
	} else if a.whatsapp != nil {
		st := a.whatsapp.Status()
		rd.WhatsApp = string(st.Current())
		rd.WhatsAppPhoneSeen = a.whatsapp.Health().LastSeen().UTC().Format(time.RFC3339)
		if d := st.Detail(); d != "" {
			rd.WhatsApp += ": " + d
		}
	}
	return rd
}

// storePingWait bounds the readiness write: a store that cannot take a write
// within it (locked, disk failing, read-only) is not ready.
const storePingWait = 2 * time.Second

// pingStore writes the heartbeat, giving up after storePingWait even if the
// driver is still waiting on the lock; the write itself then ends on the
// store's busy timeout.
func (a *App) pingStore(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, storePingWait)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.db.Ping(ctx, a.clock.Now()) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("store not writable within %s", storePingWait)
	}
}
