-- WhatsApp Cloud API: when each contact last wrote (the 24-hour window in
-- which free-form messages may go out) and when the reopening template was
-- last sent, kept in the store so that every replica and every restart
-- sees the same window; closed_at is when Meta said the window was closed
-- (131047) although the bot thought it open.
CREATE TABLE whatsapp_windows (
    phone            TEXT PRIMARY KEY,
    last_inbound_at  TEXT,
    template_sent_at TEXT,
    closed_at        TEXT
);

-- What Meta's status webhooks said of an owed reply (sent, delivered,
-- read, failed), and the message id it got: a reply whose send the process
-- did not live to record is found here instead of being sent twice.
ALTER TABLE outbox ADD COLUMN platform_status TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN platform_status_at TEXT;
ALTER TABLE outbox ADD COLUMN platform_error TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN platform_ref TEXT NOT NULL DEFAULT '';
-- Statuses and quoted replies find an item by the message id Meta gave it.
CREATE INDEX outbox_external_ref ON outbox(external_ref) WHERE external_ref <> '';
CREATE INDEX outbox_platform_ref ON outbox(platform_ref) WHERE platform_ref <> '';
