package store_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"supportbot/store"
	"supportbot/ticketing"
)

// A known fix quotes the client who asked: their export shows it, their
// erasure takes their words out of it and moves the stamp, so every
// replica's search forgets them; the staff's answer stays.
func testDeskArticlePrivacy(t *testing.T, db *store.DB) {
	ctx := context.Background()
	const question = "mi clave de agente 30111222 no entra"
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.SaveDeskArticle(ctx, &ticketing.DeskArticle{Source: "message:1.2", ClientID: "acme", Title: "Clave de agente",
			Question: question, Asker: erased, Answer: "Se restablece desde Administración", Author: "UF", Lang: "es", SavedBy: "UF", CreatedAt: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	exp, err := db.ExportPerson(ctx, store.Person{Phone: erased}, t0)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(exp.Tables["desk_articles"])
	if !strings.Contains(string(raw), question) {
		t.Errorf("export's desk_articles = %s, want the question they asked", raw)
	}
	var before string
	_ = db.View(ctx, func(tx ticketing.Tx) (err error) { before, err = tx.DeskArticlesStamp(ctx); return })
	if _, err := db.ErasePerson(ctx, store.Person{Phone: erased}, "UF", t0.Add(1e9)); err != nil {
		t.Fatal(err)
	}
	err = db.View(ctx, func(tx ticketing.Tx) error {
		list, err := tx.ListDeskArticles(ctx)
		if err != nil {
			return err
		}
		if len(list) != 1 || list[0].Question != "" || strings.Contains(list[0].Asker, erased) || list[0].Answer == "" {
			t.Errorf("after erasure: %+v, want no question, no asker and the answer kept", list)
		}
		after, err := tx.DeskArticlesStamp(ctx)
		if after == before {
			t.Errorf("stamp %q did not move on erasure", after)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeskArticlePrivacy(t *testing.T) {
	db, _ := privacyStore(t)
	testDeskArticlePrivacy(t, db)
}

func TestDeskArticlePrivacyPostgres(t *testing.T) {
	db := openPostgres(t)
	seedPrivacy(t, db)
	testDeskArticlePrivacy(t, db)
}
