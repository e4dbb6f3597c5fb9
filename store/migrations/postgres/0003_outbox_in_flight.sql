-- PostgreSQL's counterpart of ../0003_outbox_in_flight.sql. NULL is "not in
-- flight" here, where SQLite keeps '' (see stamp in store/dialect.go).
ALTER TABLE outbox ADD COLUMN in_flight_at timestamptz;
