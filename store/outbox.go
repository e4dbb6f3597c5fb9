package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"supportbot/ticketing"
)

// Enqueue queues an owed reply. A repeated DedupeKey is ErrDuplicate.
func (t *Tx) Enqueue(ctx context.Context, it *ticketing.OutboxItem) error {
	if it.NextAttemptAt.IsZero() {
		it.NextAttemptAt = it.CreatedAt
	}
	var ticketID, dedupe any
	if it.TicketID != 0 {
		ticketID = it.TicketID
	}
	if it.DedupeKey != "" {
		dedupe = it.DedupeKey
	}
	buttons, err := encodeButtons(it.Buttons)
	if err != nil {
		return err
	}
	var thread string
	if it.InDeskThread && it.TicketID != 0 {
		err := t.queryRow(ctx, `SELECT slack_thread_ts FROM tickets WHERE id = ?`, it.TicketID).Scan(&thread)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("enqueue: thread of ticket %d: %w", it.TicketID, err)
		}
	}
	file, err := encodeFile(it.File)
	if err != nil {
		return err
	}
	it.Conversation = conversationOf(it, thread)
	// On PostgreSQL the reply is placed among the heads later (see
	// settleFresh): here it only adds a row, reading nothing of the queue.
	fresh := 0
	if t.d.queuesFresh() {
		fresh = 1
	}
	err = t.insertNew(ctx, &it.ID, `INSERT INTO outbox (delivery, target, thread_ts, user_id, text, edit_ts, buttons, ticket_id,
		dedupe_key, sets_thread, next_attempt_at, created_at, conversation, file, card, fresh, reply_to)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		it.Route(), it.To.Address, storedThread(it), it.UserID, it.Text, it.EditRef, buttons, ticketID, dedupe,
		it.SetsThread, stampOf(it.NextAttemptAt), stampOf(it.CreatedAt), it.Conversation, file, string(it.Card), fresh, it.ReplyTo)
	if errors.Is(err, ticketing.ErrDuplicate) {
		return fmt.Errorf("outbox %s: %w", it.DedupeKey, err)
	}
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	if fresh == 0 {
		if err := t.headQueued(ctx, it.Conversation, it.SetsThread); err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
	}
	t.queued = true
	return nil
}

// inDeskThread is how thread_ts marks an item addressed to its ticket's
// desk thread before that thread exists (migration 0004 reads it too).
const inDeskThread = "@ticket"

func storedThread(it *ticketing.OutboxItem) string {
	if it.InDeskThread {
		return inDeskThread
	}
	return it.To.Thread
}

// routeOf reads the delivery column back: platform_mode, as Route writes it.
func routeOf(delivery string) (ticketing.Platform, ticketing.Mode) {
	i := strings.LastIndexByte(delivery, '_')
	if i < 0 {
		return ticketing.Platform(delivery), ticketing.ModePost
	}
	return ticketing.Platform(delivery[:i]), ticketing.Mode(delivery[i+1:])
}

// conversationOf keys where an item appears: the thread (or top level) of a
// channel or chat, a person's direct chat, the edits of one message. A
// ticket's desk thread not posted yet is keyed by the ticket, its root post
// included, until MarkSent learns the thread. ticketThread is the ticket's
// thread when the item is addressed to it. Migrations 0004 and 0008 wrote
// the same keys for the items owed then.
func conversationOf(it *ticketing.OutboxItem, ticketThread string) string {
	if it.Card != ticketing.CardNone && it.TicketID != 0 {
		// A card, its edits and its thread go out in the order queued: an
		// older edit never lands over a newer one, a ping never before the
		// card it hangs from.
		return cardConversation(it.TicketID)
	}
	switch it.Mode {
	case ticketing.ModeDirect:
		return it.Route() + ":" + it.To.Address
	case ticketing.ModeUpdate:
		// Edits of one message land in order, so the last one stays.
		return "edit:" + it.To.Address + ":" + it.EditRef
	}
	thread := it.To.Thread
	if it.InDeskThread {
		thread = ticketThread
	}
	if it.SetsThread || thread == "" && it.InDeskThread {
		return ticketConversation(it.TicketID)
	}
	return channelConversation(it.To.Address, thread)
}

func ticketConversation(ticketID int64) string { return "ticket:" + strconv.FormatInt(ticketID, 10) }

func cardConversation(ticketID int64) string { return "card:" + strconv.FormatInt(ticketID, 10) }

func channelConversation(channel, thread string) string { return "channel:" + channel + ":" + thread }

const outboxColumns = `id, delivery, target, thread_ts, user_id, text, edit_ts, buttons, ticket_id, dedupe_key,
	sets_thread, attempts, failures, next_attempt_at, last_error, created_at, in_flight_at, conversation, file, card, reply_to`

// PendingOutbox lists unsent items whose next attempt is due, oldest first,
// whether or not an earlier item of their conversation is still owed.
func (t *Tx) PendingOutbox(ctx context.Context, now time.Time, limit int) ([]ticketing.OutboxItem, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := t.query(ctx, `SELECT `+outboxColumns+`
		FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`, stampOf(now), limit)
	if err != nil {
		return nil, fmt.Errorf("pending outbox: %w", err)
	}
	return scanOutbox(rows)
}

// DueOutbox lists the head of each conversation when it is due, oldest
// first. In a conversation a thread's root post comes before its replies,
// and otherwise items go in the order queued, so a reply queued in the same
// transaction as its root, before it, still waits for it. The heads are
// kept marked (see outbox_heads.go), so this reads their index alone.
func (t *Tx) DueOutbox(ctx context.Context, now time.Time, limit int) ([]ticketing.OutboxItem, error) {
	if limit <= 0 {
		limit = 100
	}
	q, args := t.d.dueStatement(now, limit)
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("due outbox: %w", err)
	}
	return scanOutbox(rows)
}

func scanOutbox(rows *sql.Rows) ([]ticketing.OutboxItem, error) {
	defer rows.Close()
	var out []ticketing.OutboxItem
	for rows.Next() {
		var it ticketing.OutboxItem
		var delivery, buttons string
		var ticketID sql.NullInt64
		var dedupe sql.NullString
		var file, card string
		if err := rows.Scan(&it.ID, &delivery, &it.To.Address, &it.To.Thread, &it.UserID, &it.Text, &it.EditRef, &buttons, &ticketID,
			&dedupe, &it.SetsThread, &it.Attempts, &it.Failures, instant{&it.NextAttemptAt}, &it.LastError,
			instant{&it.CreatedAt}, instant{&it.InFlightAt}, &it.Conversation, &file, &card, &it.ReplyTo); err != nil {
			return nil, fmt.Errorf("read outbox: %w", err)
		}
		it.To.Platform, it.Mode = routeOf(delivery)
		if it.To.Thread == inDeskThread {
			it.To.Thread, it.InDeskThread = "", true
		}
		it.TicketID, it.DedupeKey, it.Card = ticketID.Int64, dedupe.String, ticketing.CardPart(card)
		var err error
		if it.Buttons, err = decodeButtons(buttons); err != nil {
			return nil, err
		}
		if it.File, err = decodeFile(file); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	return out, nil
}

// MarkInFlight stamps the start of delivery attempts; every outcome below
// clears it.
func (t *Tx) MarkInFlight(ctx context.Context, ids []int64, at time.Time) error {
	if err := t.settleFresh(ctx); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := t.exec(ctx, `UPDATE outbox SET in_flight_at = ? WHERE id = ? AND sent_at IS NULL`, stampOf(at), id); err != nil {
			return fmt.Errorf("mark in flight %d: %w", id, err)
		}
	}
	return nil
}

// ClearInFlight takes the stamp off items whose attempt never started or was
// refused outright.
func (t *Tx) ClearInFlight(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := t.exec(ctx, `UPDATE outbox SET in_flight_at = ? WHERE id = ?`, noStamp, id); err != nil {
			return fmt.Errorf("clear in flight %d: %w", id, err)
		}
	}
	return nil
}

// MarkSent records delivery; an item already marked sent is left alone so a
// late duplicate confirmation changes nothing.
func (t *Tx) MarkSent(ctx context.Context, id int64, at time.Time, externalRef string) error {
	res, err := t.exec(ctx, `UPDATE outbox SET sent_at = ?, external_ref = ?, attempts = attempts + 1, last_error = '', in_flight_at = ?
		WHERE id = ? AND sent_at IS NULL`, stampOf(at), externalRef, noStamp, id)
	if err != nil {
		return fmt.Errorf("mark sent %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	if err := t.headLeft(ctx, id); err != nil {
		return err
	}
	if externalRef == "" {
		return nil
	}
	return t.threadStarted(ctx, id, externalRef)
}

// threadStarted moves the replies owed to a ticket's thread into the
// thread's conversation once its root post (item id) is out as threadTS:
// replies queued from now on name the thread itself and must still wait
// behind them.
func (t *Tx) threadStarted(ctx context.Context, id int64, threadTS string) error {
	var setsThread bool
	var ticketID sql.NullInt64
	var target string
	if err := t.queryRow(ctx, `SELECT sets_thread, ticket_id, target FROM outbox WHERE id = ?`, id).Scan(&setsThread, &ticketID, &target); err != nil {
		return fmt.Errorf("mark sent %d: %w", id, err)
	}
	if !setsThread {
		return nil
	}
	// The moved replies keep their head mark for now: the unique index
	// allows one head per conversation, so heads are cleared first.
	thread := channelConversation(target, threadTS)
	from := ticketConversation(ticketID.Int64)
	if _, err := t.exec(ctx, `UPDATE outbox SET head = 0 WHERE conversation IN (?, ?) AND head = 1 AND `+owed, from, thread); err != nil {
		return fmt.Errorf("mark sent %d: move replies into thread %s: %w", id, threadTS, err)
	}
	_, err := t.exec(ctx, `UPDATE outbox SET conversation = ? WHERE conversation = ? AND `+owed, thread, from)
	if err != nil {
		return fmt.Errorf("mark sent %d: move replies into thread %s: %w", id, threadTS, err)
	}
	return t.elect(ctx, thread)
}

// MarkFailed schedules another attempt and counts a failure. The in-flight
// stamp stays: a failed attempt (a timeout, a dropped connection) may still
// have been delivered, so the next one checks first.
func (t *Tx) MarkFailed(ctx context.Context, id int64, nextAttempt time.Time, reason string) error {
	if err := t.settleFresh(ctx); err != nil {
		return err
	}
	_, err := t.exec(ctx, `UPDATE outbox SET attempts = attempts + 1, failures = failures + 1, next_attempt_at = ?, last_error = ?
		WHERE id = ? AND sent_at IS NULL`, stampOf(nextAttempt), reason, id)
	if err != nil {
		return fmt.Errorf("mark failed %d: %w", id, err)
	}
	return nil
}

// MarkDeferred schedules another attempt without counting a failure.
func (t *Tx) MarkDeferred(ctx context.Context, id int64, nextAttempt time.Time, reason string) error {
	if err := t.settleFresh(ctx); err != nil {
		return err
	}
	_, err := t.exec(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
		WHERE id = ? AND sent_at IS NULL`, stampOf(nextAttempt), reason, id)
	if err != nil {
		return fmt.Errorf("mark deferred %d: %w", id, err)
	}
	return nil
}

