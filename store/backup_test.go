package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"supportbot/store"
	"supportbot/ticketing"
)

// TestBackupUnderLoadRestores backs up while a writer keeps adding tickets,
// then opens the copy as the store (a restore) and compares its report rows
// with the source's for a month the writer does not touch.
func TestBackupUnderLoadRestores(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	populate(t, db)
	before := ticketCount(t, db)

	later := t0.AddDate(1, 0, 0)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var loadErr error
	var written atomic.Int64
	failed := make(chan struct{})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			err := db.Update(ctx, func(tx ticketing.Tx) error {
				tk := newTicket("beta")
				tk.Desk.Thread = fmt.Sprintf("1800000000.%06d", i)
				tk.ReceivedAt, tk.ClockStart = later, later
				if err := tx.CreateTicket(ctx, tk); err != nil {
					return err
				}
				return tx.AddMessage(ctx, &ticketing.Message{TicketID: tk.ID, ExternalID: fmt.Sprintf("slack:load%d", i), AuthorID: "UC",
					AuthorKind: ticketing.AuthorClient, Channel: ticketing.SourceSlack, Text: "carga", At: later})
			})
			if err != nil {
				loadErr = err
				close(failed)
				return
			}
			written.Add(1)
		}
	})
	// Let the writer get going: wait for its first tickets, not for time.
	for written.Load() < 5 {
		select {
		case <-failed:
		default:
			runtime.Gosched()
			continue
		}
		break
	}
	target := filepath.Join(t.TempDir(), "backup.db")
	res, err := db.Backup(ctx, target)
	close(stop)
	wg.Wait()
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	if err != nil {
		t.Fatal(err)
	}
	after := ticketCount(t, db)
	if res.Tickets < before+5 || res.Tickets > after {
		t.Errorf("backup tickets = %d, want between %d and %d", res.Tickets, before+5, after)
	}
	if st, _ := os.Stat(target); st == nil || st.Size() != res.Size || res.Size == 0 {
		t.Errorf("backup size = %d, file = %v", res.Size, st)
	}
	for _, leftover := range []string{target + "-wal", target + "-shm"} {
		if _, err := os.Stat(leftover); err == nil {
			t.Errorf("%s left beside the backup", leftover)
		}
	}

	restored, err := store.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if got := ticketCount(t, restored); got != res.Tickets {
		t.Errorf("restored tickets = %d, want %d", got, res.Tickets)
	}
	from, to := t0.AddDate(0, -1, 0), t0.AddDate(0, 1, 0)
	want, err := db.ReportRows(ctx, from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := restored.ReportRows(ctx, from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Tickets) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("restored report rows differ:\n got %+v\nwant %+v", got, want)
	}
}

func TestBackupRefusesExistingFile(t *testing.T) {
	db, _ := openTemp(t)
	target := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(context.Background(), target); err == nil {
		t.Fatal("backup over an existing file succeeded")
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("existing file changed to %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func ticketCount(t *testing.T, db *store.DB) int64 {
	t.Helper()
	var n int64
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM tickets`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
