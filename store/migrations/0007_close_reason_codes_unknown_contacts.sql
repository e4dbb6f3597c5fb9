-- Close reasons become codes (ticketing.CloseReason); the Spanish sentence is
-- produced from the code where it is shown. Every sentence a released
-- version wrote maps to its code; any other text is left as it is and shows
-- as written.
UPDATE tickets
SET close_reason = CASE close_reason
    WHEN 'sin respuesta del cliente tras aviso previo' THEN 'no_reply'
    WHEN 'desarrollo aceptado: terminó el período de prueba de 30 días' THEN 'testing_accepted'
    WHEN 'desarrollo aceptado por el cliente' THEN 'delivery_accepted'
    WHEN 'conformidad del cliente' THEN 'client_conformity'
    WHEN 'cerrado por soporte' THEN 'staff'
    WHEN 'duplicado: el contacto tenía otro ticket abierto más reciente' THEN 'duplicate'
    END
WHERE close_reason IN (
    'sin respuesta del cliente tras aviso previo',
    'desarrollo aceptado: terminó el período de prueba de 30 días',
    'desarrollo aceptado por el cliente',
    'conformidad del cliente',
    'cerrado por soporte',
    'duplicado: el contacto tenía otro ticket abierto más reciente');

-- When the bot last answered a number that may not write, so it answers at
-- most once a day. It was read from the audit log; the lines already there
-- seed the table, so the day's limit holds across the upgrade.
CREATE TABLE unknown_contacts (
    phone            TEXT PRIMARY KEY,
    last_answered_at TEXT NOT NULL
);

INSERT INTO unknown_contacts (phone, last_answered_at)
SELECT detail, MAX(at) FROM audit_log
WHERE action = 'whatsapp_unknown' AND detail <> ''
GROUP BY detail;
