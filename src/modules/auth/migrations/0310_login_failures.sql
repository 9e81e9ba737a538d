-- Failed sign-ins for usernames that have no account. They are counted and locked exactly like a real account's
-- (users.failed_attempts / users.locked_until), so a 423 never tells an attacker which usernames exist.
-- Rows whose last failure is old are pruned by the login code.
CREATE TABLE login_failures (
  username        text PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_failed_at  timestamptz NOT NULL
);
CREATE INDEX login_failures_last_failed ON login_failures (last_failed_at);
