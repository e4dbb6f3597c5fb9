-- PostgreSQL's counterpart of ../0006_one_open_ticket_per_contact.sql: at
-- most one open ticket per WhatsApp contact, enforced by the schema. No
-- PostgreSQL store predates the rule (see 0004), so there are no duplicates
-- to close first.
DROP INDEX tickets_contact_open;
CREATE UNIQUE INDEX tickets_contact_open ON tickets(whatsapp_contact) WHERE whatsapp_contact <> '' AND status <> 'cerrado';
