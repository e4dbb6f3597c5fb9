package store_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"supportbot/ticketing"
)

// The writer never checkpoints inside a commit; the checkpointer copies
// what the commits wrote to the WAL into the database file beside it.
func TestCheckpointsRunBesideTheWriter(t *testing.T) {
	db, path := openTemp(t)
	var every int
	if err := db.SQL().QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&every); err != nil {
		t.Fatal(err)
	}
	if every != 0 {
		t.Errorf("the writer's connection checkpoints every %d pages, want never (0)", every)
	}
	before := fileSize(t, path)
	ctx := context.Background()
	for i := range 300 {
		err := db.Update(ctx, func(tx ticketing.Tx) error {
			it := ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: fmt.Sprint("1.", i)},
				Mode: ticketing.ModePost, Text: fmt.Sprintf("%0500d", i), CreatedAt: t0}
			return tx.Enqueue(ctx, &it)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for fileSize(t, path) <= before {
		if time.Now().After(deadline) {
			t.Fatalf("the database file stayed at %d bytes after 300 commits: nothing was checkpointed", before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}
