package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// The bot killed with SIGKILL at random points under load, several times,
// restarted on the same files each time: every event it acknowledged has
// exactly one ticket, every owed answer reaches Slack exactly once, and no
// answer is posted for an event it did not acknowledge.
func TestKill9UnderLoadLosesAndRepeatsNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test")
	}
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events")
	dbPath := strings.TrimSuffix(cfg, "config.yaml") + "state/bot.db"
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))

	var mu sync.Mutex
	accepted := map[string]bool{}          // message ts → HTTP 200
	sent := map[string]slackfake.Message{} // every message we tried, whatever the answer
	seq := 0
	const rounds = 4
	for round := range rounds {
		c := startChild(t, "run", "-config", cfg)
		r := &running{t: t, base: c.base}
		stopLoad := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for {
					select {
					case <-stopLoad:
						return
					default:
					}
					mu.Lock()
					seq++
					n := seq
					mu.Unlock()
					ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), n)
					// One client each: one person's messages this close would be one case.
					msg := slackfake.Message{EventID: fmt.Sprintf("EvCrash%05d", n), Channel: acmeChannel, User: fmt.Sprintf("U0LOAD%05d", n), TS: ts,
						Text: fmt.Sprintf("¿Cómo exportamos el reporte de llamadas de la campaña %d-%d?", round, w)}
					status := postQuietly(r, msg)
					mu.Lock()
					sent[ts] = msg
					if status == http.StatusOK {
						accepted[ts] = true
					}
					mu.Unlock()
					if status == 0 {
						return // the process is gone
					}
				}
			})
		}
		time.Sleep(time.Duration(100+rng.IntN(300)) * time.Millisecond) // let it work, then pull the plug
		if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-c.exited
		close(stopLoad)
		wg.Wait()
	}

	// A last, clean run. Slack delivers again every event it got no 200
	// for; the bot must take each exactly once, whether or not it had
	// stored it before dying. Then whatever is owed goes out.
	final := startBot(t, cfg, ticketing.NewManualClock(time.Now().Add(time.Hour)))
	for ts, msg := range sent {
		if accepted[ts] {
			continue
		}
		if got := final.event(msg, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"); got != http.StatusOK {
			t.Fatalf("retry of %s = %d, want 200", ts, got)
		}
		accepted[ts] = true
	}
	eventually(t, "the outbox to drain", func() bool { return backlog(t, dbPath) == 0 })
	final.stop()

	if len(accepted) == 0 {
		t.Fatal("no event was accepted; the test proved nothing")
	}
	tickets := final.tickets("acme")
	perThread := map[string]int{}
	for _, tk := range tickets {
		perThread[tk.Desk.Thread]++
	}
	answers := map[string]int{}
	for _, p := range f.Posts(acmeChannel) {
		answers[p.Form.Get("thread_ts")]++
	}
	for ts := range accepted {
		if perThread[ts] != 1 {
			t.Errorf("accepted event %s has %d tickets, want 1", ts, perThread[ts])
		}
		if answers[ts] != 1 {
			t.Errorf("accepted event %s was answered %d times, want once", ts, answers[ts])
		}
	}
	for ts, n := range answers {
		if !accepted[ts] {
			t.Errorf("answer in thread %s, whose event was never accepted", ts)
		} else if n > 1 {
			t.Errorf("thread %s answered %d times", ts, n)
		}
	}
	t.Logf("%d events sent, %d acknowledged, %d tickets, %d answers over %d kills",
		len(sent), len(accepted), len(tickets), len(f.Posts(acmeChannel)), rounds)
}

// postQuietly sends a signed event and returns the status, 0 when the
// connection failed (the process was killed).
func postQuietly(r *running, e slackfake.Message) int {
	req, err := slackfake.SignedRequest(context.Background(), r.base+"/slack/events", "application/json", e.Body(), time.Now(), signingSecret)
	if err != nil {
		return 0
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func backlog(t *testing.T, path string) int {
	t.Helper()
	n := -1
	viewStore(t, path, func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		n, err = tx.OutboxBacklog(ctx)
		return err
	})
	return n
}
