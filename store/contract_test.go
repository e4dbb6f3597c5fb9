package store_test

import (
	"path/filepath"
	"testing"

	"supportbot/store"
	"supportbot/store/pgtest"
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

func TestContractPostgres(t *testing.T) {
	pgtest.URL(t) // skips the suite at once without a server
	storetest.Run(t, func(t *testing.T) ticketing.Store { return openPostgres(t) })
}

// openPostgres opens a store in a schema of its own.
func openPostgres(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.OpenWith(t.Context(), store.Options{Driver: store.DriverPostgres, URL: pgtest.URL(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
