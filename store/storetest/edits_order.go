package storetest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var editOrderCases = []testCase{
	{"edits count in the order they were made, whatever order they arrive in", testEditsOutOfOrder},
	{"edits of a message not stored yet are held, then taken once in edit order", testHeldEdits},
	{"held edits expire and are bounded", testHeldEditsBounded},
	{"a held message keeps its files", testQuestionFiles},
}

func testEditsOutOfOrder(t *testing.T, s ticketing.Store) {
	seed(t, s)
	edits := []struct {
		text string
		at   time.Time
	}{{"segundo", t0.Add(time.Minute)}, {"tercero", t0.Add(2 * time.Minute)}, {"cuarto", t0.Add(3 * time.Minute)}}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {0, 2, 1}, {1, 2, 0}, {2, 0, 1}} {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			tk := newTicket(acme)
			create(t, s, tk)
			m := message(tk.ID, fmt.Sprintf("m%v", order), t0)
			update(t, s, func(tx ticketing.Tx) error {
				if err := tx.AddMessage(t.Context(), m); err != nil {
					return err
				}
				for _, i := range order {
					if err := tx.EditMessage(t.Context(), m.ID, edits[i].text, edits[i].at); err != nil {
						return err
					}
				}
				return nil
			})
			var got []ticketing.Message
			view(t, s, func(tx ticketing.Tx) error {
				var err error
				got, err = tx.Messages(t.Context(), tk.ID)
				return err
			})
			if len(got) != 1 {
				t.Fatalf("Messages = %+v, want the one message", got)
			}
			want := []ticketing.MessageRevision{{Text: m.Text, At: edits[0].at}, {Text: "segundo", At: edits[1].at}, {Text: "tercero", At: edits[2].at}}
			for i := range got[0].Revisions {
				got[0].Revisions[i].At = got[0].Revisions[i].At.UTC()
			}
			if got[0].Text != "cuarto" || !got[0].EditedAt.Equal(edits[2].at) || !reflect.DeepEqual(got[0].Revisions, want) {
				t.Errorf("after edits in order %v: %q edited %v revisions %+v, want %q edited %v revisions %+v",
					order, got[0].Text, got[0].EditedAt, got[0].Revisions, "cuarto", edits[2].at, want)
			}
		})
	}
}

func testHeldEdits(t *testing.T, s ticketing.Store) {
	seed(t, s)
	late := &ticketing.PendingEdit{ExternalID: "slack:C1:1.1", AuthorID: "UC", Text: "tercero", At: t0.Add(2 * time.Minute), ReceivedAt: t0.Add(3 * time.Minute)}
	early := &ticketing.PendingEdit{ExternalID: "slack:C1:1.1", AuthorID: "UC", Text: "segundo", At: t0.Add(time.Minute), ReceivedAt: t0.Add(4 * time.Minute)}
	gone := &ticketing.PendingEdit{ExternalID: "slack:C1:1.1", AuthorID: "UC", Deleted: true, At: t0.Add(5 * time.Minute), ReceivedAt: t0.Add(5 * time.Minute)}
	other := &ticketing.PendingEdit{ExternalID: "whatsapp:X", AuthorID: "+5491100000001", Text: "otro", At: t0, ReceivedAt: t0.Add(time.Minute)}
	update(t, s, func(tx ticketing.Tx) error {
		for _, e := range []*ticketing.PendingEdit{late, early, gone, other} {
			if err := tx.HoldEdit(t.Context(), e, t0.Add(-time.Hour), 10); err != nil {
				return err
			}
		}
		return nil
	})
	var first, again []ticketing.PendingEdit
	update(t, s, func(tx ticketing.Tx) error {
		var err error
		if first, err = tx.TakeEdits(t.Context(), "slack:C1:1.1"); err != nil {
			return err
		}
		again, err = tx.TakeEdits(t.Context(), "slack:C1:1.1")
		return err
	})
	var texts []string
	for _, e := range first {
		if e.Deleted {
			texts = append(texts, "(deleted)")
		} else {
			texts = append(texts, e.Text)
		}
		if e.AuthorID != "UC" || e.At.IsZero() || e.ReceivedAt.IsZero() {
			t.Errorf("held edit %+v lost its author or times", e)
		}
	}
	if want := []string{"segundo", "tercero", "(deleted)"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("TakeEdits = %v, want %v (edit order, not arrival)", texts, want)
	}
	if len(again) != 0 {
		t.Errorf("second TakeEdits = %+v, want none: held edits are taken once", again)
	}
	var others []ticketing.PendingEdit
	update(t, s, func(tx ticketing.Tx) error {
		var err error
		others, err = tx.TakeEdits(t.Context(), "whatsapp:X")
		return err
	})
	if len(others) != 1 || others[0].Text != "otro" {
		t.Errorf("another message's held edits = %+v, want its one edit", others)
	}
}

func testHeldEditsBounded(t *testing.T, s ticketing.Store) {
	seed(t, s)
	update(t, s, func(tx ticketing.Tx) error {
		old := &ticketing.PendingEdit{ExternalID: "old", AuthorID: "UC", Text: "viejo", At: t0, ReceivedAt: t0}
		if err := tx.HoldEdit(t.Context(), old, t0.Add(-time.Hour), 3); err != nil {
			return err
		}
		for i := range 4 {
			e := &ticketing.PendingEdit{ExternalID: fmt.Sprintf("m%d", i), AuthorID: "UC", Text: "x", At: t0.Add(2 * time.Hour), ReceivedAt: t0.Add(2*time.Hour + time.Duration(i)*time.Second)}
			// Received a day later: the first one has expired.
			if err := tx.HoldEdit(t.Context(), e, t0.Add(time.Hour), 3); err != nil {
				return err
			}
		}
		return nil
	})
	var held []string
	update(t, s, func(tx ticketing.Tx) error {
		for _, id := range []string{"old", "m0", "m1", "m2", "m3"} {
			es, err := tx.TakeEdits(t.Context(), id)
			if err != nil {
				return err
			}
			if len(es) > 0 {
				held = append(held, id)
			}
		}
		return nil
	})
	if want := []string{"m1", "m2", "m3"}; !reflect.DeepEqual(held, want) {
		t.Errorf("held after expiry and bound = %v, want %v (the newest three)", held, want)
	}
}

func testQuestionFiles(t *testing.T, s ticketing.Store) {
	seed(t, s)
	files := []ticketing.Attachment{{Name: "captura.png", MIME: "image/png", Kind: ticketing.FileImage, Size: 1234,
		Source: ticketing.PlatformSlack, Ref: "F0001", Link: "https://example.slack.com/files/F0001"}}
	q := &ticketing.CriticalQuestion{ClientID: acme, Author: "UC", Where: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"},
		Text: "todo caído", ExternalID: "slack:C1:1.1", ReceivedAt: t0, AskedAt: t0, Kind: ticketing.KindIncidenteCritico, Files: files}
	update(t, s, func(tx ticketing.Tx) error { return tx.AskCritical(t.Context(), q) })
	var got *ticketing.CriticalQuestion
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.CriticalQuestion(t.Context(), acme, q.ID)
		return err
	})
	if !reflect.DeepEqual(got.Files, files) {
		t.Errorf("question files = %+v, want %+v", got.Files, files)
	}
}
