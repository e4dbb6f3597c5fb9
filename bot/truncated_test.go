package bot_test

import (
	"strings"
	"testing"

	"supportbot/channels"
	"supportbot/ticketing"
)

func truncated(in channels.Inbound) channels.Inbound {
	in.Truncated = true
	return in
}

// notices returns the items telling a client their message was cut.
func notices(items []ticketing.OutboxItem) []ticketing.OutboxItem {
	var out []ticketing.OutboxItem
	for _, it := range items {
		if strings.Contains(it.Text, "recortado") {
			out = append(out, it)
		}
	}
	return out
}

func TestTruncatedMessageIsToldOnce(t *testing.T) {
	const phone = "+5491155550101"
	tests := []struct {
		name string
		// steps run in order; the last one's sends are checked.
		steps     []channels.Inbound
		wantSlack []string // target [thread] of each notice
		wantWA    []string
	}{
		{"new Slack case", []channels.Inbound{truncated(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))},
			[]string{"CACME [100.1]"}, nil},
		{"Slack redelivery tells nothing twice", []channels.Inbound{
			truncated(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda")),
			truncated(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))},
			nil, nil},
		{"whole message, no notice", []channels.Inbound{slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda")},
			nil, nil},
		{"client follow-up in the thread", []channels.Inbound{
			slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"),
			truncated(threadReply("CACME", "UCLIENT", "100.1", "100.2", "acá va el log"))},
			[]string{"CACME [100.1]"}, nil},
		{"suspended client was told no ticket opens", []channels.Inbound{truncated(slackMsg("CGAMMA", "UCLIENT", "100.1", "hola"))},
			nil, nil},
		{"new WhatsApp case", []channels.Inbound{truncated(waMsg(phone, "WA1", "el discador no anda"))},
			nil, []string{phone + " []"}},
		{"WhatsApp follow-up", []channels.Inbound{
			waMsg(phone, "WA1", "el discador no anda"),
			truncated(waMsg(phone, "WA2", "acá va el log"))},
			nil, []string{phone + " []"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			var slack, wa []ticketing.OutboxItem
			for _, in := range tt.steps {
				h.handle(in)
				slack, wa = h.flush()
			}
			where := func(items []ticketing.OutboxItem) []string {
				var out []string
				for _, it := range notices(items) {
					out = append(out, it.To.Address+" ["+it.To.Thread+"]")
				}
				return out
			}
			if got := where(slack); strings.Join(got, ",") != strings.Join(tt.wantSlack, ",") {
				t.Errorf("Slack notices at %q, want %q:\n%s", got, tt.wantSlack, texts(slack))
			}
			if got := where(wa); strings.Join(got, ",") != strings.Join(tt.wantWA, ",") {
				t.Errorf("WhatsApp notices to %q, want %q:\n%s", got, tt.wantWA, texts(wa))
			}
			for _, n := range notices(append(slack, wa...)) {
				if !strings.Contains(n.Text, "40.000 caracteres") || !strings.Contains(n.Text, "enviá el resto en otro mensaje") {
					t.Errorf("notice does not say what happened and what to do: %q", n.Text)
				}
			}
		})
	}
}
