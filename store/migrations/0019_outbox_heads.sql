-- The head of each conversation (the one owed reply of it the deliverer may
-- attempt) is marked on its row and kept marked by the store on enqueue,
-- delivery and giving up, so finding what is due is a range scan of the
-- heads' own index: its cost follows the number of conversations due, not
-- the backlog behind them. Before, every pass checked each owed reply
-- against every other one of its conversation, slowest when the queue was
-- deepest, after an outage.
ALTER TABLE outbox ADD COLUMN head INTEGER NOT NULL DEFAULT 0;
-- Queued but not yet given its place among the heads: PostgreSQL's replies
-- until the delivering replica settles them (see the PostgreSQL
-- migration); SQLite places each reply as it is queued, and has fresh rows
-- only when copied from PostgreSQL.
ALTER TABLE outbox ADD COLUMN fresh INTEGER NOT NULL DEFAULT 0;

-- The heads of the replies owed now: a thread's root first, then the order
-- queued (what DueOutbox computed until now).
UPDATE outbox SET head = 1
WHERE sent_at IS NULL AND dead_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM outbox e WHERE e.conversation = outbox.conversation AND e.sent_at IS NULL AND e.dead_at IS NULL
    AND (e.sets_thread > outbox.sets_thread OR e.sets_thread = outbox.sets_thread AND e.id < outbox.id));

-- One head per conversation; also how the store finds a conversation's head.
CREATE UNIQUE INDEX outbox_head_of ON outbox(conversation) WHERE head = 1 AND sent_at IS NULL AND dead_at IS NULL;
-- What is due, soonest first.
CREATE INDEX outbox_heads_due ON outbox(next_attempt_at, id) WHERE head = 1 AND sent_at IS NULL AND dead_at IS NULL;
-- A conversation's queue in delivery order, for the next head.
CREATE INDEX outbox_queue ON outbox(conversation, sets_thread DESC, id) WHERE sent_at IS NULL AND dead_at IS NULL;
DROP INDEX outbox_conversation;
-- Every owed reply by due time: with it beside the heads' index, SQLite
-- planned the heads' read on it (it cannot tell which is smaller), scanning
-- the whole backlog. Counting the backlog takes outbox_queue instead.
DROP INDEX outbox_pending;
CREATE INDEX outbox_fresh ON outbox(next_attempt_at, id) WHERE fresh = 1 AND sent_at IS NULL AND dead_at IS NULL;
