-- Issue 5, two missing parts of the gate pipeline: enrollment from the gate camera itself, and a liveness signal.

-- An enrollment period of one gate camera: while it runs, passes that are not confidently matched are grouped per
-- person (face_unknown_clusters with enrollment_period_id set) so a reviewer can turn a group into the templates of a
-- consenting staff member. Privacy (domain.md §9): collection is bounded by the dates and stops when the period is
-- closed; groups nobody assigned are deleted, with their sample images, `retention_days` after the period ends
-- (closing date or end date, whichever is earlier).
CREATE TABLE face_enrollment_periods (
  id               uuid PRIMARY KEY,
  camera_id        uuid NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
  -- The camera's unit when the period was opened: scope checks and the gallery the groups are compared with.
  unit_id          uuid NOT NULL REFERENCES org_units(id),
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  retention_days   integer NOT NULL CHECK (retention_days BETWEEN 1 AND 90),
  status           text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  note             text,
  opened_by        uuid,
  opened_by_name   text NOT NULL,
  opened_at        timestamptz NOT NULL,
  closed_by        uuid,
  closed_by_name   text,
  closed_at        timestamptz,
  -- Unassigned groups are deleted from this instant on (set when the period is opened, moved earlier on close).
  purge_after      timestamptz NOT NULL,
  purged_at        timestamptz,
  groups_assigned  integer NOT NULL DEFAULT 0,
  groups_discarded integer NOT NULL DEFAULT 0,
  groups_purged    integer NOT NULL DEFAULT 0,
  templates_created integer NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX face_enrollment_periods_camera ON face_enrollment_periods (camera_id, status, starts_on);
CREATE INDEX face_enrollment_periods_unit ON face_enrollment_periods (unit_id, opened_at DESC);

-- Unknown-face groups are reused for enrollment groups: a group belongs to a period (and its camera) or to none
-- (an ordinary stranger group, as before). Period groups are deleted when assigned, discarded or purged.
ALTER TABLE face_unknown_clusters ADD COLUMN enrollment_period_id uuid REFERENCES face_enrollment_periods(id) ON DELETE CASCADE;
ALTER TABLE face_unknown_clusters ADD COLUMN camera_id uuid;
CREATE INDEX face_unknown_clusters_period ON face_unknown_clusters (enrollment_period_id, last_seen DESC);

-- The best faces of each pass of a period group: what the reviewer looks at and what becomes templates.
-- image_key is a padded face crop (the only raw face image kept, deleted with the group); landmarks and box are in
-- the crop's pixel coordinates so synthetic masked copies can be drawn at assignment.
CREATE TABLE face_enrollment_samples (
  id               uuid PRIMARY KEY,
  cluster_id       uuid NOT NULL REFERENCES face_unknown_clusters(id) ON DELETE CASCADE,
  period_id        uuid NOT NULL REFERENCES face_enrollment_periods(id) ON DELETE CASCADE,
  sighting_id      uuid NOT NULL,
  engine           text NOT NULL,
  embedding        bytea NOT NULL,
  upper_embedding  bytea NOT NULL,
  maskedness       real NOT NULL,
  -- Sample quality in [0, 1] (size, sharpness, pose; 0 when the enrollment quality checks fail) and its report.
  quality          real NOT NULL,
  quality_report   jsonb NOT NULL,
  liveness         real,
  image_key        text NOT NULL,
  landmarks        jsonb NOT NULL,
  box              jsonb NOT NULL,
  seen_at          timestamptz NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX face_enrollment_samples_cluster ON face_enrollment_samples (cluster_id, quality DESC);

-- Templates made from a gate camera say which camera.
ALTER TABLE face_templates ADD COLUMN source_camera_id uuid REFERENCES cameras(id) ON DELETE SET NULL;

-- Liveness policy per unit (applies to its sub-units unless they have their own) or global (unit_id NULL).
-- OFF = record the signal only (the default when no row applies); REVIEW = a pass that would punch automatically but
-- scores below `threshold` goes to the review queue instead.
CREATE TABLE face_liveness_policies (
  id               uuid PRIMARY KEY,
  unit_id          uuid UNIQUE REFERENCES org_units(id),
  mode             text NOT NULL CHECK (mode IN ('OFF', 'REVIEW')),
  threshold        real NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  updated_by       uuid,
  updated_by_name  text NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX face_liveness_policies_global ON face_liveness_policies ((unit_id IS NULL)) WHERE unit_id IS NULL;

-- The liveness signal's components and raw measurements for each pass (the score itself is face_sightings.liveness).
ALTER TABLE face_sightings ADD COLUMN liveness_detail jsonb;
