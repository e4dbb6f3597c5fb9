package app

import "context"

// wakeOutbox points the store's commit signal at the deliverer: a reply
// queued by any part of this process (a message, a scheduled ping, a
// command) goes out right after its transaction commits.
func (a *App) wakeOutbox() { a.db.OnQueued(a.deliverer.Wake) }

// listenOutbox, on the leader of a PostgreSQL store, wakes the deliverer
// when another replica queues a reply, until ctx ends; the deliverer's own
// poll covers the moments the listening connection is down.
func (a *App) listenOutbox(ctx context.Context) {
	log := a.log.With("component", "outbox")
	a.db.ListenOutbox(ctx, a.deliverer.Wake, func(err error) {
		log.Warn("not hearing of replies queued by other replicas; polling meanwhile", "err", err)
	})
}
