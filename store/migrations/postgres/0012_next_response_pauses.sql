-- PostgreSQL's counterpart of ../0012_next_response_pauses.sql.
ALTER TABLE tickets ADD COLUMN awaiting_since timestamptz;
ALTER TABLE tickets ADD COLUMN next_clock_start timestamptz;
ALTER TABLE tickets ADD COLUMN next_due_at timestamptz;
ALTER TABLE tickets ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0;

CREATE TABLE next_responses (
    ticket_id   bigint NOT NULL REFERENCES tickets(id),
    client_id   text NOT NULL REFERENCES clients(id),
    priority    text NOT NULL,
    since       timestamptz NOT NULL,
    clock_start timestamptz NOT NULL,
    due_at      timestamptz NOT NULL,
    answered_at timestamptz,
    answered_by text NOT NULL DEFAULT '',
    PRIMARY KEY (ticket_id, since)
);
CREATE UNIQUE INDEX next_responses_one_open ON next_responses(ticket_id) WHERE answered_at IS NULL;
CREATE INDEX next_responses_client_since ON next_responses(client_id, since);
