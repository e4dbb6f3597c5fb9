package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// Slack allows 40 000 characters a message, and accented text is two bytes
// a character: a 30 000-character message in Spanish arrives whole; a
// 45 000-character one is stored cut at 40 000 characters and its author is
// told, once, in the message's thread, to send the rest.
func TestLongSlackMessagesCutOnCharacters(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))

	whole := slackfake.Message{EventID: "EvLong1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "No anda el discador. " + strings.Repeat("ñ", 30_000-21)}
	// Past intake.group_window: a case of its own, not the first one's burst.
	cut := slackfake.Message{EventID: "EvLong2", Channel: acmeChannel, User: acmeClient, TS: tsAt(180),
		Text: "No anda la grabación. " + strings.Repeat("é", 45_000-22)}
	for _, m := range []slackfake.Message{whole, cut} {
		if got := r.event(m); got != http.StatusOK {
			t.Fatalf("event %s status = %d, want 200\n%s", m.EventID, got, r.logs)
		}
	}
	f.waitFor("both answers and the notice", func() bool { return len(f.Posts(acmeChannel)) >= 3 })

	var stored []int
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		for _, tk := range r.tickets("acme") {
			msgs, err := tx.Messages(ctx, tk.ID)
			if err != nil {
				return err
			}
			for _, m := range msgs {
				stored = append(stored, utf8.RuneCountInString(m.Text))
			}
		}
		return nil
	})
	if len(stored) != 2 || stored[0]+stored[1] != 30_000+40_000 || min(stored[0], stored[1]) != 30_000 {
		t.Errorf("stored message lengths = %v characters, want 30000 and 40000", stored)
	}

	notices := map[string]int{}
	for _, p := range f.Posts(acmeChannel) {
		if strings.Contains(p.Form.Get("text"), "recortado") {
			notices[p.Form.Get("thread_ts")]++
		}
	}
	if len(notices) != 1 || notices[cut.TS] != 1 {
		t.Errorf("notices by thread = %v, want one in %s only:\n%s", notices, cut.TS, f.Dump())
	}
}
