package bot_test

import (
	"context"
	"testing"
	"time"

	"supportbot/ticketing"
)

// TestCorrectionsRecorded: each correction of the bot's reading is kept
// with the client's original text; a change that is no correction is not.
func TestCorrectionsRecorded(t *testing.T) {
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
