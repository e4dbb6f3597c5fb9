-- A reply to a WhatsApp contact can be shown as an answer to the message
-- it answers (the platform's id of that message), and a client message
-- records whether it quoted an earlier one, since that is when answers to
-- it are shown as replies.
ALTER TABLE outbox ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_messages ADD COLUMN quoted INTEGER NOT NULL DEFAULT 0;
