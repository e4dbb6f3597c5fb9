-- When a delivery attempt started and its outcome is not recorded yet. An
-- item still marked after a crash may have reached the platform: the
-- deliverer asks the platform before sending it again.
ALTER TABLE outbox ADD COLUMN in_flight_at TEXT NOT NULL DEFAULT '';