// MarkDead takes an item that can never be delivered out of the queue,
// keeping it and the reason for the record.
func (t *Tx) MarkDead(ctx context.Context, id int64, at time.Time, reason string) error {
	_, err := t.exec(ctx, `UPDATE outbox SET attempts = attempts + 1, dead_at = ?, last_error = ?, in_flight_at = ?
		WHERE id = ? AND sent_at IS NULL`, stampOf(at), reason, noStamp, id)
	if err != nil {
		return fmt.Errorf("mark dead %d: %w", id, err)
	}
	return t.headLeft(ctx, id)
}

// OutboxBacklog counts replies not yet delivered.
func (t *Tx) OutboxBacklog(ctx context.Context) (int, error) {
	var n int
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("outbox backlog: %w", err)
	}
	return n, nil
}

// RecordNotification inserts the (ticket, kind, threshold) row; false means
// it existed, so the notification was already queued once.
func (t *Tx) RecordNotification(ctx context.Context, ticketID int64, kind string, threshold float64, at time.Time) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO notifications (ticket_id, kind, threshold, sent_at) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, ticketID, kind, threshold, stampOf(at))
	if err != nil {
		return false, fmt.Errorf("record notification: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record notification: %w", err)
	}
	return n == 1, nil
}

func encodeButtons(b []ticketing.Button) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return "", fmt.Errorf("encode buttons: %w", err)
	}
	return string(raw), nil
}

