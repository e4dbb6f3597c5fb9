-- PostgreSQL's counterpart of ../0019_outbox_heads.sql. A reply is queued
-- fresh and without reading the queue, and the replica that delivers makes
-- it a head later (store/outbox_heads.go): reading the heads in every
-- transaction that queues a reply made all of them conflict with each
-- other under SERIALIZABLE (the heads' index is a page or two).
ALTER TABLE outbox ADD COLUMN head integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN fresh integer NOT NULL DEFAULT 0;

UPDATE outbox SET head = 1
WHERE sent_at IS NULL AND dead_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM outbox e WHERE e.conversation = outbox.conversation AND e.sent_at IS NULL AND e.dead_at IS NULL
    AND (e.sets_thread > outbox.sets_thread OR e.sets_thread = outbox.sets_thread AND e.id < outbox.id));

CREATE UNIQUE INDEX outbox_head_of ON outbox(conversation) WHERE head = 1 AND sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_heads_due ON outbox(next_attempt_at, id) WHERE head = 1 AND sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_queue ON outbox(conversation, sets_thread DESC, id) WHERE sent_at IS NULL AND dead_at IS NULL;
DROP INDEX outbox_conversation;
DROP INDEX outbox_pending;
CREATE INDEX outbox_fresh ON outbox(next_attempt_at, id) WHERE fresh = 1 AND sent_at IS NULL AND dead_at IS NULL;
