package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"supportbot/app"
	"supportbot/store"
	"supportbot/ticketing"
)

// outboxRows counts the replies the bot has queued, but for digests.
func (r *running) outboxRows() int {
	r.t.Helper()
	db, err := store.Open(context.Background(), r.dbPath)
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	var n int
	// Morning digests are queued by the scheduler at start, whenever it gets
	// to them, and a card is redrawn when its ticket's thread starts, when
	// delivery gets there: neither is the command's doing.
	if err := db.SQL().QueryRowContext(context.Background(),
		`SELECT count(*) FROM outbox WHERE COALESCE(dedupe_key, '') NOT LIKE 'sched:digest:%' AND card <> 'edit'`).Scan(&n); err != nil {
		r.t.Fatal(err)
	}
	return n
}

// serverConns counts the goroutines serving an HTTP connection, in every
// server of the process: the bot's and the fake Slack's.
func serverConns() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "net/http.(*conn).serve(")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// acceptedConns counts the open connections the bot's own server accepted
// on port, read from the kernel's socket tables: the fake Slack's server
// runs in the same process, and its keep-alive connections come and go with
// the bot's deliveries, so goroutines alone cannot tell the two apart.
func acceptedConns(t *testing.T, port string) int {
	t.Helper()
	p, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	local := fmt.Sprintf(":%04X ", p)
	n := 0
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		raw, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(raw), "\n")[1:] {
			f := strings.Fields(line)
			// local_address, rem_address, st: 01 is ESTABLISHED.
			if len(f) > 3 && strings.HasSuffix(f[1]+" ", local) && f[3] == "01" {
				n++
			}
		}
	}
	return n
}

// The same signed /soporte critico body, replayed within Slack's 5-minute
// window, opens one ticket and pages once.
func TestReplayedSlashCommandRunsOnce(t *testing.T) {
	t.Run("with its trigger_id", func(t *testing.T) { testReplayedCommand(t, func(b []byte) []byte { return b }) })
	// A body without one is still known by its signature.
	t.Run("without a trigger_id", func(t *testing.T) {
		testReplayedCommand(t, func(b []byte) []byte {
			v, err := url.ParseQuery(string(b))
			if err != nil {
				t.Fatal(err)
			}
			v.Del("trigger_id")
			return []byte(v.Encode())
		})
	})
}

func testReplayedCommand(t *testing.T, shape func([]byte) []byte) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	const desk = "U0SDESK01"
	body := shape(r.commandBody(deskChannel, desk, "critico acme se cayó la plataforma, nadie puede loguearse"))
	signedAt := time.Now()

	status, first := r.signedPostBody("/slack/commands", "application/x-www-form-urlencoded", body, signedAt)
	if status != http.StatusOK || !strings.Contains(first, "incidente crítico #1") {
		t.Fatalf("first = %d %s, want the critical ticket opened\n%s", status, first, r.logs)
	}
	rows := r.outboxRows()
	if rows == 0 {
		t.Fatal("the critical ticket queued no pages")
	}
	for i := range 2 {
		if status, answer := r.signedPostBody("/slack/commands", "application/x-www-form-urlencoded", body, signedAt); status != http.StatusOK || answer != "" {
			t.Errorf("replay %d = %d %q, want 200 and no answer", i+1, status, answer)
		}
	}
	if got := len(r.tickets("acme")); got != 1 {
		t.Errorf("tickets = %d, want 1", got)
	}
	if got := r.outboxRows(); got != rows {
		t.Errorf("outbox rows = %d after the replays, want %d", got, rows)
	}
	if got := r.audits("critical_opened"); got != 1 {
		t.Errorf("critical_opened audit lines = %d, want 1", got)
	}

	// Another invocation of the same text is a new command.
	if status, answer := r.command(deskChannel, desk, "critico acme se cayó la plataforma, nadie puede loguearse"); status != http.StatusOK || !strings.Contains(answer, "#2") {
		t.Errorf("a new invocation = %d %q, want ticket #2", status, answer)
	}
}

