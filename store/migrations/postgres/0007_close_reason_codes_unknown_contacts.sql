-- PostgreSQL's counterpart of ../0007_close_reason_codes_unknown_contacts.sql.
-- No PostgreSQL store predates close-reason codes (see 0004), so there are
-- no sentences to map; the table of numbers answered once a day is new.
CREATE TABLE unknown_contacts (
    phone            text PRIMARY KEY,
    last_answered_at timestamptz NOT NULL
);