func decodeButtons(s string) ([]ticketing.Button, error) {
	if s == "" {
		return nil, nil
	}
	var b []ticketing.Button
	if err := json.Unmarshal([]byte(s), &b); err != nil {
		return nil, fmt.Errorf("stored buttons: %w", err)
	}
	return b, nil
}

func encodeFile(f *ticketing.Attachment) (string, error) {
	if f == nil {
		return "", nil
	}
	raw, err := json.Marshal(f)
	if err != nil {
		return "", fmt.Errorf("encode file: %w", err)
	}
	return string(raw), nil
}

func decodeFile(s string) (*ticketing.Attachment, error) {
	if s == "" {
		return nil, nil
	}
	var f ticketing.Attachment
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return nil, fmt.Errorf("stored file: %w", err)
	}
	return &f, nil
}

// encodeFiles is a held message's files as JSON; none is empty.
func encodeFiles(fs []ticketing.Attachment) (string, error) {
	if len(fs) == 0 {
		return "", nil
	}
	raw, err := json.Marshal(fs)
	if err != nil {
		return "", fmt.Errorf("encode files: %w", err)
	}
	return string(raw), nil
}

func decodeFiles(s string) ([]ticketing.Attachment, error) {
	if s == "" {
		return nil, nil
	}
	var fs []ticketing.Attachment
	if err := json.Unmarshal([]byte(s), &fs); err != nil {
		return nil, fmt.Errorf("stored files: %w", err)
	}
	return fs, nil
}
