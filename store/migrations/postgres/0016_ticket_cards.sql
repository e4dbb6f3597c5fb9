-- Each ticket's staff card on the desk's side: where it was posted and
-- what it last showed, so it is rewritten in place and only when it
-- changed. An outbox item may address the card or its thread (card), which
-- is resolved when the item is delivered.
CREATE TABLE ticket_cards (
    ticket_id bigint PRIMARY KEY REFERENCES tickets(id),
    channel   text NOT NULL,
    ref       text NOT NULL DEFAULT '',
    shown     text NOT NULL DEFAULT ''
);
CREATE INDEX ticket_cards_ref ON ticket_cards (channel, ref);
ALTER TABLE outbox ADD COLUMN card text NOT NULL DEFAULT '';
