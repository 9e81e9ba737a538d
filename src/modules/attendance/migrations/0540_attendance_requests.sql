-- Requests people make every day (issue 13, as in MISA AMIS): permission to arrive late / leave early for part of a
-- session, and the correction of a missed or wrong punch.

-- A permission is a justification of one date whose window (minutes after local midnight) lies inside one working
-- session; start_half = end_half = that session. Whole-day and half-day requests keep both columns null.
ALTER TABLE justifications ADD COLUMN window_from_min integer;
ALTER TABLE justifications ADD COLUMN window_to_min integer;
ALTER TABLE justifications ADD CONSTRAINT justifications_window_check CHECK (
  (window_from_min IS NULL AND window_to_min IS NULL)
  OR (window_from_min >= 0 AND window_to_min <= 1440 AND window_from_min < window_to_min AND start_date = end_date AND start_half = end_half)
);

-- Punches added by an approved correction come from their own source, so every report can tell them apart.
ALTER TABLE punch_sources DROP CONSTRAINT punch_sources_kind_check;
ALTER TABLE punch_sources ADD CONSTRAINT punch_sources_kind_check CHECK (kind IN ('CAMERA', 'DEVICE', 'MANUAL', 'MOBILE', 'IMPORT', 'CORRECTION'));
INSERT INTO punch_sources (id, kind, name) VALUES ('correction', 'CORRECTION', 'Điều chỉnh chấm công theo đơn') ON CONFLICT (id) DO NOTHING;

-- "The camera missed me at 07:28" (ADD_PUNCH) or "this punch is not mine" (VOID_PUNCH). Punches stay immutable: an
-- approved ADD_PUNCH is ingested as a new punch (source 'correction', source_event_id 'correction:<id>') recorded in
-- created_punch_id; an approved VOID_PUNCH makes the computation ignore punch_id for that day.
CREATE TABLE punch_corrections (
  id               uuid PRIMARY KEY,
  person_id        uuid NOT NULL REFERENCES persons(id),
  unit_id          uuid NOT NULL REFERENCES org_units(id),
  kind             text NOT NULL CHECK (kind IN ('ADD_PUNCH', 'VOID_PUNCH')),
  date             date NOT NULL,
  at               timestamptz,
  direction        text CHECK (direction IN ('IN', 'OUT')),
  punch_id         uuid REFERENCES punches(id),
  reason           text NOT NULL,
  attachment_ref   text,
  status           text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
  requested_by     uuid,
  requested_at     timestamptz NOT NULL DEFAULT now(),
  decided_by       uuid,
  decided_at       timestamptz,
  decision_note    text,
  cancelled_by     uuid,
  cancelled_at     timestamptz,
  created_punch_id uuid REFERENCES punches(id),
  version          integer NOT NULL DEFAULT 1,
  CHECK ((kind = 'ADD_PUNCH' AND at IS NOT NULL AND direction IS NOT NULL AND punch_id IS NULL)
      OR (kind = 'VOID_PUNCH' AND punch_id IS NOT NULL AND at IS NULL)),
  CHECK (created_punch_id IS NULL OR (kind = 'ADD_PUNCH' AND status = 'APPROVED'))
);
CREATE INDEX punch_corrections_person ON punch_corrections (person_id, date);
CREATE INDEX punch_corrections_unit_status ON punch_corrections (unit_id, status);
