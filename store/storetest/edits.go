package storetest

import (
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var editCases = []testCase{
	{"a message is found by its external id", testMessageByExternalID},
	{"an edit keeps the old text as a revision", testEditMessage},
	{"a deletion marks the message and keeps its text", testDeleteMessage},
	{"bursts are stored, replaced, listed when due and deleted", testBursts},
}

func testMessageByExternalID(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	m := message(tk.ID, "slack:C1:2.2", t0)
	update(t, s, func(tx ticketing.Tx) error { return tx.AddMessage(t.Context(), m) })
	var got ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.MessageByExternalID(t.Context(), "slack:C1:2.2")
		if err != nil {
			return err
		}
		_, err = tx.MessageByExternalID(t.Context(), "slack:C1:9.9")
		wantErr(t, "an unknown external id", err, ticketing.ErrNotFound)
		return nil
	})
	got.At = got.At.UTC()
	if !reflect.DeepEqual(got, *m) {
		t.Errorf("MessageByExternalID = %+v, want %+v", got, *m)
	}
}

func testEditMessage(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	m := message(tk.ID, "m1", t0)
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.AddMessage(t.Context(), m); err != nil {
			return err
		}
		if err := tx.EditMessage(t.Context(), m.ID, "segundo", t0.Add(time.Minute)); err != nil {
			return err
		}
		return tx.EditMessage(t.Context(), m.ID, "tercero", t0.Add(2*time.Minute))
	})
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.EditMessage(t.Context(), m.ID+100, "x", t0) })
	wantErr(t, "editing an unknown message", err, ticketing.ErrNotFound)
	var got []ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.Messages(t.Context(), tk.ID)
		return err
	})
	if len(got) != 1 {
		t.Fatalf("Messages = %+v, want the one message", got)
	}
	want := []ticketing.MessageRevision{{Text: m.Text, At: t0.Add(time.Minute)}, {Text: "segundo", At: t0.Add(2 * time.Minute)}}
	for i := range got[0].Revisions {
		got[0].Revisions[i].At = got[0].Revisions[i].At.UTC()
	}
	if got[0].Text != "tercero" || !got[0].EditedAt.Equal(t0.Add(2*time.Minute)) || !reflect.DeepEqual(got[0].Revisions, want) {
		t.Errorf("edited message = %q edited %v revisions %+v, want %q edited %v revisions %+v",
			got[0].Text, got[0].EditedAt, got[0].Revisions, "tercero", t0.Add(2*time.Minute), want)
	}
}

func testDeleteMessage(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	m := message(tk.ID, "m1", t0)
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.AddMessage(t.Context(), m); err != nil {
			return err
		}
		if err := tx.DeleteMessage(t.Context(), m.ID, t0.Add(time.Minute)); err != nil {
			return err
		}
		return tx.DeleteMessage(t.Context(), m.ID, t0.Add(time.Hour))
	})
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.DeleteMessage(t.Context(), m.ID+100, t0) })
	wantErr(t, "deleting an unknown message", err, ticketing.ErrNotFound)
	var got ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.MessageByExternalID(t.Context(), "m1")
		return err
	})
	if got.Text != m.Text || !got.DeletedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("deleted message = %q deleted %v, want %q deleted %v (the first mark)", got.Text, got.DeletedAt, m.Text, t0.Add(time.Minute))
	}
}

func testBursts(t *testing.T, s ticketing.Store) {
	seed(t, s)
	where := ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}
	greeting := ticketing.Message{ExternalID: "slack:C1:1.1", AuthorID: "UC", AuthorKind: ticketing.AuthorClient,
		Channel: ticketing.SourceSlack, Text: "Hola", At: t0}
	first := ticketing.Burst{Key: "k1", ClientID: acme, Where: where, LastAt: t0,
		Pending: []ticketing.Message{greeting}, AnswerAt: t0.Add(2 * time.Minute)}
	later := ticketing.Burst{Key: "k2", ClientID: acme, Where: where, LastAt: t0, AnswerAt: t0.Add(5 * time.Minute)}
	opened := ticketing.Burst{Key: "k3", ClientID: beta, TicketID: 7, LastAt: t0}
	update(t, s, func(tx ticketing.Tx) error {
		for _, b := range []ticketing.Burst{later, first, opened} {
			if err := tx.PutBurst(t.Context(), b); err != nil {
				return err
			}
		}
		return nil
	})
	utc := func(bs []ticketing.Burst) []ticketing.Burst {
		for i := range bs {
			bs[i].LastAt, bs[i].AnswerAt = bs[i].LastAt.UTC(), bs[i].AnswerAt.UTC()
			for j := range bs[i].Pending {
				bs[i].Pending[j].At = bs[i].Pending[j].At.UTC()
			}
		}
		return bs
	}
	var got ticketing.Burst
	var due []ticketing.Burst
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		if got, err = tx.Burst(t.Context(), "k1"); err != nil {
			return err
		}
		_, err = tx.Burst(t.Context(), "nobody")
		wantErr(t, "an unknown burst", err, ticketing.ErrNotFound)
		due, err = tx.DueBursts(t.Context(), t0.Add(5*time.Minute), 0)
		return err
	})
	if g := utc([]ticketing.Burst{got}); !reflect.DeepEqual(g[0], first) {
		t.Errorf("Burst = %+v\nwant %+v", g[0], first)
	}
	if g := utc(due); !reflect.DeepEqual(g, []ticketing.Burst{first, later}) {
		t.Errorf("DueBursts = %+v\nwant k1 then k2 (k3 owes no answer)", g)
	}

	first.TicketID, first.Pending, first.AnswerAt = 9, nil, time.Time{}
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.PutBurst(t.Context(), first); err != nil {
			return err
		}
		if err := tx.DeleteBurst(t.Context(), "k2"); err != nil {
			return err
		}
		return tx.DeleteBurst(t.Context(), "nobody")
	})
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		if got, err = tx.Burst(t.Context(), "k1"); err != nil {
			return err
		}
		_, err = tx.Burst(t.Context(), "k2")
		wantErr(t, "a deleted burst", err, ticketing.ErrNotFound)
		due, err = tx.DueBursts(t.Context(), t0.Add(time.Hour), 0)
		return err
	})
	if g := utc([]ticketing.Burst{got}); !reflect.DeepEqual(g[0], first) {
		t.Errorf("replaced Burst = %+v\nwant %+v", g[0], first)
	}
	if len(due) != 0 {
		t.Errorf("DueBursts after the answers were settled = %+v, want none", due)
	}
}
