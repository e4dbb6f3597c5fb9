package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// TestAuditLinesKeepNoClientWords: with the shipped classifier, an outage
// sent to the phones and a doubtful one asked about leave audit lines that
// name the message and the kinds of evidence found, and quote none of the
// client's words.
func TestAuditLinesKeepNoClientWords(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	defer func() {
		if t.Failed() {
			t.Logf("calls:\n%s\nlogs:\n%s", f.Dump(), r.logs)
		}
	}()
	tests := []struct {
		action ticketing.AuditAction
		msg    slackfake.Message
	}{
		{ticketing.AuditCriticalRefused, slackfake.Message{EventID: "EvAw1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
			Text: "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada"}},
		{ticketing.AuditCriticalAsked, slackfake.Message{EventID: "EvAw2", Channel: andesChannel, User: andesClient, TS: tsAt(1), Text: doubtfulText}},
	}
	for _, tt := range tests {
		if got := r.event(tt.msg); got != http.StatusOK {
			t.Fatalf("%s: status = %d", tt.action, got)
		}
	}
	details := map[ticketing.AuditAction]string{}
	eventually(t, "both audit lines", func() bool {
		r.view(func(ctx context.Context, tx ticketing.Tx) error {
			lines, err := tx.AuditLog(ctx, "", time.Time{})
			for _, l := range lines {
				details[l.Action] = l.Detail
			}
			return err
		})
		return details[tests[0].action] != "" && details[tests[1].action] != ""
	})
	for _, tt := range tests {
		got := details[tt.action]
		if want := "slack msg=slack:" + tt.msg.Channel + ":" + tt.msg.TS + " cues=["; !strings.HasPrefix(got, want) {
			t.Errorf("%s detail %q, want it to start with %q", tt.action, got, want)
		}
		for _, w := range strings.Fields(tt.msg.Text) {
			if w = strings.Trim(w, ",.:"); len([]rune(w)) > 3 && strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
				t.Errorf("%s detail %q quotes the client's %q", tt.action, got, w)
			}
		}
	}
}
