package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/store"
	"supportbot/ticketing"
)

// The WhatsApp Cloud transport's fixtures: Meta's Graph API played by
// graphfake, and the webhooks Meta would send, signed with the app secret
// and posted to the running bot's real endpoint.
const (
	cloudPhoneID = "109876543210"
	cloudToken   = "EAAG-test-token"
	cloudSecret  = "meta-app-secret"
	cloudVerify  = "verify-me-please"
)

// cloudBot is run with WhatsApp on the Cloud transport.
type cloudBot struct {
	*running
	f     *fakeSlack
	graph *graphfake.Server
	cfg   string
	seq   int
}

func newGraph(t *testing.T) *graphfake.Server {
	t.Helper()
	g := graphfake.New(cloudPhoneID, cloudToken)
	t.Cleanup(g.Close)
	return g
}

// cloudConfig is the example config with Slack in events mode against f
// and WhatsApp on the Cloud API against g.
func cloudConfig(t *testing.T, f *fakeSlack, g *graphfake.Server, replace ...string) string {
	t.Helper()
	return slackConfig(t, f, "events", append([]string{
		"enabled: false", "enabled: true", "transport: linked", "transport: cloud",
		`phone_number_id: ""`, "phone_number_id: '" + cloudPhoneID + "'", `access_token: ""`, "access_token: " + cloudToken,
		`app_secret: ""`, "app_secret: " + cloudSecret, `verify_token: ""`, "verify_token: " + cloudVerify,
		"api_url: https://graph.facebook.com/v21.0", "api_url: " + g.APIURL(),
	}, replace...)...)
}

func startCloudBot(t *testing.T, replace ...string) *cloudBot {
	t.Helper()
	f := newFakeSlack(t)
	g := newGraph(t)
	cfg := cloudConfig(t, f, g, replace...)
	return &cloudBot{running: startBot(t, cfg, ticketing.NewManualClock(e2eStart)), f: f, graph: g, cfg: cfg}
}

// webhook posts a body signed as Meta signs it.
func (c *cloudBot) webhook(body []byte) int {
	c.t.Helper()
	status, err := graphfake.Post(c.base+cloud.WebhookPath, cloudSecret, body)
	if err != nil {
		c.t.Fatal(err)
	}
	return status
}

// deliver posts one change holding msgs and wants it taken.
func (c *cloudBot) deliver(msgs ...map[string]any) {
	c.t.Helper()
	body := graphfake.Body(cloudPhoneID, []graphfake.Value{{Names: map[string]string{acmeContact: "Ana Gómez"}, Messages: msgs}})
	if got := c.webhook(body); got != http.StatusOK {
		c.t.Fatalf("webhook = %d, want 200\n%s", got, c.logs)
	}
}

// nextID is a fresh WhatsApp message id.
func (c *cloudBot) nextID() string {
	c.seq++
	return fmt.Sprintf("wamid.HBgM%04d", c.seq)
}

// text is a text message from phone written now on the bot's clock.
func (c *cloudBot) text(phone, body string) map[string]any {
	return graphfake.Text(c.nextID(), phone, body, c.clock.Now().Unix())
}

// waitHeld waits until the owed reply containing text is put off for the
// closed window. The template goes out a moment before that is recorded,
// with the retry time counted from the bot's clock: a test that moves the
// clock in between would put the retry past every later move.
func (c *cloudBot) waitHeld(text string) {
	c.t.Helper()
	eventually(c.t, "the answer held for the closed window", func() bool {
		return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL AND text LIKE ?`, "%"+text+"%"), "24-hour")
	})
}

// sentTo lists what the bot sent to phone.
func (c *cloudBot) sentTo(phone string) []graphfake.Sent {
	var out []graphfake.Sent
	for _, m := range c.graph.Sent() {
		if m.To == strings.TrimPrefix(phone, "+") {
			out = append(out, m)
		}
	}
	return out
}

// waitSent waits until n messages went to phone, then lets the per-number
// pacing gap pass on the bot's clock.
func (c *cloudBot) waitSent(phone string, n int) []graphfake.Sent {
	c.t.Helper()
	defer c.clock.Advance(3 * time.Second)
	deadline := time.Now().Add(e2eWait)
	for {
		got := c.sentTo(phone)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %d WhatsApp messages to %s; got %+v\n%s", n, phone, got, c.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// threadOf waits for the ticket's Slack thread and returns it.
func (c *cloudBot) threadOf(clientID string) string {
	c.t.Helper()
	eventually(c.t, "the ticket's thread", func() bool {
		ts := c.tickets(clientID)
		return len(ts) > 0 && ts[0].Desk.Thread != ""
	})
	return c.tickets(clientID)[0].Desk.Thread
}

// queryString reads one text value from the bot's store, "" when no row.
func (c *cloudBot) queryString(q string, args ...any) string {
	c.t.Helper()
	db, err := store.Open(context.Background(), c.dbPath)
	if err != nil {
		c.t.Fatal(err)
	}
	defer db.Close()
	var s sql.NullString
	err = db.SQL().QueryRowContext(context.Background(), q, args...).Scan(&s)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		c.t.Fatal(err)
	}
	return s.String
}
