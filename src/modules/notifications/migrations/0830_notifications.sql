-- In-app notification centre: one row per recipient account.
CREATE TABLE notifications (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id),
  kind         text NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL,
  link         text,
  entity_type  text,
  entity_id    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Outgoing e-mail, written in the same transaction as the change it reports and delivered by a worker with retries
-- and exponential backoff. dedup_key makes enqueueing idempotent (bus redeliveries, daily digest reruns).
CREATE TABLE email_outbox (
  id               uuid PRIMARY KEY,
  dedup_key        text UNIQUE,
  to_address       text NOT NULL,
  to_name          text,
  subject          text NOT NULL,
  body_text        text NOT NULL,
  body_html        text,
  template         text NOT NULL,
  entity_type      text,
  entity_id        text,
  status           text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL DEFAULT 6,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  message_id       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'PENDING';

-- One row per delivery attempt (the delivery log).
CREATE TABLE email_delivery_log (
  id           uuid PRIMARY KEY,
  outbox_id    uuid NOT NULL REFERENCES email_outbox(id),
  attempt      integer NOT NULL,
  at           timestamptz NOT NULL,
  ok           boolean NOT NULL,
  response     text,
  error        text
);
CREATE INDEX email_delivery_log_outbox ON email_delivery_log (outbox_id, attempt);
