-- Work calendars as data (domain.md §1.3, §2.5). Every schedule cites the document that set it.
CREATE TABLE work_schedules (
  id          uuid PRIMARY KEY,
  -- NULL = national default; otherwise the unit and everything below it.
  unit_id     uuid REFERENCES org_units(id),
  name        text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  weekdays    integer[] NOT NULL,
  doc_number  text,
  doc_date    date,
  doc_issuer  text,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (cardinality(weekdays) BETWEEN 0 AND 7)
);
CREATE INDEX work_schedules_unit ON work_schedules (unit_id);

-- Seasonal periods: a period runs from starts_on (MM-DD) to the next period's start, wrapping over the year end.
CREATE TABLE work_schedule_periods (
  id              uuid PRIMARY KEY,
  schedule_id     uuid NOT NULL REFERENCES work_schedules(id) ON DELETE CASCADE,
  starts_on       text NOT NULL CHECK (starts_on ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  morning_start   text CHECK (morning_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  morning_end     text CHECK (morning_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  afternoon_start text CHECK (afternoon_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  afternoon_end   text CHECK (afternoon_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  UNIQUE (schedule_id, starts_on),
  CHECK ((morning_start IS NULL) = (morning_end IS NULL) AND (morning_start IS NULL OR morning_start < morning_end)),
  CHECK ((afternoon_start IS NULL) = (afternoon_end IS NULL) AND (afternoon_start IS NULL OR afternoon_start < afternoon_end)),
  CHECK (morning_end IS NULL OR afternoon_start IS NULL OR morning_end <= afternoon_start)
);

-- Holidays, nghỉ bù, hoán đổi and làm bù; national (unit_id NULL) or for a unit's subtree.
CREATE TABLE calendar_days (
  id          uuid PRIMARY KEY,
  date        date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY')),
  name        text NOT NULL,
  unit_id     uuid REFERENCES org_units(id),
  legal_basis text,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendar_days_national ON calendar_days (date) WHERE unit_id IS NULL;
CREATE UNIQUE INDEX calendar_days_per_unit ON calendar_days (date, unit_id) WHERE unit_id IS NOT NULL;

-- Rosters: extra duty on days off (one-stop desk on Saturday morning, trực lễ) and the swaps that compensate it.
CREATE TABLE work_rosters (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES org_units(id),
  person_id   uuid REFERENCES persons(id),
  date        date,
  weekday     integer CHECK (weekday BETWEEN 1 AND 7),
  valid_from  date NOT NULL,
  valid_to    date,
  session     text NOT NULL CHECK (session IN ('MORNING', 'AFTERNOON', 'FULL')),
  kind        text NOT NULL CHECK (kind IN ('EXTRA_DUTY', 'OFF_DUTY')),
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((date IS NULL) <> (weekday IS NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX work_rosters_unit ON work_rosters (unit_id);

-- Per-person hours: reduced hours (nuôi con nhỏ), part-time, a different shift. NULL times inherit.
CREATE TABLE person_schedule_overrides (
  id              uuid PRIMARY KEY,
  person_id       uuid NOT NULL REFERENCES persons(id),
  valid_from      date NOT NULL,
  valid_to        date,
  morning_start   text,
  morning_end     text,
  afternoon_start text,
  afternoon_end   text,
  works           text NOT NULL DEFAULT 'BOTH' CHECK (works IN ('BOTH', 'MORNING', 'AFTERNOON')),
  reason          text NOT NULL,
  legal_basis     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX person_schedule_overrides_person ON person_schedule_overrides (person_id);
