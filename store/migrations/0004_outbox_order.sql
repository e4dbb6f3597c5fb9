-- The conversation an owed reply belongs to (a Slack thread, a channel's
-- top level, a DM, a WhatsApp number, the edits of one message). A reply is
-- never due while an earlier one of its conversation is still owed, so
-- order holds across failed attempts, passes and restarts. Written at
-- enqueue by the store.
ALTER TABLE outbox ADD COLUMN conversation TEXT NOT NULL DEFAULT '';

-- Failed attempts that count toward giving up: waiting out a rate limit or
-- an outage is an attempt but not a failure.
ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;

-- Replies still owed from before this migration get their key as the store
-- writes it today (conversationOf in outbox.go).
UPDATE outbox SET conversation = CASE
    WHEN delivery IN ('whatsapp', 'slack_dm') THEN delivery || ':' || target
    WHEN delivery = 'slack_update' THEN 'edit:' || target || ':' || edit_ts
    WHEN sets_thread = 1 THEN 'ticket:' || IFNULL(ticket_id, 0)
    WHEN thread_ts = '@ticket' THEN IFNULL(
        (SELECT 'channel:' || outbox.target || ':' || t.slack_thread_ts FROM tickets t
         WHERE t.id = outbox.ticket_id AND t.slack_thread_ts <> ''),
        'ticket:' || IFNULL(ticket_id, 0))
    ELSE 'channel:' || target || ':' || thread_ts
END
WHERE sent_at IS NULL AND dead_at IS NULL;

-- The head of each conversation is found through this index.
CREATE INDEX outbox_conversation ON outbox(conversation, id) WHERE sent_at IS NULL AND dead_at IS NULL;
