-- PostgreSQL's counterpart of ../0008_conversation_platforms.sql: a
-- ticket's conversations carry their platform. No PostgreSQL store predates
-- it (see 0004), so there are no rows to fill in or rewrite.
ALTER TABLE tickets ADD COLUMN desk_platform text NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN client_platform text NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN client_thread text NOT NULL DEFAULT '';
