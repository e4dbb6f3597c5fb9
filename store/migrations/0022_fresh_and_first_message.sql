-- Settling fresh replies reads them in the order queued; with only the
-- (next_attempt_at, id) index on them, SQLite walked the whole outbox by id
-- to find none, at every write. A ticket's card reads its first client
-- message at every change of the ticket; the ticket index alone sorted its
-- whole history each time.
CREATE INDEX outbox_fresh_order ON outbox(id) WHERE fresh = 1 AND sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX ticket_messages_first ON ticket_messages(ticket_id, author_kind, at, id);
