package main

import (
	"net/http"
	"syscall"
	"testing"
	"time"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/ticketing"
)

// The bot killed with SIGKILL while Meta holds its answer to a contact,
// then restarted on the same files: when Meta got the message (its status
// webhook names it) it is recorded, not sent again; when Meta never got it
// it is sent once after the wait for a status.
func TestCloudKill9DuringSendNoLossNoDuplicate(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test")
	}
	for _, metaGotIt := range []bool{true, false} {
		name := "meta got it"
		if !metaGotIt {
			name = "meta never got it"
		}
		t.Run(name, func(t *testing.T) {
			f := newFakeSlack(t)
			g := newGraph(t)
			cfg := cloudConfig(t, f, g)
			held := g.Hold()
			c := startChild(t, "run", "-config", cfg)
			body := graphfake.Body(cloudPhoneID, []graphfake.Value{{Messages: []map[string]any{
				graphfake.Text("wamid.CRASH1", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer", time.Now().Unix())}}})
			if got, err := graphfake.Post(c.base+cloud.WebhookPath, cloudSecret, body); err != nil || got != http.StatusOK {
				t.Fatalf("webhook = %d %v", got, err)
			}
			select {
			case <-held:
			case <-time.After(e2eWait):
				t.Fatalf("the answer never reached Meta\n%s", c.stderr)
			}
			if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-c.exited
			sent := g.Sent()
			if len(sent) != 1 {
				t.Fatalf("before the kill Meta had %d messages, want the one held", len(sent))
			}
			if !metaGotIt {
				g.Forget(sent[0].ID)
			}
			g.Release()

			clock := ticketing.NewManualClock(time.Now())
			r := startBot(t, cfg, clock)
			bot := &cloudBot{running: r, f: f, graph: g}
			if metaGotIt {
				status := graphfake.Body(cloudPhoneID, []graphfake.Value{{Statuses: []map[string]any{graphfake.Status(sent[0], "sent", time.Now().Unix(), 0)}}})
				if got := bot.webhook(status); got != http.StatusOK {
					t.Fatalf("status webhook = %d", got)
				}
			}
			clock.Advance(3 * time.Minute)
			eventually(t, "the outbox to drain", func() bool { return backlog(t, r.dbPath) == 0 })
			answers := 0
			for _, m := range g.Sent() {
				if m.Callback == sent[0].Callback {
					answers++
				}
			}
			if answers != 1 {
				t.Errorf("the answer reached Meta %d times, want once; sent %+v", answers, g.Sent())
			}
			if got := len(r.tickets("acme")); got != 1 {
				t.Errorf("tickets = %d, want 1", got)
			}
			if metaGotIt {
				if ref := bot.queryString(`SELECT external_ref FROM outbox WHERE target = ?`, acmeContact); ref != sent[0].ID {
					t.Errorf("recorded ref = %q, want Meta's id %s from the status", ref, sent[0].ID)
				}
			}
		})
	}
}
