package storetest

import (
	"testing"
	"time"

	"supportbot/ticketing"
)

var deskArticleCases = []testCase{
	{"known fixes are saved once per source, published, listed and stamped", testDeskArticles},
}

func testDeskArticles(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	stamp := func() string {
		var st string
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			st, err = tx.DeskArticlesStamp(t.Context())
			return err
		})
		return st
	}
	empty := stamp()
	a := &ticketing.DeskArticle{Source: "ticket:1", TicketID: tk.ID, ClientID: acme, Title: "Discador caído", Question: "no anda el discador",
		Asker: "UC", Answer: "Reiniciamos el servicio", Author: "UF", Lang: "es", SavedBy: "UF", CreatedAt: t0}
	update(t, s, func(tx ticketing.Tx) error { return tx.SaveDeskArticle(t.Context(), a) })
	if a.ID <= 0 {
		t.Fatalf("saved article has id %d", a.ID)
	}
	saved := stamp()
	if saved == empty {
		t.Errorf("stamp %q did not move on a save", saved)
	}
	update(t, s, func(tx ticketing.Tx) error {
		again := *a
		wantErr(t, "the same source again", tx.SaveDeskArticle(t.Context(), &again), ticketing.ErrDuplicate)
		// The transaction goes on after a duplicate.
		got, err := tx.DeskArticleBySource(t.Context(), "ticket:1")
		if err != nil || got.ID != a.ID {
			t.Errorf("by source = %+v, %v; want id %d", got, err, a.ID)
		}
		wantErr(t, "publishing an unknown id", tx.PublishDeskArticle(t.Context(), a.ID+100, t0), ticketing.ErrNotFound)
		// At the very instant of the save: the stamp must move all the same.
		return tx.PublishDeskArticle(t.Context(), a.ID, t0)
	})
	if stamp() == saved {
		t.Errorf("stamp did not move on publishing")
	}
	view(t, s, func(tx ticketing.Tx) error {
		list, err := tx.ListDeskArticles(t.Context())
		if err != nil {
			return err
		}
		want := *a
		want.Published, want.UpdatedAt = true, t0
		if len(list) != 1 {
			t.Fatalf("list = %+v, want one", list)
		}
		got := list[0]
		if !got.CreatedAt.Equal(want.CreatedAt) || !got.UpdatedAt.Equal(want.UpdatedAt) {
			t.Errorf("times = %v, %v; want %v, %v", got.CreatedAt, got.UpdatedAt, want.CreatedAt, want.UpdatedAt)
		}
		got.CreatedAt, got.UpdatedAt, want.CreatedAt, want.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		_, err = tx.DeskArticle(t.Context(), a.ID+100)
		wantErr(t, "an unknown id", err, ticketing.ErrNotFound)
		return nil
	})
}