// A client that sends a freshly stamped request's body a byte at a time is
// cut off by the server's read timeout, and every goroutine it held ends.
func TestSlowBodiesAreCutOff(t *testing.T) {
	f := newFakeSlack(t)
	r := startBotWith(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart), func(m *Main) {
		m.httpTimeouts = &app.HTTPTimeouts{Header: 200 * time.Millisecond, Read: 300 * time.Millisecond, Write: time.Second, Idle: time.Second}
	})
	// The bot's own goroutines come and go (deliveries, Slack client
	// connections); the server's, one per connection, are what a slow
	// client holds.
	addr := strings.TrimPrefix(r.base, "http://")
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	baseline, baselineGoroutines := acceptedConns(t, port), serverConns()

	const clients = 20
	cut := make(chan string, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				cut <- fmt.Sprintf("client %d: %v", i, err)
				return
			}
			defer conn.Close()
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			fmt.Fprintf(conn, "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n"+
				"X-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: v0=%s\r\n\r\n", ts, strings.Repeat("0", 64))
			// The server answers or hangs up; reading sees either.
			answered := make(chan string, 1)
			go func() {
				line, err := bufio.NewReader(conn).ReadString('\n')
				if err != nil {
					line = "closed: " + err.Error()
				}
				answered <- line
			}()
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			giveUp := time.After(e2eWait)
			for {
				select {
				case line := <-answered:
					cut <- line
					return
				case <-tick.C:
					_, _ = conn.Write([]byte("x"))
				case <-giveUp:
					cut <- "" // never cut off
					return
				}
			}
		})
	}
	wg.Wait()
	close(cut)
	for line := range cut {
		if line == "" || strings.HasPrefix(line, "client ") {
			t.Errorf("slow client not cut off by the server: %q", line)
		}
	}

	deadline := time.Now().Add(e2eWait)
	for n := acceptedConns(t, port); n > baseline; n = acceptedConns(t, port) {
		if time.Now().After(deadline) {
			t.Fatalf("connections the bot's server holds = %d, baseline %d", n, baseline)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Each held connection is a serving goroutine, and they end too (the
	// fake Slack's keep-alives may add a few of their own meanwhile).
	for n := serverConns(); n > baselineGoroutines+3; n = serverConns() {
		if time.Now().After(deadline) {
			t.Fatalf("HTTP server connection goroutines = %d, baseline %d: the slow clients' are still there", n, baselineGoroutines)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := len(r.tickets("")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
}

// A token Slack refuses stops run with exit status 2 and names the key;
// "slack connected" is never claimed.
func TestRefusedSlackTokenExitsTwo(t *testing.T) {
	tests := []struct {
		name    string
		mode    string
		replace []string
		revoked bool
		wantKey string
	}{
		{name: "bot token, events mode", mode: "events", revoked: true, wantKey: "slack.bot_token"},
		{name: "bot token, socket mode", mode: "socket", revoked: true, wantKey: "slack.bot_token"},
		{name: "app token", mode: "socket", replace: []string{"app_token: xapp-test", "app_token: xapp-revoked"}, wantKey: "slack.app_token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			f.SetRevoked(tt.revoked)
			cfg := slackConfig(t, f, tt.mode, tt.replace...)
			logs := &syncBuffer{}
			m := &Main{Stdin: strings.NewReader(""), Stdout: &syncBuffer{}, Stderr: logs, Getenv: func(string) string { return "" },
				Clock: ticketing.NewManualClock(e2eStart)}
			t.Cleanup(func() { _ = m.Close() })
			ctx, cancel := context.WithTimeout(context.Background(), e2eWait)
			defer cancel()
			err := m.Run(ctx, []string{"run", "-config", cfg, "-log-level", "debug"})
			if ctx.Err() != nil {
				t.Fatalf("run kept going with a refused token\n%s", logs)
			}
			if got := exitCode(err); got != 2 {
				t.Errorf("exit = %d (%v), want 2", got, err)
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantKey) {
				t.Errorf("error = %v, want it to name %s", err, tt.wantKey)
			}
			for _, never := range []string{"slack connected", "slack socket mode connected"} {
				if strings.Contains(logs.String(), never) {
					t.Errorf("logged %q with a refused token:\n%s", never, logs)
				}
			}
		})
	}
}
