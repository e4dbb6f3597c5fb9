package main

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// postedTS hears the ts Slack gives each post to channel, oldest first.
func postedTS(f *fakeSlack, channel string) func() []string {
	var mu sync.Mutex
	var got []string
	f.OnPost(func(c slackfake.Call) {
		if c.Form.Get("channel") == channel {
			mu.Lock()
			got = append(got, c.TS)
			mu.Unlock()
		}
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

// updatesOf lists the chat.update calls that rewrote the message ts.
func updatesOf(f *fakeSlack, ts string) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range f.CallsOf("chat.update") {
		if c.Form.Get("ts") == ts {
			out = append(out, c)
		}
	}
	return out
}

// TestSlackImpactPressRewritesAnswer: once a press took effect, the answer
// it was pressed on is rewritten through chat.update without the button
// that no longer applies (after "the whole operation has stopped" none,
// after "it stops us from working" only the way to the Service Desk
// stays), its text kept with a line saying what was done. A press of the
// button left after ALTA rewrites the rewritten answer again; a press that
// changes nothing rewrites nothing.
func TestSlackImpactPressRewritesAnswer(t *testing.T) {
	criticalDone := "Nos dijiste que está detenida toda la operación"
	altaDone := "Nos dijiste que les impide trabajar"
	tests := []struct {
		name        string
		presses     []string
		wantButtons []string // the impact buttons of the last rewrite
		wantLines   []string
	}{
		{"critical", []string{"impact_critical"}, nil, []string{criticalDone}},
		{"alta", []string{"impact_alta"}, []string{"impact_critical"}, []string{altaDone}},
		{"alta then critical", []string{"impact_alta", "impact_critical"}, nil, []string{altaDone, criticalDone}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
			defer func() {
				if t.Failed() {
					t.Logf("calls:\n%s\nlogs:\n%s", f.Dump(), r.logs)
				}
			}()
			posted := postedTS(f, acmeChannel)
			if got := r.event(slackfake.Message{EventID: "EvRw1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: oneAgentText}); got != http.StatusOK {
				t.Fatalf("status = %d", got)
			}
			f.waitFor("the answer", func() bool { return len(posted()) >= 1 })
			answer, answerTS := f.Posts(acmeChannel)[0], posted()[0]
			id := itoa(r.tickets("acme")[0].ID)
			if b := impactButtons(answer); b["impact_critical"] != id || b["impact_alta"] != id {
				t.Fatalf("answer's impact buttons = %v, want both on #%s", b, id)
			}
			original := answer.Form.Get("text")

			for i, action := range tt.presses {
				if got := r.pressImpact(acmeChannel, acmeClient, action, id, answerTS); got != http.StatusOK {
					t.Fatalf("%s: status = %d", action, got)
				}
				f.waitFor("the answer rewritten", func() bool { return len(updatesOf(f, answerTS)) >= i+1 })
			}
			updates := updatesOf(f, answerTS)
			if len(updates) != len(tt.presses) {
				t.Fatalf("rewrites of the answer = %d, want %d", len(updates), len(tt.presses))
			}
			last := updates[len(updates)-1]
			if last.Form.Get("channel") != acmeChannel {
				t.Errorf("rewrite in %s, want %s", last.Form.Get("channel"), acmeChannel)
			}
			text := last.Form.Get("text")
			if !strings.HasPrefix(text, original) {
				t.Errorf("rewrite lost the answer's text:\n got %q\nwant it to start with %q", text, original)
			}
			for _, line := range tt.wantLines {
				if strings.Count(text, line) != 1 {
					t.Errorf("rewrite %q, want the line %q once", text, line)
				}
			}
			var got []string
			for action, value := range impactButtons(last) {
				if value != id {
					t.Errorf("%s carries #%s, want #%s", action, value, id)
				}
				got = append(got, action)
			}
			if strings.Join(got, ",") != strings.Join(tt.wantButtons, ",") {
				t.Errorf("rewrite's impact buttons = %v, want %v: %s", got, tt.wantButtons, last.Form.Get("blocks"))
			}

			// A press that changes nothing leaves the answer as it is.
			r.pressImpact(acmeChannel, acmeClient, tt.presses[len(tt.presses)-1], id, answerTS)
			waitEphemeral(f, 1)
			if n := len(updatesOf(f, answerTS)); n != len(tt.presses) {
				t.Errorf("rewrites after a press that changed nothing = %d, want %d", n, len(tt.presses))
			}
		})
	}
}
