-- At most one open ticket per WhatsApp contact, enforced by the schema: the
-- bot routes a contact's messages to its open ticket, so a second open one
-- would never hear from the contact again. The index 0001 created for this
-- lookup was not unique, and a file written before this migration may hold
-- such duplicates.
--
-- The bot has always routed a contact's messages to the newest of its open
-- tickets (the highest number), so the older ones were already out of the
-- conversation. They are closed here rather than deleted or detached from
-- the contact: nothing is lost, each keeps its history and its SLA record,
-- the scheduler stops acting on it, and an audit line per ticket names the
-- ticket that was kept, so staff can find what was closed. The choice is
-- deterministic: the same file always ends the same way.

INSERT INTO audit_log (at, actor, client_id, ticket_id, action, detail)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'supportbot', t.client_id, t.id, 'closed',
       'duplicado: el contacto ' || t.whatsapp_contact || ' sigue en el ticket #' ||
       (SELECT MAX(n.id) FROM tickets n WHERE n.whatsapp_contact = t.whatsapp_contact AND n.status <> 'cerrado')
FROM tickets t
WHERE t.whatsapp_contact <> '' AND t.status <> 'cerrado'
  AND EXISTS (SELECT 1 FROM tickets n
              WHERE n.whatsapp_contact = t.whatsapp_contact AND n.status <> 'cerrado' AND n.id > t.id);

UPDATE tickets
SET status = 'cerrado',
    closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    close_reason = 'duplicado: el contacto tenía otro ticket abierto más reciente',
    next_action_at = NULL,
    awaiting_choice = 0
WHERE whatsapp_contact <> '' AND status <> 'cerrado'
  AND EXISTS (SELECT 1 FROM tickets n
              WHERE n.whatsapp_contact = tickets.whatsapp_contact AND n.status <> 'cerrado' AND n.id > tickets.id);

-- Same columns and predicate as before (status <> 'cerrado' is
-- ticketing.Status.Open), so OpenTicketByContact still reads through it.
DROP INDEX tickets_contact_open;
CREATE UNIQUE INDEX tickets_contact_open ON tickets(whatsapp_contact) WHERE whatsapp_contact <> '' AND status <> 'cerrado';
