package playground

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// testStart is a Wednesday when ACME's desk (Buenos Aires) is open, so an
// incident's clock runs at once.
const testStart = "2026-12-09T09:00"

// The demo's people and places.
const (
	acmeUser    = "U0ACMEUSER"
	acmeChannel = "C0ACME"
	focalAR     = "U0FOCALAR"
	acmePhone   = "+5491155550101"
	incident    = "Los reportes de la campaña de cobranzas no cargan desde esta mañana"
)

type rig struct {
	t   *testing.T
	p   *Playground
	url string
}

// newRig starts the playground and serves its page and API on loopback.
func newRig(t *testing.T, o Options) *rig {
	t.Helper()
	if o.Start == "" {
		o.Start = testStart
	}
	p, err := New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	srv := httptest.NewServer(p.Handler(done))
	t.Cleanup(func() {
		close(done)
		srv.Close()
		p.Close()
	})
	return &rig{t: t, p: p, url: srv.URL}
}

// post sends body (JSON-encoded unless already a string) and returns the
// status and the answer.
func (r *rig) post(path string, body any) (int, string) {
	r.t.Helper()
	raw, ok := body.(string)
	if !ok {
		b, err := json.Marshal(body)
		if err != nil {
			r.t.Fatal(err)
		}
		raw = string(b)
	}
	res, err := http.Post(r.url+path, "application/json", strings.NewReader(raw))
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// must posts and fails the test unless the answer is 200.
func (r *rig) must(path string, body any) {
	r.t.Helper()
	if code, out := r.post(path, body); code != http.StatusOK {
		r.t.Fatalf("POST %s %v = %d %s", path, body, code, out)
	}
}

// transcript reads GET /api/transcript.
func (r *rig) transcript() []Post {
	r.t.Helper()
	res, err := http.Get(r.url + "/api/transcript")
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	var posts []Post
	if err := json.NewDecoder(res.Body).Decode(&posts); err != nil {
		r.t.Fatal(err)
	}
	return posts
}

// find is the first post where match holds; the test fails, showing the
// transcript, when none does.
func (r *rig) find(what string, match func(Post) bool) Post {
	r.t.Helper()
	posts := r.transcript()
	for _, p := range posts {
		if match(p) {
			return p
		}
	}
	r.t.Fatalf("no post %s in the transcript:\n%s", what, dump(posts))
	return Post{}
}

func dump(posts []Post) string {
	var b bytes.Buffer
	for _, p := range posts {
		b.WriteString("  " + p.Where + " thread=" + p.Thread + " ts=" + p.TS + " " + p.Who + ": " + strings.ReplaceAll(p.Text, "\n", " ⏎ ") + "\n")
	}
	return b.String()
}
