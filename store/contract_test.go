package store_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

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

// The personal-data contract on SQLite: the erase runs through a second
// handle on the file, as `supportbot privacy erase` does beside the running
// bot, whose handle stays open; the dump is the file with its -wal and -shm.
func TestPrivacyContract(t *testing.T) {
	var path string
	open := func(t *testing.T) ticketing.Store {
		path = filepath.Join(t.TempDir(), "supportbot.db")
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	beside := func(t *testing.T, fn func(db *store.DB)) {
		db, err := store.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		fn(db)
	}
	storetest.RunPrivacy(t, open, storetest.Privacy{
		Export: func(t *testing.T, _ ticketing.Store, phone string) (out []byte) {
			beside(t, func(db *store.DB) { out = exportJSON(t, db, phone) })
			return out
		},
		Erase: func(t *testing.T, _ ticketing.Store, phone string) {
			beside(t, func(db *store.DB) {
				if _, err := db.ErasePerson(t.Context(), store.Person{Phone: phone}, "cli", time.Now()); err != nil {
					t.Fatal(err)
				}
			})
		},
		Dump: func(t *testing.T, _ ticketing.Store) []byte {
			var all []byte
			for _, b := range storeFiles(t, path) {
				all = append(all, b...)
			}
			return all
		},
	})
}

func TestPrivacyContractPostgres(t *testing.T) {
	pgtest.URL(t)
	storetest.RunPrivacy(t, func(t *testing.T) ticketing.Store { return openPostgres(t) }, storetest.Privacy{
		Export: func(t *testing.T, s ticketing.Store, phone string) []byte { return exportJSON(t, s.(*store.DB), phone) },
		Erase: func(t *testing.T, s ticketing.Store, phone string) {
			if _, err := s.(*store.DB).ErasePerson(t.Context(), store.Person{Phone: phone}, "cli", time.Now()); err != nil {
				t.Fatal(err)
			}
		},
		Dump: func(t *testing.T, s ticketing.Store) []byte { return dumpPostgres(t, s.(*store.DB)) },
	})
}

func exportJSON(t *testing.T, db *store.DB, phone string) []byte {
	t.Helper()
	data, err := db.ExportPerson(t.Context(), store.Person{Phone: phone}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// dumpPostgres is every row of every table of the store's schema, as text.
func dumpPostgres(t *testing.T, db *store.DB) []byte {
	t.Helper()
	rows, err := db.SQL().QueryContext(t.Context(), `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	var out bytes.Buffer
	for _, table := range tables {
		rows, err := db.SQL().QueryContext(t.Context(), `SELECT r::text FROM "`+table+`" r`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var row string
			if err := rows.Scan(&row); err != nil {
				t.Fatal(err)
			}
			out.WriteString(table + ": " + row + "\n")
		}
		rows.Close()
	}
	return out.Bytes()
}
