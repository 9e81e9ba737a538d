-- Transactional outbox: an event is written in the same transaction as the state change it announces, and a relay
-- publishes it to the bus afterwards. A crash between commit and publish loses nothing; a crash after publish but
-- before marking re-publishes the same event id, which consumers treat as a duplicate.
CREATE TABLE event_outbox (
  seq          bigserial PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  subject      text NOT NULL,
  data         jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX event_outbox_pending ON event_outbox (seq) WHERE published_at IS NULL;
