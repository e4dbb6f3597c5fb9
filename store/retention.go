package store

import (
	"context"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// purgeBatch bounds one retention transaction, so a first run over years
// of messages never holds the writer for long.
const purgeBatch = 500

// RetentionResult is what one retention run removed.
type RetentionResult struct {
	Messages int64 // client and staff messages whose text and file were emptied
	Outbox   int64 // delivered or dead replies whose text was emptied
}

// PurgeMessages empties the text and file metadata of every message older
// than before, and the text of replies delivered (or given up) before it.
// Rows stay, and with them every ticket, its times and SLA figures, so the
// monthly report reads the same. It ends with one audit line for the run.
func (d *DB) PurgeMessages(ctx context.Context, before, now time.Time, actor string) (RetentionResult, error) {
	var res RetentionResult
	steps := []struct {
		n *int64
		q string
	}{
		{&res.Messages, `UPDATE ticket_messages SET text = '', media = '' WHERE id IN (
			SELECT id FROM ticket_messages WHERE at < ? AND (text <> '' OR media <> '') LIMIT ?)`},
		{&res.Outbox, `UPDATE outbox SET text = '', buttons = '' WHERE id IN (
			SELECT id FROM outbox WHERE created_at < ? AND (sent_at IS NOT NULL OR dead_at IS NOT NULL) AND (text <> '' OR buttons <> '') LIMIT ?)`},
		// A satisfaction comment is a client's message too; the rating stays.
		{&res.Messages, `UPDATE csat SET comment = '' WHERE ticket_id IN (
			SELECT ticket_id FROM csat WHERE commented_at < ? AND comment <> '' LIMIT ?)`},
	}
	for _, s := range steps {
		for {
			var n int64
			err := d.Update(ctx, func(ttx ticketing.Tx) error {
				r, err := ttx.(*Tx).exec(ctx, s.q, stampOf(before), purgeBatch)
				if err != nil {
					return err
				}
				n, err = r.RowsAffected()
				return err
			})
			if err != nil {
				return res, fmt.Errorf("retention: %w", err)
			}
			*s.n += n
			if n < purgeBatch {
				break
			}
		}
	}
	err := d.Update(ctx, func(tx ticketing.Tx) error {
		return tx.Audit(ctx, ticketing.AuditEntry{At: now, Actor: actor, Action: ticketing.AuditRetentionRun,
			Detail: fmt.Sprintf("before %s: %d messages, %d replies", before.UTC().Format(time.DateOnly), res.Messages, res.Outbox)})
	})
	if err != nil {
		return res, fmt.Errorf("retention: %w", err)
	}
	return res, nil
}
