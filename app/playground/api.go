package playground

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"time"
)

//go:embed web
var webFiles embed.FS

// maxAPIBody bounds what the API reads from a request.
const maxAPIBody = 64 << 10

// heartbeat keeps an idle event stream open through proxies.
const heartbeat = 15 * time.Second

// Handler serves the page and its API. done ends the event streams.
func (p *Playground) Handler(done <-chan struct{}) http.Handler {
	mux := http.NewServeMux()
	web, _ := fs.Sub(webFiles, "web")
	mux.Handle("GET /", noStore(http.FileServerFS(web)))
	mux.HandleFunc("GET /api/world", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"world": p.world, "now": p.Now()})
	})
	mux.HandleFunc("GET /api/transcript", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, p.Transcript())
	})
	mux.HandleFunc("POST /api/say", p.apiSay)
	mux.HandleFunc("POST /api/press", p.apiPress)
	mux.HandleFunc("POST /api/clock", p.apiClock)
	mux.HandleFunc("GET /api/events", func(w http.ResponseWriter, r *http.Request) { p.apiEvents(w, r, done) })
	return mux
}

func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:")
		h.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// readJSON decodes a bounded body of known fields into v.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	// JSON only: another site's page can post a form or plain text to a
	// loopback address without asking, but not JSON.
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": "send Content-Type: application/json"})
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAPIBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		status := http.StatusBadRequest
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			status = http.StatusRequestEntityTooLarge
		}
		writeJSON(w, status, map[string]string{"error": "request body: " + err.Error()})
		return false
	}
	if dec.More() {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "request body: one JSON object expected"})
		return false
	}
	return true
}

// answer reports what driving the bot did: refused input 400, the rest 500.
func answer(w http.ResponseWriter, err error) {
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	case errors.Is(err, ErrInput):
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
	default:
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
	}
}

func (p *Playground) apiSay(w http.ResponseWriter, r *http.Request) {
	var s Say
	if !readJSON(w, r, &s) {
		return
	}
	answer(w, p.Say(r.Context(), s))
}

func (p *Playground) apiPress(w http.ResponseWriter, r *http.Request) {
	var b Press
	if !readJSON(w, r, &b) {
		return
	}
	answer(w, p.Press(r.Context(), b))
}

// Clock is a move of the clock: advance by a duration ("15m", "1h", "1d",
// or "next": until the bot next posts) or to a time.
type Clock struct {
	Advance string `json:"advance,omitempty"`
	To      string `json:"to,omitempty"`
}

func (p *Playground) apiClock(w http.ResponseWriter, r *http.Request) {
	var c Clock
	if !readJSON(w, r, &c) {
		return
	}
	// The clock runs on even if the page goes away: half a move would
	// leave the desk at a time nobody chose.
	ctx := context.WithoutCancel(r.Context())
	var err error
	switch {
	case c.Advance != "" && c.To != "":
		err = inputErr("give advance or to, not both")
	case c.Advance == "next":
		err = p.AdvanceToNext(ctx)
	case c.Advance != "":
		d, perr := parseAdvance(c.Advance)
		if perr != nil {
			err = perr
			break
		}
		err = p.Advance(ctx, d)
	case c.To != "":
		t, perr := ParseStart(c.To, p.loc)
		if perr != nil {
			err = inputErr("to %q: want a time like 2026-12-07T15:00 or RFC 3339", c.To)
			break
		}
		err = p.AdvanceTo(ctx, t)
	default:
		err = inputErr(`give {"advance":"1h"} or {"to":"2026-12-07T15:00"}`)
	}
	if err != nil {
		answer(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "now": p.Now()})
}

// parseAdvance reads a Go duration, or whole days ("1d").
func parseAdvance(s string) (time.Duration, error) {
	var days int
	if n, err := fmt.Sscanf(s, "%dd", &days); err == nil && n == 1 && fmt.Sprintf("%dd", days) == s {
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, inputErr("advance %q: want a duration like 15m, 1h, 1d or next", s)
	}
	return d, nil
}

// apiEvents streams every new or changed post and every clock move as
// server-sent events until the page goes away or the playground stops.
func (p *Playground) apiEvents(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, cancel := p.feed.subscribe()
	defer cancel()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, ": supportbot playground\n\n")
	flusher.Flush()
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-done:
			return
		case <-beat.C:
			_, _ = io.WriteString(w, ": beat\n\n")
		case e, ok := <-ch:
			if !ok {
				return
			}
			data, err := json.Marshal(e)
			if err != nil {
				continue
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Type, data)
		}
		flusher.Flush()
	}
}
