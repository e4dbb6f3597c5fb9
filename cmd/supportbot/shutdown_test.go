package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// childEnv makes the test binary run main() instead of the tests, so a test
// can run the real process, signals and all.
const childEnv = "SUPPORTBOT_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child is `supportbot run` as a separate process.
type child struct {
	cmd    *exec.Cmd
	base   string
	stderr *syncBuffer
	exited chan error
}

func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, stderr: &syncBuffer{}, exited: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			c.stderr.Write([]byte(line + "\n"))
			var rec struct {
				Msg  string `json:"msg"`
				HTTP string `json:"http"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "supportbot running" {
				addr <- rec.HTTP
			}
		}
		_, _ = io.Copy(io.Discard, pipe)
		c.exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	select {
	case a := <-addr:
		c.base = "http://" + a
	case err := <-c.exited:
		t.Fatalf("child exited early: %v\n%s", err, c.stderr)
	case <-time.After(e2eWait):
		t.Fatalf("child did not start\n%s", c.stderr)
	}
	return c
}

// SIGTERM while answers are still being delivered: the process stops taking
// events, delivers for the grace period, exits cleanly, and the next start
// delivers the rest. Every accepted message has its ticket and exactly one
// answer.
func TestSIGTERMDuringDeliveryLosesNothing(t *testing.T) {
	f := newFakeSlack(t)
	f.SetPostDelay(150 * time.Millisecond)
	cfg := slackConfig(t, f, "events")
	c := startChild(t, "run", "-config", cfg, "-shutdown-timeout", "500ms")
	r := &running{t: t, base: c.base, dbPath: strings.TrimSuffix(cfg, "config.yaml") + "state/bot.db"}

	const n = 20
	for i := range n {
		// One client each: one person's messages this close would be one case.
		msg := slackfake.Message{EventID: fmt.Sprintf("EvTerm%02d", i), Channel: acmeChannel, User: fmt.Sprintf("U0TERM%02d", i),
			TS: fmt.Sprintf("%d.%06d", time.Now().Unix(), i+1), Text: fmt.Sprintf("¿Cómo exportamos el reporte de llamadas de la campaña %d?", i)}
		if got := r.event(msg); got != http.StatusOK {
			t.Fatalf("event %d status = %d", i, got)
		}
	}
	f.waitFor("delivery under way", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.exited:
		if err != nil {
			t.Fatalf("child exit: %v\n%s", err, c.stderr)
		}
	case <-time.After(e2eWait):
		t.Fatalf("child did not stop on SIGTERM\n%s", c.stderr)
	}
	if got := len(r.tickets("acme")); got != n {
		t.Fatalf("tickets after SIGTERM = %d, want %d", got, n)
	}
	before := len(f.Posts(acmeChannel))
	if before >= n {
		t.Logf("all %d answers went out before exit; the restart has nothing to do", before)
	}

	f.SetPostDelay(0)
	r2 := startBot(t, cfg, ticketing.NewManualClock(time.Now().Add(time.Hour)))
	f.waitFor("every answer", func() bool { return len(f.Posts(acmeChannel)) >= n })
	r2.stop()
	threads := map[string]int{}
	for _, p := range f.Posts(acmeChannel) {
		threads[p.Form.Get("thread_ts")]++
	}
	if len(threads) != n {
		t.Errorf("answered threads = %d, want %d", len(threads), n)
	}
	for ts, k := range threads {
		if k != 1 {
			t.Errorf("thread %s answered %d times, want once", ts, k)
		}
	}
}
