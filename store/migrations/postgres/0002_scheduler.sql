-- PostgreSQL's counterpart of ../0002_scheduler.sql.
ALTER TABLE tickets ADD COLUMN waiting_since timestamptz;

CREATE INDEX tickets_client_due ON tickets(client_id, due_at);

-- local_date is the ISO date (YYYY-MM-DD) the digest covers, in zone.
CREATE TABLE digests (
    staff_id   text NOT NULL,
    zone       text NOT NULL,
    local_date date NOT NULL,
    sent_at    timestamptz NOT NULL,
    PRIMARY KEY (staff_id, zone, local_date)
);
