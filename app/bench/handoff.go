package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"supportbot/app"
	"supportbot/channels/slack/slackfake"
)

// handoffMessages are sent to the follower, handoffRate a second: spaced
// so each hand-off is timed alone, not behind a queue.
const (
	handoffMessages = 200
	handoffRate     = 20
	// handoffWait bounds the wait for one reply.
	handoffWait = 10 * time.Second
)

// handoff times replies queued on the follower until the leader has posted
// them: each message is a new client's first, acknowledged by the follower
// with its answer queued in the same transaction; the clock stops when the
// stand-in Slack receives the answer in the message's thread.
func (r *ingestRig) handoff(ctx context.Context, apps []*app.App, bases []string, api *slackfake.Server, res *Result) error {
	follower := ""
	for i, a := range apps {
		if a.Role() == app.RoleFollower {
			follower = bases[i]
		}
	}
	if follower == "" {
		return fmt.Errorf("bench hand-off: no replica is a follower")
	}
	var mu sync.Mutex
	arrived := map[string]chan time.Time{}
	api.OnCall(func(c slackfake.Call) {
		if c.Method != "chat.postMessage" {
			return
		}
		at := time.Now()
		mu.Lock()
		ch := arrived[c.Form.Get("channel")+"/"+c.Form.Get("thread_ts")]
		mu.Unlock()
		if ch != nil {
			select {
			case ch <- at:
			default:
			}
		}
	})
	defer api.OnCall(nil)
	lat := make([]time.Duration, 0, handoffMessages)
	interval := time.Second / handoffRate
	for n := range handoffMessages {
		i := int(r.seq.Add(1))
		client := n % r.clients
		channel, ts := benchChannel(client), fmt.Sprintf("%d.%06d", r.start.Unix()+100+int64(i/1_000_000), i%1_000_000)
		ch := make(chan time.Time, 1)
		mu.Lock()
		arrived[channel+"/"+ts] = ch
		mu.Unlock()
		body := slackfake.Message{EventID: fmt.Sprintf("EvHandoff%d", i), Channel: channel,
			User: fmt.Sprintf("U0HAND%05d", n), TS: ts, Text: benchTexts[0]}.Body()
		sent := time.Now()
		if _, err := r.post(ctx, follower, i, body); err != nil {
			return err
		}
		select {
		case at := <-ch:
			lat = append(lat, at.Sub(sent))
		case <-time.After(handoffWait):
			return fmt.Errorf("bench hand-off: no answer posted in %s for the follower's message %s in %s", handoffWait, ts, channel)
		case <-ctx.Done():
			return ctx.Err()
		}
		if wait := time.Until(sent.Add(interval)); wait > 0 {
			time.Sleep(wait)
		}
	}
	res.HandoffP50Ms, res.HandoffP99Ms, res.HandoffMaxMs = percentilesMs(lat)
	return nil
}
