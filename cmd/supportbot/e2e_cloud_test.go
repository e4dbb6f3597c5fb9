package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
)

func TestCloudWebhookVerification(t *testing.T) {
	c := startCloudBot(t)
	tests := []struct {
		name, mode, token string
		want              int
	}{
		{"right token", "subscribe", cloudVerify, http.StatusOK},
		{"wrong token", "subscribe", "guess", http.StatusForbidden},
		{"no token", "subscribe", "", http.StatusForbidden},
		{"wrong mode", "unsubscribe", cloudVerify, http.StatusForbidden},
	}
	for _, tt := range tests {
		q := url.Values{"hub.mode": {tt.mode}, "hub.verify_token": {tt.token}, "hub.challenge": {"1158201444"}}
		resp, err := http.Get(c.base + cloud.WebhookPath + "?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, resp.StatusCode, tt.want)
		}
		if tt.want == http.StatusOK && string(body) != "1158201444" {
			t.Errorf("%s: body %q, want the challenge echoed", tt.name, body)
		}
		if tt.want != http.StatusOK && strings.Contains(string(body), "1158201444") {
			t.Errorf("%s: the challenge was echoed on a refusal", tt.name)
		}
	}
}

func TestCloudWebhookSignatures(t *testing.T) {
	c := startCloudBot(t)
	body := graphfake.Body(cloudPhoneID, []graphfake.Value{{Messages: []map[string]any{
		c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")}}})
	post := func(sig string) int {
		req, _ := http.NewRequest(http.MethodPost, c.base+cloud.WebhookPath, strings.NewReader(string(body)))
		if sig != "" {
			req.Header.Set(cloud.SignatureHeader, sig)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := []struct {
		name, sig string
		want      int
		tickets   int
	}{
		{"missing", "", http.StatusUnauthorized, 0},
		{"signed with another secret", cloud.Sign("not-the-secret", body), http.StatusUnauthorized, 0},
		{"signature of another body", cloud.Sign(cloudSecret, append(body, ' ')), http.StatusUnauthorized, 0},
		{"garbage", "sha256=00", http.StatusUnauthorized, 0},
		{"correct", cloud.Sign(cloudSecret, body), http.StatusOK, 1},
	}
	for _, tt := range tests {
		if got := post(tt.sig); got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
		if got := len(c.tickets("acme")); got != tt.tickets {
			t.Errorf("%s: tickets = %d, want %d", tt.name, got, tt.tickets)
		}
	}
	// A body the bot cannot read, correctly signed: 200, so Meta stops.
	junk := []byte(`{"object": [1, 2`)
	if got, _ := graphfake.Post(c.base+cloud.WebhookPath, cloudSecret, junk); got != http.StatusOK {
		t.Errorf("unreadable signed body: status %d, want 200", got)
	}
	big := make([]byte, cloud.MaxWebhookBytes+10)
	if got, _ := graphfake.Post(c.base+cloud.WebhookPath, cloudSecret, big); got != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: status %d, want 413", got)
	}
}

func TestCloudTokenRefusedAtStartNamesTheKey(t *testing.T) {
	f := newFakeSlack(t)
	g := newGraph(t)
	g.RefuseToken()
	cfg := cloudConfig(t, f, g)
	m, _, _ := testMain()
	err := m.Run(context.Background(), []string{"run", "-config", cfg})
	if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), "whatsapp.cloud.access_token") {
		t.Errorf("run with a refused token = %v (exit %d), want exit 2 naming whatsapp.cloud.access_token", err, code)
	}
}

func TestCloudReadinessReportsTheTransport(t *testing.T) {
	c := startCloudBot(t)
	read := func() string {
		resp, err := http.Get(c.base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var rd struct {
			WhatsApp string `json:"whatsapp"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&rd); err != nil {
			t.Fatal(err)
		}
		return rd.WhatsApp
	}
	if got := read(); !strings.HasPrefix(got, "cloud: ok") || !strings.Contains(got, "no webhook yet") {
		t.Errorf("readyz whatsapp = %q, want cloud ok without a webhook yet", got)
	}
	c.graph.FailNext("", graphfake.Failure{HTTPStatus: 500, Code: 1, Message: "An unknown error occurred"})
	c.deliver(c.text(acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer"))
	eventually(t, "the first send refused", func() bool {
		return strings.Contains(c.queryString(`SELECT last_error FROM outbox WHERE target = ?`, acmeContact), "unknown error")
	})
	// A 500 may come after Meta took the message: the retry first waits
	// for a status webhook naming it, then sends.
	c.clock.Advance(3 * time.Minute)
	c.waitSent(acmeContact, 1)
	if got := read(); !strings.Contains(got, "last webhook") || !strings.Contains(got, "unknown error") {
		t.Errorf("readyz whatsapp = %q, want the last webhook and the last send error", got)
	}
	resp, err := http.Get(c.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, m := range []string{"supportbot_whatsapp_cloud_last_webhook_timestamp_seconds", "supportbot_whatsapp_cloud_last_send_error_timestamp_seconds", "supportbot_whatsapp_cloud_paused 0"} {
		if !strings.Contains(string(body), m) {
			t.Errorf("metrics lack %s", m)
		}
	}
}
