-- PostgreSQL's counterpart of ../0021_reply_context.sql.
ALTER TABLE outbox ADD COLUMN reply_to text NOT NULL DEFAULT '';
ALTER TABLE ticket_messages ADD COLUMN quoted boolean NOT NULL DEFAULT false;
