-- A ticket's conversations carry their platform (ticketing.Conversation),
-- so the store keeps them without knowing any platform. The columns named
-- after platforms keep their data and now hold, by role:
--   slack_channel, slack_thread_ts  the desk's conversation (Ticket.Desk)
--   whatsapp_contact                the client's, when apart (Ticket.Client)
-- Renaming them would gain nothing but churn in every query and index.
ALTER TABLE tickets ADD COLUMN desk_platform TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN client_platform TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN client_thread TEXT NOT NULL DEFAULT '';

-- Until now the desk was always Slack and a client apart always WhatsApp.
UPDATE tickets SET desk_platform = 'slack' WHERE slack_channel <> '';
UPDATE tickets SET client_platform = 'whatsapp' WHERE whatsapp_contact <> '';

-- An owed reply names its platform and mode as platform_mode; WhatsApp
-- messages were written as the bare platform.
UPDATE outbox SET delivery = 'whatsapp_post' WHERE delivery = 'whatsapp';

-- A post's conversation is keyed by its address and thread on every
-- platform now (store/outbox.go conversationOf); WhatsApp chats had a key
-- of their own.
UPDATE outbox SET conversation = 'channel:' || target || ':'
WHERE conversation = 'whatsapp:' || target AND sent_at IS NULL AND dead_at IS NULL;
