-- Temporal organisation graph (domain.md §10.2). Units are never deleted or reused: a unit that stops existing
-- gets valid_to and succession links to the units that took over its staff and functions.
CREATE TABLE org_units (
  id              uuid PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  short_name      text,
  unit_type       text NOT NULL,
  admin_level     text NOT NULL CHECK (admin_level IN ('TRUNG_UONG', 'TINH', 'HUYEN', 'XA', 'KHAC')),
  admin_unit_code text,
  parent_id       uuid REFERENCES org_units(id),
  valid_from      date NOT NULL,
  -- Exclusive: the first day on which the unit no longer exists. NULL = still exists.
  valid_to        date,
  legal_basis     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX org_units_parent ON org_units (parent_id);

-- Merge, split, rename, abolition with transfer of functions: from_ids → to_ids on effective_date.
CREATE TABLE org_successions (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH_TRANSFER_FUNCTIONS')),
  from_ids       uuid[] NOT NULL,
  to_ids         uuid[] NOT NULL,
  effective_date date NOT NULL,
  legal_basis    text,
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
