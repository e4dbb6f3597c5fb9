-- The ticket's current next-response clock (a client message after the
-- first response, waiting for a staff answer), and the attended time it
-- waited on the client before its resolution, left out of its time to
-- resolution.
ALTER TABLE tickets ADD COLUMN awaiting_since TEXT;
ALTER TABLE tickets ADD COLUMN next_clock_start TEXT;
ALTER TABLE tickets ADD COLUMN next_due_at TEXT;
ALTER TABLE tickets ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;

-- Every next-response clock, answered or not, for the report. The partial
-- unique index keeps one unanswered clock per ticket: messages before the
-- answer join the first one's.
CREATE TABLE next_responses (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    client_id   TEXT NOT NULL REFERENCES clients(id),
    priority    TEXT NOT NULL,
    since       TEXT NOT NULL,
    clock_start TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    answered_at TEXT,
    answered_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ticket_id, since)
);
CREATE UNIQUE INDEX next_responses_one_open ON next_responses(ticket_id) WHERE answered_at IS NULL;
CREATE INDEX next_responses_client_since ON next_responses(client_id, since);
