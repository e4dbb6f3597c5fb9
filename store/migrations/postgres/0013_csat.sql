-- PostgreSQL's counterpart of ../0013_csat.sql: one satisfaction question
-- per closed ticket, its rating (0 until answered) and optional comment.
CREATE TABLE csat (
    ticket_id       bigint PRIMARY KEY REFERENCES tickets(id),
    client_id       text NOT NULL REFERENCES clients(id),
    where_platform  text NOT NULL,
    where_address   text NOT NULL,
    where_thread    text NOT NULL DEFAULT '',
    asked_at        timestamptz NOT NULL,
    open_until      timestamptz,
    rating          integer NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    rated_by        text NOT NULL DEFAULT '',
    rated_at        timestamptz,
    comment_until   timestamptz,
    comment         text NOT NULL DEFAULT '',
    commented_at    timestamptz
);
CREATE INDEX csat_where ON csat (where_platform, where_address, asked_at);
