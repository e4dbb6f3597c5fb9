-- An edit (or deletion) that arrives before the message it changes: Slack
-- may redeliver a message after its edit. It waits here, for a bounded
-- time, and is applied when the message comes (bot/edits.go).
CREATE TABLE pending_edits (
    id          INTEGER PRIMARY KEY,
    external_id TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    at          TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX pending_edits_message ON pending_edits(external_id, at);
CREATE INDEX pending_edits_received ON pending_edits(received_at);

-- A message held before any ticket (a doubtful critical, or one sent to the
-- phones that staff may overrule) keeps its files, as JSON
-- (ticketing.Attachment), for the ticket it may still open.
ALTER TABLE critical_questions ADD COLUMN files TEXT NOT NULL DEFAULT '';

-- Audit lines name actions and ids, never a person's words: the edit and
-- deletion lines written before quoted the old text.
UPDATE audit_log SET detail = substr(detail, 1, instr(detail, ' edited; was: ') - 1) || ' edited'
    WHERE action = 'message_edited' AND instr(detail, ' edited; was: ') > 0;
UPDATE audit_log SET detail = substr(detail, 1, instr(detail, ' deleted; its text is kept: ') - 1) || ' deleted; its text is kept'
    WHERE action = 'message_deleted' AND instr(detail, ' deleted; its text is kept: ') > 0;
