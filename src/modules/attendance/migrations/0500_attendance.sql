-- Thresholds from the unit's work regulation (quy chế làm việc); the nearest unit up the tree wins, then national.
CREATE TABLE attendance_rules (
  id                            uuid PRIMARY KEY,
  unit_id                       uuid REFERENCES org_units(id),
  late_grace_minutes            integer NOT NULL CHECK (late_grace_minutes BETWEEN 0 AND 120),
  early_grace_minutes           integer NOT NULL CHECK (early_grace_minutes BETWEEN 0 AND 120),
  debounce_seconds              integer NOT NULL CHECK (debounce_seconds BETWEEN 0 AND 3600),
  check_in_opens_minutes        integer NOT NULL CHECK (check_in_opens_minutes BETWEEN 0 AND 360),
  check_out_closes_minutes      integer NOT NULL CHECK (check_out_closes_minutes BETWEEN 0 AND 480),
  lunch_punches_required        boolean NOT NULL,
  leave_not_reported_after_days integer NOT NULL CHECK (leave_not_reported_after_days BETWEEN 1 AND 60),
  legal_basis                   text,
  updated_at                    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX attendance_rules_national ON attendance_rules ((1)) WHERE unit_id IS NULL;
CREATE UNIQUE INDEX attendance_rules_unit ON attendance_rules (unit_id) WHERE unit_id IS NOT NULL;

-- Punch sources: gate cameras, devices, manual entry. unit_id = the staff this source covers (its unit subtree);
-- only covering sources can make a day "source offline".
CREATE TABLE punch_sources (
  id                         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._:-]{1,100}$'),
  kind                       text NOT NULL CHECK (kind IN ('CAMERA', 'DEVICE', 'MANUAL', 'MOBILE', 'IMPORT')),
  name                       text NOT NULL,
  unit_id                    uuid REFERENCES org_units(id),
  heartbeat_interval_seconds integer NOT NULL DEFAULT 60 CHECK (heartbeat_interval_seconds BETWEEN 5 AND 86400),
  last_heartbeat_at          timestamptz,
  last_event_at              timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now()
);

-- Recent heartbeats with the device's own clock, to estimate clock skew.
CREATE TABLE source_heartbeats (
  source_id   text NOT NULL REFERENCES punch_sources(id),
  received_at timestamptz NOT NULL,
  device_time timestamptz,
  PRIMARY KEY (source_id, received_at)
);

CREATE TABLE source_outages (
  id          uuid PRIMARY KEY,
  source_id   text NOT NULL REFERENCES punch_sources(id),
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  detected_by text NOT NULL CHECK (detected_by IN ('HEARTBEAT', 'MANUAL')),
  note        text,
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE INDEX source_outages_source ON source_outages (source_id, started_at);

-- offset_ms = device clock − true time, in force for device-clock instants in [valid_from, valid_to).
CREATE TABLE source_clock_corrections (
  id          uuid PRIMARY KEY,
  source_id   text NOT NULL REFERENCES punch_sources(id),
  valid_from  timestamptz NOT NULL,
  valid_to    timestamptz,
  offset_ms   integer NOT NULL,
  detected_by text NOT NULL CHECK (detected_by IN ('HEARTBEAT', 'MANUAL')),
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX source_clock_corrections_source ON source_clock_corrections (source_id, valid_from);

-- Raw punches: immutable (UPDATE/DELETE refused by trigger), idempotent on (source_id, source_event_id).
CREATE TABLE punches (
  id                   uuid PRIMARY KEY,
  source_id            text NOT NULL REFERENCES punch_sources(id),
  source_event_id      text NOT NULL,
  person_id            uuid NOT NULL REFERENCES persons(id),
  at                   timestamptz NOT NULL,
  device_time          timestamptz,
  received_at          timestamptz NOT NULL,
  direction            text CHECK (direction IN ('IN', 'OUT')),
  kind                 text NOT NULL DEFAULT 'AUTO' CHECK (kind IN ('AUTO', 'MANUAL')),
  confidence           real,
  evidence_snapshot_key text,
  evidence_sighting_id text,
  manual_reason        text,
  manual_approved_by   uuid,
  created_by           uuid,
  UNIQUE (source_id, source_event_id),
  CHECK (kind <> 'MANUAL' OR (manual_reason IS NOT NULL AND manual_approved_by IS NOT NULL))
);
CREATE INDEX punches_person_at ON punches (person_id, at);

CREATE FUNCTION punches_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'punches are immutable; annul a punch instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER punches_immutable BEFORE UPDATE OR DELETE ON punches
  FOR EACH ROW EXECUTE FUNCTION punches_refuse_change();

-- A wrong punch (misrecognition, test) is annulled, never edited: the raw row stays for the record.
CREATE TABLE punch_annulments (
  punch_id    uuid PRIMARY KEY REFERENCES punches(id),
  reason      text NOT NULL,
  annulled_by uuid,
  annulled_at timestamptz NOT NULL DEFAULT now()
);

-- Leave, trips, training, field work, work from home: one justification model, by whole day or half day.
CREATE TABLE justifications (
  id            uuid PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES persons(id),
  unit_id       uuid NOT NULL REFERENCES org_units(id),
  type          text NOT NULL,
  start_date    date NOT NULL,
  start_half    text NOT NULL CHECK (start_half IN ('MORNING', 'AFTERNOON')),
  end_date      date NOT NULL,
  end_half      text NOT NULL CHECK (end_half IN ('MORNING', 'AFTERNOON')),
  status        text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
  reason        text NOT NULL,
  document_ref  text,
  charged_days  numeric(6,1) NOT NULL DEFAULT 0,
  requested_by  uuid,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  decided_by    uuid,
  decided_at    timestamptz,
  decision_note text,
  cancelled_by  uuid,
  cancelled_at  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK (end_date > start_date OR (end_date = start_date AND NOT (start_half = 'AFTERNOON' AND end_half = 'MORNING')))
);
CREATE INDEX justifications_person ON justifications (person_id, start_date);
CREATE INDEX justifications_unit_status ON justifications (unit_id, status);

-- Annual leave entitlement adjustments per person and year (carry-over, travel days, heavy work). The base and the
-- seniority days are computed; these rows add to them.
CREATE TABLE leave_entitlements (
  person_id    uuid NOT NULL REFERENCES persons(id),
  year         integer NOT NULL,
  base_days    numeric(5,1),
  extra_days   numeric(5,1) NOT NULL DEFAULT 0,
  carried_days numeric(5,1) NOT NULL DEFAULT 0,
  note         text,
  PRIMARY KEY (person_id, year)
);

-- The computed attendance of a person-day (derived, recomputable). revision grows when the content changes.
CREATE TABLE attendance_days (
  person_id      uuid NOT NULL,
  date           date NOT NULL,
  unit_id        uuid,
  revision       integer NOT NULL,
  day_status     text NOT NULL,
  sessions       jsonb NOT NULL,
  explanations   jsonb NOT NULL,
  worked_minutes integer NOT NULL,
  content_hash   text NOT NULL,
  computed_at    timestamptz NOT NULL,
  PRIMARY KEY (person_id, date)
);
CREATE INDEX attendance_days_unit_date ON attendance_days (unit_id, date);

-- Person-days to recompute (late punches, approvals, corrections). Processed in batches, idempotently.
CREATE TABLE attendance_dirty (
  person_id uuid NOT NULL,
  date      date NOT NULL,
  queued_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, date)
);

-- Days closed by the daily job (all staff computed once the day is over).
CREATE TABLE attendance_closed_dates (
  date      date PRIMARY KEY,
  closed_at timestamptz NOT NULL DEFAULT now()
);
