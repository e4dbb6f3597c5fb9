-- When the ticket's current wait on the client began; it keys the
-- notice-then-close cycle so each new wait gets its own notice.
ALTER TABLE tickets ADD COLUMN waiting_since TEXT;

-- The daily digest reads a day's breaches per client by due time.
CREATE INDEX tickets_client_due ON tickets(client_id, due_at);

-- One row per daily digest ever queued, keyed by the staff member and the
-- local date (in zone) it covers: the primary key is what makes it go out
-- once a day across restarts.
CREATE TABLE digests (
    staff_id   TEXT NOT NULL,
    zone       TEXT NOT NULL,
    local_date TEXT NOT NULL,
    sent_at    TEXT NOT NULL,
    PRIMARY KEY (staff_id, zone, local_date)
);
