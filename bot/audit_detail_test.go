package bot_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// TestAuditLinesNeverQuoteTheClient: the audit lines of a client's message
// keep the action, platform, ids and the classifier's cue names, never the
// client's words (they outlive an erased person's messages), on each path
// that used to quote them.
func TestAuditLinesNeverQuoteTheClient(t *testing.T) {
	const words = "zorzalauditado"
	overrule := func(h *harness) {
		sl, _ := h.flush()
		for _, it := range sl {
			for _, bt := range it.Buttons {
				if bt.ActionID == "critical_overrule" {
					h.handle(channelsAction("CDESK", "UDESK", bt.ActionID, bt.Value))
					return
				}
			}
		}
		h.t.Fatalf("no overrule button on the alerts:\n%s", dumpItems(sl))
	}
	tests := []struct {
		action ticketing.AuditAction
		run    func(h *harness)
		want   []string // what the line still says
	}{
		{ticketing.AuditCriticalRefused, func(h *harness) {
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "está todo caído, ningún agente puede trabajar "+words))
		}, []string{"slack", "msg=slack:CACME:100.1"}},
		{ticketing.AuditCriticalAsked, func(h *harness) {
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no marca desde esta mañana "+words))
		}, []string{"slack", "msg=slack:CACME:100.1"}},
		{ticketing.AuditCriticalOverruled, func(h *harness) {
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "está todo caído, ningún agente puede trabajar "+words))
			h.clock.Advance(10 * time.Minute)
			overrule(h)
		}, []string{"slack", "msg=slack:CACME:100.1"}},
		{ticketing.AuditCSATCommented, func(h *harness) {
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			h.handle(command("CACME", "UCLIENT", "conforme #1"))
			h.handle(channelsAction("CACME", "UCLIENT", "ticket_csat", "1:4"))
			h.flush()
			h.handle(threadReply("CACME", "UCLIENT", "100.1", "300.1", "muy claros con la explicación "+words))
		}, []string{"slack", "msg=slack:CACME:300.1"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.action), func(t *testing.T) {
			h := newHarnessWith(t, withCSAT)
			tt.run(h)
			lines := h.audits(tt.action)
			if len(lines) != 1 {
				t.Fatalf("%d %s lines, want 1", len(lines), tt.action)
			}
			got := lines[0].Detail
			for _, quoted := range []string{words, "caído", "discador", "explicación"} {
				if strings.Contains(got, quoted) {
					t.Errorf("detail %q quotes the client's %q", got, quoted)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("detail %q lacks %q", got, w)
				}
			}
		})
	}
}
