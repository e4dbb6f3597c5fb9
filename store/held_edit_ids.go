package store

import (
	"context"
	"fmt"
	"sync"
)

// heldEditIDs is, on SQLite, every message id that edits may be held for.
// Every client message asks for its held edits, and almost none has any:
// with the ids in memory the writer answers most of those questions
// without a statement. It only ever grows while the store is open (an
// edit held in an update that then failed stays listed, and so do edits
// taken or pruned), so it is a superset of the table and never hides a
// held edit; each Open starts it again from the table. It is sound because
// on SQLite the store's own writer is the only one that holds edits: a
// second `run` cannot open the file, and the commands that may run beside
// one only delete. PostgreSQL's replicas share the table, so there every
// question is asked of it.
type heldEditIDs struct {
	mu  sync.Mutex
	ids map[string]struct{}
}

func loadHeldEditIDs(ctx context.Context, d *DB) (*heldEditIDs, error) {
	h := &heldEditIDs{ids: map[string]struct{}{}}
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT external_id FROM pending_edits`)
	if err != nil {
		return nil, fmt.Errorf("held edits: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("held edits: %w", err)
		}
		h.ids[id] = struct{}{}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("held edits: %w", err)
	}
	return h, nil
}

// mayHold is false only when no edit of externalID can be held. A nil
// list knows nothing.
func (h *heldEditIDs) mayHold(externalID string) bool {
	if h == nil {
		return true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	_, ok := h.ids[externalID]
	return ok
}

func (h *heldEditIDs) add(externalID string) {
	if h == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ids[externalID] = struct{}{}
}
