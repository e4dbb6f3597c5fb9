package store

import (
	"context"
	"fmt"

	"supportbot/ticketing"
)

// LastVersion finds what the bot last wrote as the message ref of target:
// a rewrite still owed (it is the message's newest content already, so a
// next rewrite builds on it rather than on what the platform shows for
// now), else the newest delivered post or rewrite that got that id.
func (t *Tx) LastVersion(ctx context.Context, target, ref string) (*ticketing.OutboxItem, error) {
	if target == "" || ref == "" {
		return nil, fmt.Errorf("message %s/%s: %w", target, ref, ticketing.ErrNotFound)
	}
	owed := ticketing.OutboxItem{To: ticketing.Conversation{Address: target}, Mode: ticketing.ModeUpdate, EditRef: ref}
	queries := []struct {
		where string
		args  []any
	}{
		{`conversation = ? AND sent_at IS NULL AND dead_at IS NULL`, []any{conversationOf(&owed, "")}},
		{`target = ? AND external_ref = ? AND dead_at IS NULL`, []any{target, ref}},
	}
	for _, q := range queries {
		rows, err := t.query(ctx, `SELECT `+outboxColumns+` FROM outbox WHERE `+q.where+` ORDER BY id DESC LIMIT 1`, q.args...)
		if err != nil {
			return nil, fmt.Errorf("message %s/%s: %w", target, ref, err)
		}
		items, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("message %s/%s: %w", target, ref, err)
		}
		if len(items) > 0 {
			return &items[0], nil
		}
	}
	return nil, fmt.Errorf("message %s/%s: %w", target, ref, ticketing.ErrNotFound)
}
