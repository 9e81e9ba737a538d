-- Violations of work discipline (đi muộn, về sớm, vắng mặt không lý do, nghỉ không báo), opened automatically from
-- attendance days or by hand (inspection finding, leader observation). A violation is never deleted: when an
-- approved justification arrives later it is retracted, keeping who/why/which attendance revision.
CREATE TABLE violations (
  id                  uuid PRIMARY KEY,
  person_id           uuid NOT NULL REFERENCES persons(id),
  -- The unit the person belonged to on the violation date (person_unit_history), not today's unit.
  unit_id             uuid NOT NULL REFERENCES org_units(id),
  kind                text NOT NULL CHECK (kind IN ('LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'OTHER')),
  source              text NOT NULL CHECK (source IN ('ATTENDANCE', 'INSPECTION', 'LEADER')),
  occurred_on         date NOT NULL,
  -- MORNING / AFTERNOON / … for session-level facts; NULL for whole-day or hand-made violations.
  session             text,
  minutes             integer,
  title               text NOT NULL,
  facts               jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Automatic violations: one per person, date, session and kind; later attendance revisions update it in place.
  source_key          text UNIQUE,
  attendance_revision integer,
  -- Judgement, fixed when opened with the rules in force on occurred_on.
  rule_set_id         uuid REFERENCES violation_rule_sets(id),
  rule_version        integer,
  repeat_ordinal      integer NOT NULL DEFAULT 1,
  repeat_window       text,
  proposed_action     text NOT NULL,
  notify_unit_head    boolean NOT NULL DEFAULT false,
  retracted_at        timestamptz,
  retraction_reason   text,
  retraction_details  jsonb,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violations_person_date ON violations (person_id, occurred_on);
CREATE INDEX violations_unit_date ON violations (unit_id, occurred_on);
CREATE INDEX violations_date ON violations (occurred_on);

-- Evidence linked to a violation. Clips and snapshots are requested first (camera + time range) and filled in when
-- the recording module exports them (export_id = its hashed, audited evidence export). Gate coverage for an absence
-- records whether the gate cameras were online and whether any punch was seen that day.
CREATE TABLE violation_evidence (
  id            uuid PRIMARY KEY,
  violation_id  uuid NOT NULL REFERENCES violations(id),
  kind          text NOT NULL CHECK (kind IN ('SNAPSHOT', 'CLIP', 'GATE_COVERAGE', 'PUNCH', 'DOCUMENT')),
  status        text NOT NULL CHECK (status IN ('REQUESTED', 'READY', 'UNAVAILABLE', 'FAILED')),
  camera_id     uuid,
  punch_id      uuid,
  range_start   timestamptz,
  range_end     timestamptz,
  export_id     uuid,
  blob_key      text,
  sha256        text,
  content_type  text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violation_evidence_violation ON violation_evidence (violation_id);
CREATE INDEX violation_evidence_pending ON violation_evidence (status) WHERE status = 'REQUESTED';
