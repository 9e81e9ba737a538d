-- Face recognition (domain.md §9): biometric data is sensitive personal data. Consent is recorded explicitly and kept
-- as proof; templates (embeddings, never raw photos) exist only while consent is given and the person works here.

-- Every consent decision, append-only: the current state of a person is their latest row.
CREATE TABLE biometric_consents (
  id              uuid PRIMARY KEY,
  person_id       uuid NOT NULL REFERENCES persons(id),
  decision        text NOT NULL CHECK (decision IN ('GIVEN', 'REFUSED', 'WITHDRAWN')),
  -- Which version of the notice (data type, purpose, controller, retention, rights) the person was shown.
  notice_version  text NOT NULL,
  -- How the decision was expressed in a verifiable form (signed paper form, in-app confirmation, ...).
  method          text NOT NULL CHECK (method IN ('SIGNED_FORM', 'DIGITAL_CONFIRMATION', 'RECORDED_STATEMENT')),
  evidence_note   text,
  recorded_by     uuid,
  recorded_by_name text NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX biometric_consents_person ON biometric_consents (person_id, recorded_at DESC);

-- Face templates: float32 embeddings of the full face and of the upper face (lower half blanked).
CREATE TABLE face_templates (
  id               uuid PRIMARY KEY,
  person_id        uuid NOT NULL REFERENCES persons(id),
  source           text NOT NULL CHECK (source IN ('UPLOAD', 'WEBCAM', 'IMPORT', 'GATE', 'SYNTHETIC_MASK')),
  -- The photo-derived template a synthetic masked copy was made from.
  derived_from     uuid REFERENCES face_templates(id) ON DELETE CASCADE,
  engine           text NOT NULL,
  embedding_size   integer NOT NULL,
  embedding        bytea NOT NULL,
  upper_embedding  bytea NOT NULL,
  maskedness       real NOT NULL,
  quality          jsonb NOT NULL DEFAULT '{}',
  file_name        text,
  created_by       uuid,
  created_at       timestamptz NOT NULL
);
CREATE INDEX face_templates_person ON face_templates (person_id);
CREATE INDEX face_templates_engine ON face_templates (engine);

-- One row per gate pass (track), whatever the outcome.
CREATE TABLE face_sightings (
  id               uuid PRIMARY KEY,
  camera_id        uuid NOT NULL,
  unit_id          uuid NOT NULL REFERENCES org_units(id),
  seen_at          timestamptz NOT NULL,
  frames           integer NOT NULL,
  verdict          text NOT NULL CHECK (verdict IN ('AUTO', 'REVIEW', 'UNKNOWN')),
  review_reason    text,
  person_id        uuid REFERENCES persons(id),
  score            real,
  masked           boolean NOT NULL,
  liveness         real,
  candidates       jsonb NOT NULL DEFAULT '[]',
  -- Engine, model versions and thresholds in force for this decision.
  engine_meta      jsonb NOT NULL,
  snapshot_key     text,
  unknown_cluster_id uuid,
  review_status    text CHECK (review_status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
  reviewed_by      uuid,
  reviewed_at      timestamptz,
  punch_id         text,
  -- Frame time → stored decision, in milliseconds.
  decision_latency_ms integer,
  created_at       timestamptz NOT NULL
);
CREATE INDEX face_sightings_review ON face_sightings (unit_id, review_status, seen_at DESC);
CREATE INDEX face_sightings_person ON face_sightings (person_id, seen_at DESC);

-- Unknown faces grouped so a repeat stranger is one entry, not one per pass.
CREATE TABLE face_unknown_clusters (
  id               uuid PRIMARY KEY,
  unit_id          uuid NOT NULL REFERENCES org_units(id),
  engine           text NOT NULL,
  embedding        bytea NOT NULL,
  sightings        integer NOT NULL,
  first_seen       timestamptz NOT NULL,
  last_seen        timestamptz NOT NULL
);
CREATE INDEX face_unknown_clusters_unit ON face_unknown_clusters (unit_id, last_seen DESC);
