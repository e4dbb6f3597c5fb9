package store_test

import (
	"context"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/store/pgtest"
)

func openPG(t *testing.T, url string) *store.DB {
	t.Helper()
	db, err := store.OpenWith(t.Context(), store.Options{Driver: store.DriverPostgres, URL: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// One leader per schema at a time; releasing, or losing the session, hands
// leadership to the next that asks.
func TestLeaderLockIsHeldByOne(t *testing.T) {
	url := pgtest.URL(t)
	ctx := t.Context()
	a, b := openPG(t, url), openPG(t, url)

	la, err := a.TryLead(ctx, time.Minute)
	if err != nil || la == nil {
		t.Fatalf("first TryLead = %v, %v; want the lock", la, err)
	}
	if err := la.Held(ctx); err != nil {
		t.Errorf("Held by the leader: %v", err)
	}
	if lb, err := b.TryLead(ctx, time.Minute); err != nil || lb != nil {
		t.Fatalf("second TryLead while held = %v, %v; want nil, nil", lb, err)
	}
	// Another schema has its own leader.
	if lo, err := openPG(t, pgtest.URL(t)).TryLead(ctx, time.Minute); err != nil || lo == nil {
		t.Errorf("TryLead on another schema = %v, %v; want the lock", lo, err)
	} else {
		lo.Release()
	}

	if err := la.Release(); err != nil {
		t.Fatal(err)
	}
	lb, err := b.TryLead(ctx, time.Minute)
	if err != nil || lb == nil {
		t.Fatalf("TryLead after release = %v, %v; want the lock", lb, err)
	}

	// The server ends the leader's session: Held says so, and the lock is
	// free for the next one.
	var pid int
	if err := a.SQL().QueryRowContext(ctx, `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = hashtext(current_schema())::oid`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SQL().ExecContext(ctx, `SELECT pg_terminate_backend($1)`, pid); err != nil {
		t.Fatal(err)
	}
	if err := lb.Held(ctx); err == nil {
		t.Error("Held after the session was terminated: nil, want an error")
	}
	lb.Release()
	// The server frees the locks of a terminated session once its backend
	// has exited, a moment after pg_terminate_backend returns.
	waitLead(t, a)
}

// waitLead wants db to get the lock within a few seconds.
func waitLead(t *testing.T, db *store.DB) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		l, err := db.TryLead(t.Context(), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if l != nil {
			l.Release()
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the lock was never freed")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A silent leader's session ends on the server after idle, so a leader
// whose host vanished does not hold the lock for ever.
func TestLeaderLockEndsWhenSilent(t *testing.T) {
	url := pgtest.URL(t)
	ctx := t.Context()
	a, b := openPG(t, url), openPG(t, url)
	la, err := a.TryLead(ctx, time.Second)
	if err != nil || la == nil {
		t.Fatalf("TryLead = %v, %v", la, err)
	}
	defer la.Release()
	waitLead(t, b)
}

// SQLite has no leader election: its one process always leads.
func TestLeaderLockNeedsPostgres(t *testing.T) {
	db, err := store.Open(context.Background(), t.TempDir()+"/s.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.TryLead(context.Background(), time.Second); err == nil {
		t.Error("TryLead on SQLite: nil error, want one")
	}
}
