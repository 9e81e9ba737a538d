-- Camera registry. Stream URLs are stored without credentials; the user name and password live only in
-- credentials_enc (AES-256-GCM with the server's secret key) and are never returned by the API or logged.
CREATE TABLE cameras (
  id                  uuid PRIMARY KEY,
  name                text NOT NULL,
  location_type       text NOT NULL CHECK (location_type IN ('GATE', 'PARKING', 'ONE_STOP', 'RECEPTION', 'OTHER')),
  unit_id             uuid NOT NULL REFERENCES org_units(id),
  main_url            text NOT NULL,
  sub_url             text,
  credentials_enc     text,
  -- Gate cameras only: which way people pass in front of it.
  direction           text CHECK (direction IN ('IN', 'OUT')),
  -- Off by default, and refused for citizen-facing places (one-stop desk, reception room): domain.md §9.3.
  recognition_allowed boolean NOT NULL DEFAULT false,
  enabled             boolean NOT NULL DEFAULT true,
  segment_seconds     integer NOT NULL DEFAULT 10 CHECK (segment_seconds BETWEEN 2 AND 60),
  retention_days      integer NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 3650),
  quota_bytes         bigint CHECK (quota_bytes IS NULL OR quota_bytes > 0),
  -- [[ [x, y], ... ], ...] polygons in 0..1 coordinates, burned in for viewers without footage.raw.
  privacy_masks       jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Last stream parameters seen (connection test or running worker).
  codec               text,
  width               integer,
  height              integer,
  fps                 numeric,
  -- Health as last reported by the worker: STARTING, ONLINE, RECONNECTING, OFFLINE, ERROR, STOPPED, DISABLED.
  health              text NOT NULL DEFAULT 'STARTING',
  health_since        timestamptz NOT NULL DEFAULT now(),
  health_detail       text,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (direction IS NULL OR location_type = 'GATE'),
  CHECK (NOT recognition_allowed OR location_type NOT IN ('ONE_STOP', 'RECEPTION'))
);
CREATE INDEX cameras_unit ON cameras (unit_id);

-- Live/playback access granted by a leader of the camera's unit to someone outside the leader roles.
CREATE TABLE camera_grants (
  id          uuid PRIMARY KEY,
  camera_id   uuid NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  can_live     boolean NOT NULL DEFAULT true,
  can_playback boolean NOT NULL DEFAULT false,
  valid_until timestamptz,
  granted_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX camera_grants_user ON camera_grants (user_id);
CREATE INDEX camera_grants_camera ON camera_grants (camera_id);
