package app

import (
	"context"
	"log/slog"
	"time"

	"supportbot/store"
)

// Roles /readyz and the metrics report.
const (
	RoleLeader   = "leader"
	RoleFollower = "follower"
)

// election keeps one replica on a PostgreSQL store the leader: it asks for
// the store's leader lock while a follower, and checks it still holds it
// while the leader, every failover/5. A dead leader's session ends at once
// on the server (or after failover of silence if its host vanished), so a
// follower takes over within failover; a leader that cannot confirm its
// lock stops leading before the server could give the lock to another.
type election struct {
	db       *store.DB
	failover time.Duration
	log      *slog.Logger
}

func (e *election) every() time.Duration { return e.failover / 5 }

// run calls gained when this replica becomes the leader and lost when it
// stops being one, until ctx ends; then it gives leadership up.
func (e *election) run(ctx context.Context, gained, lost func()) {
	var lock *store.LeaderLock
	defer func() {
		if lock != nil {
			lost()
			if err := lock.Release(); err != nil {
				e.log.Warn("release leadership", "err", err)
			}
		}
	}()
	tick := time.NewTicker(e.every())
	defer tick.Stop()
	for {
		if lock == nil {
			lock = e.try(ctx)
			if lock != nil {
				e.log.Info("leader: this replica runs the scheduled jobs, delivers the outbox and holds WhatsApp")
				gained()
			}
		} else if err := e.held(ctx, lock); err != nil {
			if ctx.Err() != nil {
				return
			}
			e.log.Error("leadership lost: scheduled jobs, outbox and WhatsApp stop here until this replica leads again", "err", err)
			lost()
			_ = lock.Release()
			lock = nil
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func (e *election) try(ctx context.Context) *store.LeaderLock {
	ctx, cancel := context.WithTimeout(ctx, e.every())
	defer cancel()
	lock, err := e.db.TryLead(ctx, e.failover)
	if err != nil && ctx.Err() == nil {
		e.log.Warn("leader election: store did not answer", "err", err)
	}
	return lock
}

func (e *election) held(ctx context.Context, lock *store.LeaderLock) error {
	ctx, cancel := context.WithTimeout(ctx, e.every())
	defer cancel()
	return lock.Held(ctx)
}

// setRole records the replica's role for /readyz and the metrics.
func (a *App) setRole(leader bool) {
	a.leader.Store(leader)
	// A follower announces the replies it queues to the leader.
	a.db.NotifyPeers(!leader)
	role := RoleFollower
	if leader {
		role = RoleLeader
	}
	a.metrics.SetRole(role)
}

// Role is RoleLeader or RoleFollower.
func (a *App) Role() string {
	if a.leader.Load() {
		return RoleLeader
	}
	return RoleFollower
}
