-- When the bot's WhatsApp phone was last seen online, and whether this
-- stretch offline already had its keep-alive and its desk alert, so a
-- restart neither starts the 10/12-day count again nor repeats them.
CREATE TABLE phone_health (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    last_seen  TEXT NOT NULL,
    kept_alive INTEGER NOT NULL DEFAULT 0,
    alerted    INTEGER NOT NULL DEFAULT 0
);
