-- The deliverer's read of the due heads asks, for each head that is not a
-- thread's root, whether a fresh root of its conversation is owed. Only
-- the conversation could be looked up in outbox_queue, so the question
-- walked the conversation's whole backlog at every read: a channel with
-- hundreds of alerts owed made each read hundreds of rows dearer. Fresh
-- roots have an index of their own now, empty unless one is owed.
CREATE INDEX outbox_fresh_roots ON outbox(conversation) WHERE fresh = 1 AND sets_thread AND sent_at IS NULL AND dead_at IS NULL;
