package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

func takeEdits(t *testing.T, db *store.DB, externalID string) []string {
	t.Helper()
	var texts []string
	ctx := context.Background()
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		edits, err := tx.TakeEdits(ctx, externalID)
		for _, e := range edits {
			texts = append(texts, e.Text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func holdEdit(db *store.DB, externalID, text string, fail error) error {
	ctx := context.Background()
	return db.Update(ctx, func(tx ticketing.Tx) error {
		e := &ticketing.PendingEdit{ExternalID: externalID, AuthorID: "UC", Text: text, At: t0, ReceivedAt: t0}
		if err := tx.HoldEdit(ctx, e, t0.Add(-24*time.Hour), 0); err != nil {
			return err
		}
		return fail
	})
}

// SQLite's writer answers "edits held for this message?" from memory when
// it can; the answer must be the table's: an edit held in an update that
// failed is not there, one held before the store was closed is there
// after it opens again, and a message without edits has none.
func TestHeldEditsFoundAcrossFailuresAndReopening(t *testing.T) {
	db, path := openTemp(t)
	broke := errors.New("the update failed after holding")
	if err := holdEdit(db, "slack:C1:1.1", "undone", broke); !errors.Is(err, broke) {
		t.Fatalf("failing update = %v", err)
	}
	if err := holdEdit(db, "slack:C1:2.2", "kept", nil); err != nil {
		t.Fatal(err)
	}
	if got := takeEdits(t, db, "slack:C1:1.1"); len(got) != 0 {
		t.Errorf("edits of an update that failed = %q, want none", got)
	}
	if got := takeEdits(t, db, "slack:C1:9.9"); len(got) != 0 {
		t.Errorf("edits of a message nobody edited = %q, want none", got)
	}
	if err := holdEdit(db, "slack:C1:3.3", "after reopening", nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for id, want := range map[string]string{"slack:C1:2.2": "kept", "slack:C1:3.3": "after reopening"} {
		if got := takeEdits(t, again, id); len(got) != 1 || got[0] != want {
			t.Errorf("edits of %s after reopening = %q, want [%q]", id, got, want)
		}
		if got := takeEdits(t, again, id); len(got) != 0 {
			t.Errorf("edits of %s taken twice = %q, want none the second time", id, got)
		}
	}
}
