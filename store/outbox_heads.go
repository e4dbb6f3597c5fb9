package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Each conversation's head (the one owed reply the deliverer may attempt:
// a thread's root before its replies, else the first queued) carries
// head = 1 on its row (migration 0019). The statements below keep exactly
// one head per conversation with owed replies, each an index lookup, so
// DueOutbox reads the heads' own index and costs the same with fifty or
// fifty thousand replies waiting behind them.

// dueHeads is the due heads, as outbox_heads_due indexes them.
const dueHeads = `head = 1 AND ` + owed + ` AND next_attempt_at <= ?`

// dueHeadsQuery reads the due heads where no reply is ever fresh (see
// queuesFresh): one range scan of the heads' index.
var dueHeadsQuery = `SELECT ` + outboxColumns + ` FROM outbox WHERE ` + dueHeads + ` ORDER BY next_attempt_at, id LIMIT ?`

// dueStatement is DueOutbox's statement on d and its arguments.
func (d dialect) dueStatement(now time.Time, limit int) (string, []any) {
	if d.queuesFresh() {
		return dueQuery, []any{stampOf(now), limit, stampOf(now), limit, limit}
	}
	return dueHeadsQuery, []any{stampOf(now), limit}
}

// dueQuery reads the due heads, and the fresh replies (queued on
// PostgreSQL, not yet settled) that are first in their conversation, each
// part through its own partial index and bounded by the limit: a head
// that a fresh thread root has displaced waits for the settling.
var dueQuery = `SELECT ` + outboxColumns + ` FROM (
	SELECT * FROM (SELECT ` + outboxColumns + ` FROM outbox o
		WHERE ` + dueHeads + `
		AND (sets_thread OR NOT EXISTS (SELECT 1 FROM outbox f WHERE f.conversation = o.conversation AND f.fresh = 1 AND f.sets_thread AND f.` + owed + `))
		ORDER BY next_attempt_at, id LIMIT ?) heads
	UNION ALL
	SELECT * FROM (SELECT ` + outboxColumns + ` FROM outbox o
		WHERE fresh = 1 AND ` + owed + ` AND next_attempt_at <= ?
		AND id = (SELECT q.id FROM outbox q WHERE q.conversation = o.conversation AND q.` + owed + ` ORDER BY q.sets_thread DESC, q.id LIMIT 1)
		ORDER BY next_attempt_at, id LIMIT ?) firsts
) due ORDER BY next_attempt_at, id LIMIT ?`

// settleBatch bounds the fresh replies one settling places.
const settleBatch = 1000

// settleFresh places fresh replies among the heads in the order queued,
// as Enqueue does on SQLite. The delivering replica does it in the
// transactions that record its attempts, so replies queued anywhere are
// settled by one writer, and DueOutbox's reading of fresh ones stays short.
func (t *Tx) settleFresh(ctx context.Context) error {
	if !t.d.queuesFresh() {
		return nil
	}
	rows, err := t.query(ctx, `SELECT id, conversation, sets_thread FROM outbox WHERE fresh = 1 AND `+owed+` ORDER BY id LIMIT ?`, settleBatch)
	if err != nil {
		return fmt.Errorf("settle queued replies: %w", err)
	}
	type fresh struct {
		id           int64
		conversation string
		setsThread   bool
	}
	var todo []fresh
	for rows.Next() {
		var f fresh
		if err := rows.Scan(&f.id, &f.conversation, &f.setsThread); err != nil {
			rows.Close()
			return fmt.Errorf("settle queued replies: %w", err)
		}
		todo = append(todo, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("settle queued replies: %w", err)
	}
	for _, f := range todo {
		if _, err := t.exec(ctx, `UPDATE outbox SET fresh = 0 WHERE id = ?`, f.id); err != nil {
			return fmt.Errorf("settle queued replies: %w", err)
		}
		if err := t.headQueued(ctx, f.conversation, f.setsThread); err != nil {
			return err
		}
	}
	return nil
}

// owed is the condition of a reply still in the queue; the heads' indexes
// are partial on it.
const owed = `sent_at IS NULL AND dead_at IS NULL`

// headQueued gives a reply just queued (or settled) its place: the
// conversation's head if it is its first owed reply, as a thread's root is
// even when replies were queued ahead of it. It elects the first owed
// reply rather than assuming the conversation was empty: a settled reply
// may find its conversation between two heads, with replies still owed
// ahead of it.
func (t *Tx) headQueued(ctx context.Context, conversation string, setsThread bool) error {
	if setsThread {
		if _, err := t.exec(ctx, `UPDATE outbox SET head = 0 WHERE conversation = ? AND head = 1 AND `+owed+` AND NOT sets_thread`,
			conversation); err != nil {
			return fmt.Errorf("outbox head of %s: %w", conversation, err)
		}
	}
	return t.elect(ctx, conversation)
}

// headLeft passes the head on once reply id left the queue (sent or given
// up), if it was the head.
func (t *Tx) headLeft(ctx context.Context, id int64) error {
	if err := t.settleFresh(ctx); err != nil {
		return err
	}
	var conversation string
	var head int
	err := t.queryRow(ctx, `SELECT conversation, head FROM outbox WHERE id = ?`, id).Scan(&conversation, &head)
	if errors.Is(err, sql.ErrNoRows) || err == nil && head == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("outbox head after %d: %w", id, err)
	}
	if _, err := t.exec(ctx, `UPDATE outbox SET head = 0 WHERE id = ?`, id); err != nil {
		return fmt.Errorf("outbox head after %d: %w", id, err)
	}
	return t.elect(ctx, conversation)
}

