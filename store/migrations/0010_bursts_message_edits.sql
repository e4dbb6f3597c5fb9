-- A client's edits and deletions change the ticket's record without
-- losing anything: the text a message had is kept as a revision, and a
-- deleted message is marked, not removed.
ALTER TABLE ticket_messages ADD COLUMN edited_at TEXT;
ALTER TABLE ticket_messages ADD COLUMN deleted_at TEXT;

CREATE TABLE message_revisions (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES ticket_messages(id),
    text        TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX message_revisions_message ON message_revisions(message_id);

-- One person's recent top-level messages in one conversation, so messages
-- close together make one case (bot/burst.go). pending is the JSON list of
-- the messages that opened nothing yet.
CREATE TABLE bursts (
    key            TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL,
    ticket_id      INTEGER NOT NULL DEFAULT 0,
    where_platform TEXT NOT NULL DEFAULT '',
    where_address  TEXT NOT NULL DEFAULT '',
    where_thread   TEXT NOT NULL DEFAULT '',
    last_at        TEXT NOT NULL,
    pending        TEXT NOT NULL DEFAULT '[]',
    answer_at      TEXT
);
CREATE INDEX bursts_answer_at ON bursts(answer_at) WHERE answer_at IS NOT NULL;
