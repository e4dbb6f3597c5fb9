package whatsappchannel

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every connection the pool hands out must enforce foreign keys: sqlstore
// relies on ON DELETE CASCADE, and database/sql opens connections at will.
func TestDeviceDBPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	db, err := openDeviceDB(filepath.Join(t.TempDir(), "wa.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const n = 5
	// Holding each connection forces the pool to open a new one.
	for i := range n {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var fk, busy int
		var journal string
		if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || busy != 10000 || !strings.EqualFold(journal, "wal") {
			t.Errorf("connection %d: foreign_keys=%d busy_timeout=%d journal_mode=%s", i, fk, busy, journal)
		}
	}
	if got := db.Stats().OpenConnections; got != n {
		t.Errorf("open connections = %d, want %d distinct", got, n)
	}
}

func TestOpenDeviceStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "whatsapp.db")
	c, err := OpenDeviceStore(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("store file mode %v, want 0600: it holds the bot's WhatsApp keys", fi.Mode().Perm())
	}
	dev, err := c.GetFirstDevice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if dev.ID != nil {
		t.Errorf("fresh store has a paired device %s", dev.ID)
	}

	// Opening again finds the schema in place.
	c2, err := OpenDeviceStore(ctx, path, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	c2.Close()
}

func TestOpenDeviceStoreBadPath(t *testing.T) {
	for _, p := range []string{"", "data/wa.db?mode=ro", "data/wa#1.db"} {
		if _, err := OpenDeviceStore(context.Background(), p, nil); err == nil {
			t.Errorf("OpenDeviceStore(%q) accepted", p)
		}
	}
}
