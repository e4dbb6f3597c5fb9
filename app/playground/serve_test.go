package playground

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestCheckListen(t *testing.T) {
	tests := []struct {
		addr   string
		public bool
		ok     bool
	}{
		{"127.0.0.1:8090", false, true},
		{"localhost:8090", false, true},
		{"[::1]:8090", false, true},
		{"0.0.0.0:8090", false, false},
		{":8090", false, false},
		{"192.168.1.10:8090", false, false},
		{"0.0.0.0:8090", true, true},
		{"nonsense", false, false},
	}
	for _, tt := range tests {
		err := CheckListen(tt.addr, tt.public)
		if got := err == nil; got != tt.ok {
			t.Errorf("CheckListen(%q, %v) = %v, want ok %v", tt.addr, tt.public, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrUsage) {
			t.Errorf("CheckListen(%q) error %v is not a usage error", tt.addr, err)
		}
	}
}

// The page's stream carries the client's post and the bot's answer as
// they happen, and the clock's moves.
func TestEventsStream(t *testing.T) {
	r := newRig(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url+"/api/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q, want text/event-stream", ct)
	}
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	r.must("/api/clock", map[string]string{"advance": "15m"})
	want := []string{`"who":"U0ACMEUSER"`, `ticket #1`, `event: clock`}
	var seen []string
	sc := bufio.NewScanner(res.Body)
	for len(want) > 0 && sc.Scan() {
		line := sc.Text()
		seen = append(seen, line)
		if strings.Contains(line, want[0]) {
			want = want[1:]
		}
	}
	if len(want) > 0 {
		t.Errorf("stream lacks %q in order; saw:\n%s", want, strings.Join(seen, "\n"))
	}
}

// Serve refuses a non-loopback address without public, before listening.
func TestServeRefusesPublicAddress(t *testing.T) {
	r := newRig(t, Options{})
	err := r.p.Serve(context.Background(), "0.0.0.0:0", false, nil)
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "-public") {
		t.Errorf("Serve on 0.0.0.0 = %v, want a usage error naming -public", err)
	}
}
