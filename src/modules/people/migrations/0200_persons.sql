-- Staff. One person record for a whole career, whatever the reorganisations (domain.md §10.2 item 7).
CREATE TABLE persons (
  id             uuid PRIMARY KEY,
  employee_code  text NOT NULL UNIQUE,
  full_name      text NOT NULL,
  gender         text CHECK (gender IN ('NAM', 'NU', 'KHAC')),
  birth_date     date,
  category       text NOT NULL CHECK (category IN ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG')),
  position_title text,
  unit_id        uuid NOT NULL REFERENCES org_units(id),
  status         text NOT NULL DEFAULT 'WORKING' CHECK (status IN ('WORKING', 'ON_LEAVE', 'LEFT')),
  email          text,
  phone          text,
  joined_on      date,
  left_on        date,
  -- Lower-case, diacritics removed: "Nguyễn Văn Đức" → "nguyen van duc", so search works with or without accents.
  search_text    text NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_unit ON persons (unit_id);
CREATE INDEX persons_status ON persons (status);

-- Which unit (and post) a person belonged to on any date; attendance and discipline records use it to refer to the
-- unit valid at their date.
CREATE TABLE person_unit_history (
  id              uuid PRIMARY KEY,
  person_id       uuid NOT NULL REFERENCES persons(id),
  unit_id         uuid NOT NULL REFERENCES org_units(id),
  position_title  text,
  assignment_kind text NOT NULL DEFAULT 'TUYEN_DUNG'
    CHECK (assignment_kind IN ('TUYEN_DUNG', 'BO_NHIEM', 'KIEM_NHIEM', 'BIET_PHAI', 'DIEU_DONG', 'SAP_XEP')),
  valid_from      date NOT NULL,
  valid_to        date,
  legal_basis     text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX person_unit_history_person ON person_unit_history (person_id, valid_from);
CREATE INDEX person_unit_history_unit ON person_unit_history (unit_id);

-- Results of bulk imports, kept so the error report can be downloaded later.
CREATE TABLE staff_imports (
  id            uuid PRIMARY KEY,
  file_name     text NOT NULL,
  requested_by  uuid,
  status        text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  total_rows    integer NOT NULL DEFAULT 0,
  inserted_rows integer NOT NULL DEFAULT 0,
  updated_rows  integer NOT NULL DEFAULT 0,
  rejected_rows integer NOT NULL DEFAULT 0,
  report_key    text,
  error         text,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
