package storetest

import (
	"testing"

	"supportbot/ticketing"
)

// testLastVersion: a message the bot posted is read back as posted, then
// as its newest rewrite once one is queued (before it is out and after);
// another channel's message of the same id, a dead rewrite and an unknown
// id are not it.
func testLastVersion(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	answer := post("respuesta")
	answer.TicketID = tk.ID
	answer.Buttons = []ticketing.Button{{ActionID: "impact_critical", Value: "1"}, {ActionID: "impact_alta", Value: "1"}}
	elsewhere := &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C2"}, Mode: ticketing.ModePost, Text: "otro canal", CreatedAt: t0}
	enqueue(t, s, answer, elsewhere)
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.MarkSent(t.Context(), answer.ID, t0, "5.5"); err != nil {
			return err
		}
		return tx.MarkSent(t.Context(), elsewhere.ID, t0, "5.5")
	})
	rewrite := func(text string) *ticketing.OutboxItem {
		return &ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModeUpdate,
			EditRef: "5.5", TicketID: tk.ID, Text: text, Buttons: answer.Buttons[:1], CreatedAt: t0}
	}
	last := func(channel, ref string) (*ticketing.OutboxItem, error) {
		var got *ticketing.OutboxItem
		err := s.View(t.Context(), func(tx ticketing.Tx) error {
			var err error
			got, err = tx.LastVersion(t.Context(), channel, ref)
			return err
		})
		return got, err
	}
	check := func(when, wantText string, wantButtons int) {
		t.Helper()
		got, err := last("C1", "5.5")
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if got.Text != wantText || len(got.Buttons) != wantButtons || got.TicketID != tk.ID {
			t.Errorf("%s: %q with %d buttons of #%d, want %q with %d of #%d", when, got.Text, len(got.Buttons), got.TicketID, wantText, wantButtons, tk.ID)
		}
	}
	check("posted", "respuesta", 2)
	first := rewrite("respuesta, primera edición")
	enqueue(t, s, first)
	check("a rewrite owed", "respuesta, primera edición", 1)
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkSent(t.Context(), first.ID, t0, "5.5") })
	check("the rewrite out", "respuesta, primera edición", 1)
	dead := rewrite("nunca salió")
	enqueue(t, s, dead)
	update(t, s, func(tx ticketing.Tx) error { return tx.MarkDead(t.Context(), dead.ID, t0, "message_not_found") })
	check("a dead rewrite", "respuesta, primera edición", 1)
	if got, err := last("C2", "5.5"); err != nil || got.Text != "otro canal" {
		t.Errorf("C2's message = %+v, %v; want its own", got, err)
	}
	for _, ref := range []string{"", "6.6"} {
		_, err := last("C1", ref)
		wantErr(t, "LastVersion(C1, "+ref+")", err, ticketing.ErrNotFound)
	}
}
