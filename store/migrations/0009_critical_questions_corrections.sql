-- A doubtful critical message waits here while the client is asked whether
-- the whole operation is down; the scheduler tick settles the ones nobody
-- answered in time. Open questions are found by conversation (a WhatsApp
-- reply) and by age (the tick).
CREATE TABLE critical_questions (
    id              INTEGER PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients(id),
    author          TEXT NOT NULL,
    author_name     TEXT NOT NULL DEFAULT '',
    where_platform  TEXT NOT NULL,
    where_address   TEXT NOT NULL,
    where_thread    TEXT NOT NULL DEFAULT '',
    desk_platform   TEXT NOT NULL DEFAULT '',
    desk_address    TEXT NOT NULL DEFAULT '',
    desk_thread     TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL DEFAULT '',
    media           TEXT NOT NULL DEFAULT '',
    external_id     TEXT NOT NULL DEFAULT '',
    received_at     TEXT NOT NULL,
    asked_at        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    priority        TEXT NOT NULL DEFAULT '',
    confidence      REAL NOT NULL DEFAULT 0,
    cues            TEXT NOT NULL DEFAULT '',
    settled_at      TEXT,
    outcome         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX critical_questions_open ON critical_questions (asked_at) WHERE settled_at IS NULL;
CREATE INDEX critical_questions_where ON critical_questions (where_platform, where_address) WHERE settled_at IS NULL;

-- Every correction staff or the client make to the bot's reading, with the
-- original text: `supportbot intents export` reads them for retraining.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients(id),
    ticket_id   INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    priority    TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    by_id       TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX corrections_at ON corrections (at);
