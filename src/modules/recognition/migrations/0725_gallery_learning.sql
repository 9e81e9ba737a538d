-- Issue 14: a gallery that learns from the gate, and re-embedding on an engine upgrade.

-- Learned templates: face_templates.source already says where a template came from; two values are added for
-- templates learned from gate passes (GATE_AUTO: an automatic punch that still stood after the settle time;
-- GATE_REVIEW: a pass a reviewer confirmed). sighting_id names the pass, learned_at when it was learned.
ALTER TABLE face_templates DROP CONSTRAINT face_templates_source_check;
ALTER TABLE face_templates ADD CONSTRAINT face_templates_source_check
  CHECK (source IN ('UPLOAD', 'WEBCAM', 'IMPORT', 'GATE', 'SYNTHETIC_MASK', 'GATE_AUTO', 'GATE_REVIEW'));
ALTER TABLE face_templates ADD COLUMN sighting_id uuid REFERENCES face_sightings(id) ON DELETE SET NULL;
ALTER TABLE face_templates ADD COLUMN learned_at timestamptz;
-- One learned template per pass and engine: the job may run twice over the same pass without doubling it.
CREATE UNIQUE INDEX face_templates_sighting_engine ON face_templates (sighting_id, engine) WHERE sighting_id IS NOT NULL;

-- Consent per purpose (Luật 91/2025: explicit consent for each purpose). Learning from gate passes keeps new
-- biometric templates made from everyday passes, a purpose beyond identification at enrollment: it needs its own
-- "yes". Every consent recorded before this column existed, and every new one that does not say so, does not cover it.
ALTER TABLE biometric_consents ADD COLUMN gate_learning boolean NOT NULL DEFAULT false;

-- Enrollment photos, kept from now on (blob store, owner = the person) so templates can be made again when the face
-- engine changes; same retention as the templates: erased with them on refusal, withdrawal or departure
-- (erased_at set in the same transaction, the blob deleted by the next sweep or at once when the caller can).
-- Enrollments made before this migration have no stored photo: those people must be enrolled again after an upgrade.
CREATE TABLE face_enrollment_photos (
  id          uuid PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES persons(id),
  blob_key    text NOT NULL UNIQUE,
  file_name   text,
  source      text NOT NULL CHECK (source IN ('UPLOAD', 'WEBCAM', 'IMPORT', 'GATE')),
  sha256      text NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  erased_at   timestamptz
);
CREATE INDEX face_enrollment_photos_person ON face_enrollment_photos (person_id) WHERE erased_at IS NULL;
CREATE INDEX face_enrollment_photos_erased ON face_enrollment_photos (erased_at) WHERE erased_at IS NOT NULL;

-- Templates made from a stored photo name it (re-embedding knows which photos an engine has already seen).
ALTER TABLE face_templates ADD COLUMN photo_id uuid REFERENCES face_enrollment_photos(id) ON DELETE SET NULL;

-- What each engine made of each stored photo: the re-embed job's progress (resumable, idempotent) and its outcome
-- (a photo the new engine rejects is not retried on every start).
CREATE TABLE face_photo_embeddings (
  photo_id    uuid NOT NULL REFERENCES face_enrollment_photos(id) ON DELETE CASCADE,
  engine      text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('ENROLLED', 'REJECTED')),
  reason      text,
  templates   integer NOT NULL DEFAULT 0,
  done_at     timestamptz NOT NULL,
  PRIMARY KEY (photo_id, engine)
);
