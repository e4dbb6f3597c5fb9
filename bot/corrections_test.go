package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// TestCorrectionsRecorded: each correction of the bot's reading is kept
// with the client's original text; a change that is no correction is not.
func TestCorrectionsRecorded(t *testing.T) {
	const outage = "está todo caído, ningún agente puede trabajar"
	tests := []struct {
		name string
		text string // the client's message
		do   func(h *harness)
		want []ticketing.Correction
	}{
		{"tipo", "no anda el softphone", func(h *harness) { h.handle(command("CACME", "UFOCAL", "tipo #1 consulta")) },
			[]ticketing.Correction{{Text: "no anda el softphone", Kind: ticketing.KindConsulta, Source: ticketing.CorrectionKind, By: "UFOCAL"}}},
		{"prioridad", "no anda el softphone", func(h *harness) { h.handle(command("CACME", "UFOCAL", "prioridad #1 baja")) },
			[]ticketing.Correction{{Text: "no anda el softphone", Kind: ticketing.KindIncidente, Priority: ticketing.PriorityBaja, Source: ticketing.CorrectionPriority, By: "UFOCAL"}}},
		{"client's choice", "hmm una cosa", func(h *harness) { h.handle(channelsAction("CACME", "UCLIENT", "ticket_kind", "1:requerimiento")) },
			[]ticketing.Correction{{Text: "hmm una cosa", Kind: ticketing.KindRequerimiento, Source: ticketing.CorrectionChoice, By: "UCLIENT"}}},
		{"taking a ticket is none", "no anda el softphone", func(h *harness) { h.handle(command("CACME", "UFOCAL", "tomar #1")) }, nil},
		{"critico #N", "no anda el softphone", func(h *harness) { h.handle(command("CDESK", "UDESK", "critico #1 llamó: no atiende nadie")) },
			[]ticketing.Correction{{Text: "no anda el softphone", Kind: ticketing.KindIncidenteCritico, Priority: ticketing.PriorityCritica, Source: ticketing.CorrectionCritical, By: "UDESK"}}},
		{"not critical", outage, func(h *harness) { pressOverrule(t, h, "UDESK") },
			[]ticketing.Correction{{Text: outage, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Source: ticketing.CorrectionNotCritical, By: "UDESK"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", tt.text))
			h.clock.Advance(time.Minute)
			tt.do(h)
			var got []ticketing.Correction
			if err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
				var err error
				got, err = tx.Corrections(context.Background(), "", time.Time{})
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("corrections = %+v, want %+v", got, tt.want)
			}
			for i, w := range tt.want {
				w.ID, w.ClientID, w.TicketID, w.At = got[i].ID, "acme", 1, h.clock.Now()
				g := got[i]
				if !g.At.Equal(w.At) {
					t.Errorf("at %v, want %v", g.At, w.At)
				}
				g.At = w.At
				if g != w {
					t.Errorf("correction %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// pressOverrule presses the "not critical" button of the desk's alert.
func pressOverrule(t *testing.T, h *harness, user string) channels.Reply {
	t.Helper()
	sl, _ := h.flush()
	for _, it := range sl {
		for _, bt := range it.Buttons {
			if bt.ActionID == "critical_overrule" {
				return h.handle(channelsAction(it.To.Address, user, bt.ActionID, bt.Value))
			}
		}
	}
	t.Fatalf("no overrule button among:\n%s", dumpItems(sl))
	return channels.Reply{}
}

// TestOverruleRefusedCritical: staff saying a message sent to the phone was
// not critical opens its ticket once, with the deadline of the client's
// message; a client pressing it, or a second press, opens nothing.
func TestOverruleRefusedCritical(t *testing.T) {
	const outage = "está todo caído, ningún agente puede trabajar"
	h := newHarness(t)
	received := h.clock.Now()
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", outage))
	if n := len(h.tickets("acme")); n != 0 {
		t.Fatalf("%d tickets after a certain critical, want none", n)
	}
	h.clock.Advance(10 * time.Minute)
	sl, _ := h.flush()
	var button ticketing.Button
	for _, it := range sl {
		for _, bt := range it.Buttons {
			if bt.ActionID == "critical_overrule" {
				button = bt
			}
		}
	}
	if button.Value == "" {
		t.Fatalf("no overrule button on the alerts:\n%s", dumpItems(sl))
	}
	if r := h.handle(channelsAction("CACME", "UCLIENT", button.ActionID, button.Value)); len(h.tickets("acme")) != 0 {
		t.Fatalf("a client's press opened a ticket (reply %q)", r.Text)
	}
	r := h.handle(channelsAction("CDESK", "UDESK", button.ActionID, button.Value))
	tks := h.tickets("acme")
	if len(tks) != 1 || tks[0].Kind != ticketing.KindIncidente || tks[0].Priority != ticketing.PriorityAlta {
		t.Fatalf("tickets = %+v (reply %q), want one incidente alta", tks, r.Text)
	}
	if got, want := tks[0].DueAt, received.Add(4*time.Hour); !got.Equal(want) {
		t.Errorf("due %v, want %v (four hours from the client's message)", got, want)
	}
	sl, _ = h.flush()
	if !sentContaining(sl, "ticket #1") {
		t.Errorf("the client was not told of the ticket:\n%s", dumpItems(sl))
	}
	if r := h.handle(channelsAction("CDESK", "UBACKUP", button.ActionID, button.Value)); len(h.tickets("acme")) != 1 || !strings.Contains(r.Text, "ya tiene") {
		t.Errorf("second press: %d tickets, reply %q", len(h.tickets("acme")), r.Text)
	}
	if n := len(h.audits(ticketing.AuditCriticalOverruled)); n != 1 {
		t.Errorf("%d overrule audit lines, want 1", n)
	}
}