// elect makes the first owed reply of conversation its head, unless it has
// one.
func (t *Tx) elect(ctx context.Context, conversation string) error {
	_, err := t.exec(ctx, `UPDATE outbox SET head = 1, fresh = 0 WHERE id = (
			SELECT id FROM outbox WHERE conversation = ? AND `+owed+` ORDER BY sets_thread DESC, id LIMIT 1)
		AND NOT EXISTS (SELECT 1 FROM outbox h WHERE h.conversation = ? AND h.head = 1 AND h.`+owed+`)`, conversation, conversation)
	if err != nil {
		return fmt.Errorf("outbox head of %s: %w", conversation, err)
	}
	return nil
}

// repairHeads gives every conversation with owed replies its head again
// after a change to many at once (an erasure gives up a person's replies
// and rewrites texts, conversation keys included), and takes the mark off
// rows that left the queue.
func (t *Tx) repairHeads(ctx context.Context) error {
	if err := t.settleFresh(ctx); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `UPDATE outbox SET head = 0 WHERE head = 1 AND NOT (`+owed+`)`); err != nil {
		return fmt.Errorf("outbox heads: %w", err)
	}
	_, err := t.exec(ctx, `UPDATE outbox SET head = 1 WHERE id IN (
		SELECT (SELECT q.id FROM outbox q WHERE q.conversation = c.conversation AND q.`+owed+` ORDER BY q.sets_thread DESC, q.id LIMIT 1)
		FROM (SELECT DISTINCT conversation FROM outbox WHERE `+owed+`) c
		WHERE NOT EXISTS (SELECT 1 FROM outbox h WHERE h.conversation = c.conversation AND h.head = 1 AND h.`+owed+`))`)
	if err != nil {
		return fmt.Errorf("outbox heads: %w", err)
	}
	return nil
}

// placeCopied gives the replies a copy brought their places among the
// heads afresh: a copy from PostgreSQL may bring fresh replies, which a
// store that never queues fresh would not settle.
func (t *Tx) placeCopied(ctx context.Context) error {
	if t.d.queuesFresh() {
		return nil
	}
	if _, err := t.exec(ctx, `UPDATE outbox SET fresh = 0, head = 0 WHERE fresh = 1 OR head = 1`); err != nil {
		return fmt.Errorf("outbox heads: %w", err)
	}
	return t.repairHeads(ctx)
}

// NextOutboxAttempt is when the soonest head of a conversation falls due;
// false when nothing is owed. The deliverer sleeps until then.
func (t *Tx) NextOutboxAttempt(ctx context.Context) (time.Time, bool, error) {
	var at time.Time
	err := t.queryRow(ctx, `SELECT next_attempt_at FROM outbox WHERE head = 1 AND `+owed+`
		ORDER BY next_attempt_at, id LIMIT 1`).Scan(instant{&at})
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("next outbox attempt: %w", err)
	}
	return at, true, nil
}

// PostponeOutbox moves the next attempt of the owed items ids to until, if
// it was sooner, without counting an attempt: the deliverer holds back a
// channel's items while the platform's rate limit for it runs.
func (t *Tx) PostponeOutbox(ctx context.Context, ids []int64, until time.Time) error {
	for _, id := range ids {
		if _, err := t.exec(ctx, `UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND `+owed+` AND next_attempt_at < ?`,
			stampOf(until), id, stampOf(until)); err != nil {
			return fmt.Errorf("postpone outbox %d: %w", id, err)
		}
	}
	return nil
}
