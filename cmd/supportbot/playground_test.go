package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// `supportbot playground` serves the page on the address it is given and
// stops when its context ends.
func TestPlaygroundCommandServes(t *testing.T) {
	m, out, errb := testMain()
	addrs := make(chan string, 1)
	m.Listening = func(addr string) { addrs <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"playground", "-listen", "127.0.0.1:0", "-start", "2026-12-09T09:00"})
	}()
	var addr string
	select {
	case addr = <-addrs:
	case err := <-done:
		t.Fatalf("playground ended before serving: %v\n%s", err, errb)
	case <-time.After(time.Minute):
		t.Fatalf("playground did not serve within a minute\n%s", errb)
	}
	res, err := http.Post("http://"+addr+"/api/say", "application/json",
		strings.NewReader(`{"as":"U0ACMEUSER","where":"C0ACME","text":"Los reportes no cargan desde esta mañana"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("say = %d", res.StatusCode)
	}
	res, err = http.Get("http://" + addr + "/api/transcript")
	if err != nil {
		t.Fatal(err)
	}
	var posts []struct {
		Where, Who, Text string
	}
	err = json.NewDecoder(res.Body).Decode(&posts)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	answered := false
	for _, p := range posts {
		answered = answered || (p.Where == "C0ACME" && p.Who == "bot" && strings.Contains(p.Text, "ticket #1"))
	}
	if !answered {
		t.Errorf("no answer with ticket #1 in the transcript: %+v", posts)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("playground after cancel: %v", err)
	}
	if !strings.Contains(out.String(), "http://"+addr+"/") {
		t.Errorf("stdout %q does not give the page's address", out)
	}
	m.Close()
}

// Usage problems exit 2 before anything starts.
func TestPlaygroundCommandRefuses(t *testing.T) {
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"playground", "-listen", "0.0.0.0:8090"}, "-public"},
		{[]string{"playground", "-listen", "127.0.0.1:0", "-start", "mañana"}, "-start"},
		{[]string{"playground", "-config", "/nonexistent/config.yaml", "-listen", "127.0.0.1:0"}, "config"},
		{[]string{"playground", "extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		m, _, _ := testMain()
		err := m.Run(context.Background(), tt.args)
		m.Close()
		if code := exitCode(err); code == 0 || err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%v: exit %d (%v), want a failure naming %q", tt.args, code, err, tt.says)
		}
		if code := exitCode(err); (tt.says == "-public" || tt.says == "-start") && code != 2 {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
	}
}
