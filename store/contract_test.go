package store_test

import (
	"path/filepath"
	"testing"

	"supportbot/store"
	"supportbot/store/storetest"
	"supportbot/ticketing"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) ticketing.Store {
		db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "supportbot.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
