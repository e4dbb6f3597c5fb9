-- PostgreSQL's counterpart of ../0004_outbox_order.sql. A PostgreSQL store
-- starts with every migration at once, so no owed reply predates the
-- conversation column and SQLite's backfill has nothing to do here.
ALTER TABLE outbox ADD COLUMN conversation text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN failures integer NOT NULL DEFAULT 0;
CREATE INDEX outbox_conversation ON outbox(conversation, id) WHERE sent_at IS NULL AND dead_at IS NULL;
