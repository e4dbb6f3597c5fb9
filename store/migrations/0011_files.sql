-- Files on tickets: metadata and where the bytes live on their platform,
-- never the bytes themselves.
CREATE TABLE ticket_files (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES ticket_messages(id),
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL,
    size        INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    ref         TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_files_ticket ON ticket_files(ticket_id, message_id, position);

-- An owed reply that carries a file: its reference as JSON
-- (ticketing.Attachment), empty for text.
ALTER TABLE outbox ADD COLUMN file TEXT NOT NULL DEFAULT '';
