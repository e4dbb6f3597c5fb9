-- Known fixes: a resolved ticket's question and the staff's answer, saved
-- by the desk (`/soporte guardar`, a 📖 reaction) and searched with the
-- knowledge base. source keeps one article per ticket or answer; asker and
-- author are the people quoted, for export and erasure.
CREATE TABLE desk_articles (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL UNIQUE,
    ticket_id   INTEGER REFERENCES tickets(id),
    client_id   TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    question    TEXT NOT NULL DEFAULT '',
    asker       TEXT NOT NULL DEFAULT '',
    answer      TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT 'es',
    published   INTEGER NOT NULL DEFAULT 0,
    saved_by    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);
