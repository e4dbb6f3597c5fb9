package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"testing"

	"supportbot/app"
	"supportbot/store"
	"supportbot/ticketing"
)

func getReadiness(t *testing.T, base string) (int, app.Readiness) {
	t.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rd app.Readiness
	if err := json.NewDecoder(resp.Body).Decode(&rd); err != nil {
		t.Fatalf("readyz body: %v", err)
	}
	return resp.StatusCode, rd
}

// A store that cannot take a write makes the bot not ready, and ready again
// once it can.
func TestReadinessFollowsStoreWritability(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	// With SQLite the one process is always the leader.
	if code, rd := getReadiness(t, r.base); code != http.StatusOK || !rd.Ready || rd.Slack != "connected" || rd.Role != app.RoleLeader || rd.StoreDriver != "sqlite" {
		t.Fatalf("readyz = %d %+v, want 200 ready, leader on sqlite", code, rd)
	}

	// Another process holds the write lock: nothing can be written.
	other, err := sql.Open("sqlite3", store.DSN(r.dbPath))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(`UPDATE heartbeat SET at = at`); err != nil {
		t.Fatal(err)
	}
	code, rd := getReadiness(t, r.base)
	if code != http.StatusServiceUnavailable || rd.Ready || rd.Store == "ok" {
		t.Errorf("readyz with the store locked = %d %+v, want 503 naming the store", code, rd)
	}
	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	if code, rd := getReadiness(t, r.base); code != http.StatusOK || !rd.Ready {
		t.Errorf("readyz after the lock = %d %+v, want 200", code, rd)
	}
}
