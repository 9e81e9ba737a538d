-- Bulk enrollment from a zip of photos named by employee code (issue 5). The zip itself is never stored (it holds
-- biometric photos): only its SHA-256 for the audit trail, the job's progress and the per-file outcome.

CREATE TABLE face_imports (
  id                uuid PRIMARY KEY,
  file_name         text NOT NULL,
  file_sha256       text NOT NULL,
  file_bytes        bigint NOT NULL,
  requested_by      uuid,
  requested_by_name text NOT NULL,
  status            text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  -- Photos considered (folders and operating-system files such as __MACOSX/ are not counted).
  total_files       integer NOT NULL,
  processed_files   integer NOT NULL DEFAULT 0,
  enrolled_files    integer NOT NULL DEFAULT 0,
  rejected_files    integer NOT NULL DEFAULT 0,
  templates_created integer NOT NULL DEFAULT 0,
  engine            text,
  -- Why a job stopped early: INTERRUPTED (server stopped), ENGINE_UNAVAILABLE, INTERNAL.
  error_code        text,
  error_detail      text,
  created_at        timestamptz NOT NULL,
  started_at        timestamptz,
  finished_at       timestamptz
);
CREATE INDEX face_imports_requester ON face_imports (requested_by, created_at DESC);

-- One row per photo of the zip, written together with that person's templates (never half a person).
CREATE TABLE face_import_files (
  import_id     uuid NOT NULL REFERENCES face_imports(id) ON DELETE CASCADE,
  -- Position in the zip's central directory: the report keeps the zip's order.
  seq           integer NOT NULL,
  file_name     text NOT NULL,
  employee_code text,
  person_id     uuid REFERENCES persons(id),
  outcome       text NOT NULL CHECK (outcome IN ('ENROLLED', 'REJECTED')),
  reason_code   text,
  message_vi    text,
  message_en    text,
  templates     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (import_id, seq)
);
