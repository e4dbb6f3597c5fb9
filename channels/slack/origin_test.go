package slackchannel

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestOriginCheck(t *testing.T) {
	ours := Origin{Teams: []string{"T1"}, AppID: "A1"}
	grid := Origin{Teams: []string{"T1"}, Enterprises: []string{"E1"}}
	tests := []struct {
		name   string
		origin Origin
		from   requestFrom
		ok     bool
	}{
		{"our team and app", ours, requestFrom{Teams: []string{"T1"}, AppID: "A1"}, true},
		{"another team", ours, requestFrom{Teams: []string{"T2"}, AppID: "A1"}, false},
		{"another app", ours, requestFrom{Teams: []string{"T1"}, AppID: "A2"}, false},
		{"no app id", ours, requestFrom{Teams: []string{"T1"}}, true},
		{"no team", ours, requestFrom{AppID: "A1"}, true},
		{"empty team ids", ours, requestFrom{Teams: []string{"", ""}, AppID: "A1"}, true},
		{"no team, another app", ours, requestFrom{AppID: "A2"}, false},
		{"another team, no app id", ours, requestFrom{Teams: []string{"T2"}}, false},
		{"delivered to us from a Slack Connect workspace", ours, requestFrom{Teams: []string{"T2", "T1"}, AppID: "A1"}, true},
		{"a workspace of our organization", grid, requestFrom{Teams: []string{"T9"}, EnterpriseID: "E1"}, true},
		{"another organization", grid, requestFrom{Teams: []string{"T9"}, EnterpriseID: "E2"}, false},
		{"app not checked", Origin{Teams: []string{"T1"}}, requestFrom{Teams: []string{"T1"}, AppID: "A9"}, true},
		{"nothing checked", Origin{}, requestFrom{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.origin.check(tt.from); (err == nil) != tt.ok {
				t.Errorf("check(%+v) = %v, want ok=%v", tt.from, err, tt.ok)
			}
		})
	}
}

// A correctly signed request for another workspace or app is refused on
// every endpoint before the bot sees it.
func TestHTTPRefusesAnotherInstallation(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	origin := Origin{Teams: []string{"T1"}, AppID: "A1"}
	command := func(team, app string) []byte {
		v, _ := url.ParseQuery(string(commandForm()))
		v.Set("team_id", team)
		v.Set("api_app_id", app)
		return []byte(v.Encode())
	}
	action := func(team, app string) []byte {
		p := strings.Replace(blockActionsPayload, `"team":{"id":"T1"`, `"team":{"id":"`+team+`"`, 1)
		p = strings.Replace(p, `"api_app_id":"A1"`, `"api_app_id":"`+app+`"`, 1)
		return []byte(url.Values{"payload": {p}}.Encode())
	}
	event := func(team, app string) []byte {
		return []byte(strings.Replace(strings.Replace(messageEvent, `"team_id":"T1"`, `"team_id":"`+team+`"`, 1),
			`"api_app_id":"A1"`, `"api_app_id":"`+app+`"`, 1))
	}
	tests := []struct {
		name, path, ctype string
		body              []byte
		want              int
	}{
		{"event", "/slack/events", "application/json", event("T1", "A1"), http.StatusOK},
		{"event for another team", "/slack/events", "application/json", event("T2", "A1"), http.StatusForbidden},
		{"event for another app", "/slack/events", "application/json", event("T1", "A2"), http.StatusForbidden},
		{"command", "/slack/commands", form, command("T1", "A1"), http.StatusOK},
		{"command for another team", "/slack/commands", form, command("T2", "A1"), http.StatusForbidden},
		{"command for another app", "/slack/commands", form, command("T1", "A2"), http.StatusForbidden},
		{"button", "/slack/interactivity", form, action("T1", "A1"), http.StatusOK},
		{"button for another team", "/slack/interactivity", form, action("T2", "A1"), http.StatusForbidden},
		{"button for another app", "/slack/interactivity", form, action("T1", "A2"), http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			srv := newServerFrom(t, rec, origin)
			code, _, _ := post(t, srv, tt.path, tt.ctype, tt.body)
			if code != tt.want {
				t.Errorf("status %d, want %d", code, tt.want)
			}
			wantCalls := 0
			if tt.want == http.StatusOK {
				wantCalls = 1
			}
			if n := len(rec.got()); n != wantCalls {
				t.Errorf("handler called %d times, want %d", n, wantCalls)
			}
		})
	}

	// Setting up the request URL carries no team; it must still work.
	srv := newServerFrom(t, &recorder{}, origin)
	code, got, _ := post(t, srv, "/slack/events", "application/json", []byte(`{"token":"x","challenge":"c1","type":"url_verification"}`))
	if code != http.StatusOK || got != "c1" {
		t.Errorf("url_verification = %d %q", code, got)
	}
}

// Socket Mode envelopes for another workspace or app are acknowledged, so
// Slack does not redeliver them, and not handled.
func TestSocketRunnerDropsAnotherInstallation(t *testing.T) {
	apiURL, conns := fakeSocketSlack(t)
	rec := &recorder{}
	runner := NewSocketRunner(SocketConfig{Client: NewClient("xoxb-test", "xapp-test", apiURL), Handler: rec,
		BotUserID: botUser, Origin: Origin{Teams: []string{"T1"}, AppID: "A1"}, Log: discardLog()})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = runner.Run(ctx) }()
	var conn *websocket.Conn
	select {
	case conn = <-conns:
	case <-time.After(guard):
		t.Fatal("runner did not connect")
	}
	otherTeam := strings.Replace(messageEvent, `"team_id":"T1"`, `"team_id":"T2"`, 1)
	otherApp := strings.Replace(messageEvent, `"api_app_id":"A1"`, `"api_app_id":"A2"`, 1)
	script := []any{
		map[string]any{"type": "hello", "num_connections": 1},
		envelope("events_api", "env-team", otherTeam),
		envelope("events_api", "env-app", otherApp),
		envelope("slash_commands", "env-cmd", `{"command":"/soporte","text":"estado","user_id":"UAGENT","channel_id":"CACME","trigger_id":"t.1","team_id":"T2","api_app_id":"A1"}`),
		envelope("interactive", "env-act", strings.Replace(blockActionsPayload, `"api_app_id":"A1"`, `"api_app_id":"A2"`, 1)),
		envelope("events_api", "env-ours", messageEvent),
	}
	for _, m := range script {
		if err := conn.WriteJSON(m); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"env-team", "env-app", "env-cmd", "env-act", "env-ours"}
	_ = conn.SetReadDeadline(time.Now().Add(guard))
	for i := range want {
		var a ack
		if err := conn.ReadJSON(&a); err != nil {
			t.Fatalf("reading ack %d: %v", i, err)
		}
		if a.EnvelopeID != want[i] {
			t.Errorf("ack %d = %s, want %s", i, a.EnvelopeID, want[i])
		}
	}
	calls := rec.got()
	if len(calls) != 1 || calls[0].EventID != "Ev08MFMKH6" {
		t.Errorf("handled %+v, want only our workspace's event", calls)
	}
}
