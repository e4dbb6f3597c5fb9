package store_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/store/pgtest"
	"supportbot/ticketing"
)

// waitFor polls cond until it holds, failing with what was seen after a
// generous bound.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func queueOne(t *testing.T, db *store.DB, text string) {
	t.Helper()
	enqueue(t, db, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"},
		Mode: ticketing.ModePost, Text: text})
}

// A commit that queued a reply calls the OnQueued hook; one that queued
// nothing does not.
func TestCommitThatQueuesWakesTheDeliverer(t *testing.T) {
	db, _ := openTemp(t)
	seedClients(t, db)
	var woken atomic.Int64
	db.OnQueued(func() { woken.Add(1) })
	update(t, db, func(ctx context.Context, tx ticketing.Tx) error { return tx.CreateTicket(ctx, newTicket("acme")) })
	if n := woken.Load(); n != 0 {
		t.Fatalf("a commit that queued nothing woke the deliverer %d times", n)
	}
	queueOne(t, db, "hola")
	if n := woken.Load(); n != 1 {
		t.Fatalf("a commit that queued a reply woke the deliverer %d times, want 1", n)
	}
}

// On PostgreSQL the leader's listener hears of a reply a follower queued
// in the same schema, and not of one queued in another schema.
func TestListenerHearsRepliesQueuedByAFollower(t *testing.T) {
	url := pgtest.URL(t)
	open := func(url string) *store.DB {
		db, err := store.OpenWith(t.Context(), store.Options{Driver: store.DriverPostgres, URL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	leader, follower, elsewhere := open(url), open(url), open(pgtest.URL(t))
	follower.NotifyPeers(true)
	elsewhere.NotifyPeers(true)
	var heard atomic.Int64
	listening := make(chan struct{})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		first := true
		leader.ListenOutbox(ctx, func() {
			if first {
				// The wake-up on connecting, for what was queued before.
				first = false
				close(listening)
				return
			}
			heard.Add(1)
		}, func(err error) { t.Errorf("listener lost: %v", err) })
	}()
	defer func() { cancel(); <-done }()
	<-listening
	queueOne(t, elsewhere, "otro esquema")
	queueOne(t, follower, "hola")
	waitFor(t, "the leader to hear of the follower's reply", func() bool { return heard.Load() > 0 })
	// The other schema's announcement went out first: had it been heard,
	// the count would be 2 by now, once the follower's was.
	if n := heard.Load(); n != 1 {
		t.Errorf("the leader heard %d announcements, want 1 (its schema's only)", n)
	}
}
