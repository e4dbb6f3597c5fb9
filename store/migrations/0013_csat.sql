-- Satisfaction: one question per closed ticket, stored when asked so a
-- rating sent as a bare number in a chat finds its ticket; the primary key
-- keeps it to one answer per ticket. rating is 0 until answered.
CREATE TABLE csat (
    ticket_id       INTEGER PRIMARY KEY REFERENCES tickets(id),
    client_id       TEXT NOT NULL REFERENCES clients(id),
    where_platform  TEXT NOT NULL,
    where_address   TEXT NOT NULL,
    where_thread    TEXT NOT NULL DEFAULT '',
    asked_at        TEXT NOT NULL,
    open_until      TEXT,
    rating          INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    rated_by        TEXT NOT NULL DEFAULT '',
    rated_at        TEXT,
    comment_until   TEXT,
    comment         TEXT NOT NULL DEFAULT '',
    commented_at    TEXT
);
CREATE INDEX csat_where ON csat (where_platform, where_address, asked_at);
