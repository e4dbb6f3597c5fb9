-- Clients and staff are synced from the configuration at start-up; they are
-- stored so tickets can reference them and reports outlive config edits.
CREATE TABLE clients (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    country       TEXT NOT NULL,
    timezone      TEXT NOT NULL,
    plan          TEXT NOT NULL,
    contract      TEXT NOT NULL,
    slack_channel TEXT NOT NULL DEFAULT '',
    focal_point   TEXT NOT NULL DEFAULT '',
    synced_at     TEXT NOT NULL
);

-- absent is runtime state (/soporte ausente) and survives config syncs.
CREATE TABLE staff (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL,
    absent    INTEGER NOT NULL DEFAULT 0,
    synced_at TEXT NOT NULL
);

-- A number belongs to one client; revoked rows stay for the record.
CREATE TABLE whatsapp_contacts (
    phone      TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients(id),
    name       TEXT NOT NULL DEFAULT '',
    invited_by TEXT NOT NULL,
    invited_at TEXT NOT NULL,
    revoked_by TEXT NOT NULL DEFAULT '',
    revoked_at TEXT
);
CREATE INDEX whatsapp_contacts_client ON whatsapp_contacts(client_id);

-- Every invitation and revocation, with who and when.
CREATE TABLE whatsapp_invitations (
    id        INTEGER PRIMARY KEY,
    phone     TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients(id),
    action    TEXT NOT NULL CHECK (action IN ('invite', 'revoke')),
    actor     TEXT NOT NULL,
    at        TEXT NOT NULL
);

CREATE TABLE tickets (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id              TEXT NOT NULL REFERENCES clients(id),
    kind                   TEXT NOT NULL,
    priority               TEXT NOT NULL,
    status                 TEXT NOT NULL,
    source                 TEXT NOT NULL,
    slack_channel          TEXT NOT NULL DEFAULT '',
    slack_thread_ts        TEXT NOT NULL DEFAULT '',
    whatsapp_contact       TEXT NOT NULL DEFAULT '',
    opened_by              TEXT NOT NULL,
    subject                TEXT NOT NULL,
    confidence             REAL NOT NULL DEFAULT 0,
    cues                   TEXT NOT NULL DEFAULT '',
    awaiting_choice        INTEGER NOT NULL DEFAULT 0,
    received_at            TEXT NOT NULL,
    clock_start            TEXT NOT NULL,
    due_at                 TEXT NOT NULL,
    first_response_at      TEXT,
    first_responder        TEXT NOT NULL DEFAULT '',
    assignee               TEXT NOT NULL DEFAULT '',
    escalation             TEXT NOT NULL DEFAULT '',
    next_action_at         TEXT,
    last_client_message_at TEXT,
    resolved_at            TEXT,
    delivered_at           TEXT,
    closed_at              TEXT,
    close_reason           TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX tickets_client_status ON tickets(client_id, status);
-- The scheduler reads only due work through this index, so a tick costs
-- what is due, not the size of the backlog.
CREATE INDEX tickets_next_action ON tickets(next_action_at) WHERE next_action_at IS NOT NULL;
CREATE UNIQUE INDEX tickets_slack_thread ON tickets(slack_channel, slack_thread_ts) WHERE slack_thread_ts <> '';
CREATE INDEX tickets_contact_open ON tickets(whatsapp_contact) WHERE whatsapp_contact <> '' AND status <> 'cerrado';

-- external_id is unique so a redelivered message is never stored twice.
CREATE TABLE ticket_messages (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    external_id TEXT NOT NULL UNIQUE,
    author_id   TEXT NOT NULL,
    author_kind TEXT NOT NULL,
    channel     TEXT NOT NULL,
    text        TEXT NOT NULL,
    media       TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket_id);

-- Delivery ids already handled (Slack event ids, retries included).
CREATE TABLE inbound_events (
    event_id    TEXT PRIMARY KEY,
    received_at TEXT NOT NULL
);

-- Replies owed, written with the change that owes them.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    delivery        TEXT NOT NULL,
    target          TEXT NOT NULL,
    thread_ts       TEXT NOT NULL DEFAULT '',
    user_id         TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL,
    edit_ts         TEXT NOT NULL DEFAULT '',
    buttons         TEXT NOT NULL DEFAULT '',
    ticket_id       INTEGER REFERENCES tickets(id),
    dedupe_key      TEXT UNIQUE,
    sets_thread     INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TEXT,
    -- Set when delivery can never succeed; the item leaves the queue.
    dead_at         TEXT,
    external_ref    TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX outbox_posted ON outbox(target, external_ref) WHERE external_ref <> '';
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;

-- One row per notification ever queued: the primary key is what makes each
-- ping happen once, across restarts.
CREATE TABLE notifications (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    kind      TEXT NOT NULL,
    threshold REAL NOT NULL DEFAULT 0,
    sent_at   TEXT NOT NULL,
    PRIMARY KEY (ticket_id, kind, threshold)
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    client_id TEXT NOT NULL DEFAULT '',
    ticket_id INTEGER,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_client_at ON audit_log(client_id, at);
CREATE INDEX audit_log_action_detail ON audit_log(action, detail, at);

-- Written by readiness checks: proves the file still takes writes.
CREATE TABLE heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at TEXT NOT NULL
);
