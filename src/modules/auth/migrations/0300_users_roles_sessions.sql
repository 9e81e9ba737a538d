CREATE TABLE users (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  person_id            uuid REFERENCES persons(id),
  is_active            boolean NOT NULL DEFAULT true,
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  locale               text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- A role always comes with the unit it applies to; the scope is that unit, its sub-units and the former units
-- that were merged into them.
CREATE TABLE role_assignments (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role       text NOT NULL,
  unit_id    uuid NOT NULL REFERENCES org_units(id),
  valid_from date NOT NULL DEFAULT CURRENT_DATE,
  valid_to   date,
  granted_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX role_assignments_user ON role_assignments (user_id);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id);
