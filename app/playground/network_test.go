package playground

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sync"
	"testing"
)

// dialRecorder records where connections go.
type dialRecorder struct {
	mu    sync.Mutex
	addrs []string
}

func (d *dialRecorder) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d.mu.Lock()
	d.addrs = append(d.addrs, addr)
	d.mu.Unlock()
	return (&net.Dialer{}).DialContext(ctx, network, addr)
}

// Nothing the playground does reaches beyond this machine: every HTTP
// connection the bot opens (its Slack client uses the default transport)
// goes to loopback, and the configured Web API is the in-process one.
func TestNoOutboundNetwork(t *testing.T) {
	rec := &dialRecorder{}
	saved := http.DefaultTransport
	http.DefaultTransport = &http.Transport{DialContext: rec.dial}
	t.Cleanup(func() { http.DefaultTransport = saved })

	r := newRig(t, Options{})
	if u, err := url.Parse(r.p.SlackAPIURL()); err != nil || !isLoopback(u.Hostname()) {
		t.Errorf("slack.api_url = %q, want the in-process Web API on loopback", r.p.SlackAPIURL())
	}
	r.must("/api/say", map[string]string{"as": acmeUser, "where": acmeChannel, "text": incident})
	r.must("/api/say", map[string]string{"as": acmePhone, "where": acmePhone, "text": "hola, el softphone no tiene audio"})
	r.must("/api/say", map[string]string{"as": "+5491166660000", "where": "+5491166660000", "text": "hola"})
	r.must("/api/clock", map[string]string{"advance": "1d"})
	card := r.find("a card with a Tomar button", isCard)
	r.must("/api/press", map[string]string{"as": focalAR, "where": card.Where, "ts": card.TS, "action_id": "ticket_take"})

	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.addrs) == 0 {
		t.Fatal("no connection recorded: the recorder is not in the bot's path, so this test proves nothing")
	}
	for _, a := range rec.addrs {
		host, _, err := net.SplitHostPort(a)
		if err != nil || !isLoopback(host) {
			t.Errorf("connection to %q, beyond loopback", a)
		}
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
